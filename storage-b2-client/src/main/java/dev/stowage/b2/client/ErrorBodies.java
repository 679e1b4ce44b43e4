package dev.stowage.b2.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** Reads B2 error bodies ({@code {status, code, message}}) into {@link B2Exception}s, scrubbed of secrets. */
final class ErrorBodies {
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private final ObjectMapper mapper;
  private final Authorizer authorizer;

  ErrorBodies(ObjectMapper mapper, Authorizer authorizer) {
    this.mapper = mapper;
    this.authorizer = authorizer;
  }

  /** Returns the error code of a failed response without consuming it, or null when it has none. */
  @Nullable String code(Response response) throws IOException {
    JsonNode node = parse(response.peekBody(MAX_ERROR_BODY).string());
    return node == null || !node.path("code").isTextual() ? null : node.path("code").asText();
  }

  /** Builds the exception for a failed response of {@code call}; reads (but does not close) the body. */
  B2Exception toException(String call, Response response) {
    String text;
    try {
      text = response.peekBody(MAX_ERROR_BODY).string();
    } catch (IOException e) {
      text = "";
    }
    JsonNode node = parse(text);
    String code =
        node != null && node.path("code").isTextual()
            ? node.path("code").asText()
            : fallbackCode(response.code());
    String message =
        node != null && node.path("message").isTextual() ? node.path("message").asText() : "";
    return new B2Exception(
        call, response.code(), code, scrub(message, response), retryAfter(response));
  }

  private @Nullable JsonNode parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** HEAD answers have no body; name the usual code for the status so callers can still classify. */
  static String fallbackCode(int status) {
    switch (status) {
      case 400:
        return "bad_request";
      case 401:
        return "unauthorized";
      case 403:
        return "access_denied";
      case 404:
        return "not_found";
      case 408:
        return "request_timeout";
      case 416:
        return "range_not_satisfiable";
      case 429:
        return "too_many_requests";
      case 500:
        return "internal_error";
      case 503:
        return "service_unavailable";
      default:
        return "unknown";
    }
  }

  private String scrub(String message, Response response) {
    List<String> secrets = new ArrayList<>();
    secrets.add(response.request().header("Authorization"));
    B2Credentials c = authorizer.lastCredentials();
    if (c != null) {
      secrets.add(c.keyId());
      secrets.add(c.applicationKey());
    }
    return Redaction.scrub(message, secrets);
  }

  static @Nullable Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null; // an HTTP date: rare from B2, and backoff covers it
    }
  }
}
