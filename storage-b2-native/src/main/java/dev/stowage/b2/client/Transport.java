package dev.stowage.b2.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs requests through the interceptor chain and turns answers into records or {@link B2Exception}s.
 * Transport failures surface as {@link UncheckedIOException}.
 */
final class Transport {
  static final String API_PREFIX = "/b2api/v2/";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  final OkHttpClient http;
  final ObjectMapper mapper;
  final Authorizer authorizer;
  final ErrorBodies errors;

  Transport(OkHttpClient http, ObjectMapper mapper, Authorizer authorizer, ErrorBodies errors) {
    this.http = http;
    this.mapper = mapper;
    this.authorizer = authorizer;
    this.errors = errors;
  }

  /**
   * POSTs {@code body} as JSON to the account-token call {@code call} and reads the answer as {@code type}.
   * Top-level null fields are left out (B2 reads "absent" as "not given"); nested values, such as rule
   * objects, go out as the caller built them, nulls included.
   */
  <T> T post(String call, Map<String, Object> body, Class<T> type) {
    CallTag tag = CallTag.account(call, CallTag.Base.API, API_PREFIX + call);
    Map<String, Object> sent = new LinkedHashMap<>(body);
    sent.values().removeIf(Objects::isNull);
    Request request = new Request.Builder()
        .url(tag.url(authorizer.current()))
        .post(RequestBody.create(json(sent), JSON))
        .tag(CallTag.class, tag)
        .build();
    return readJson(request, call, type);
  }

  /** Executes {@code request} and reads a successful answer as {@code type}, else throws. */
  <T> T readJson(Request request, String call, Class<T> type) {
    String text;
    try (Response response = execute(request)) {
      if (!response.isSuccessful()) {
        throw errors.toException(call, response);
      }
      ResponseBody body = response.body();
      text = body == null ? "{}" : body.string();
    } catch (IOException e) {
      throw new UncheckedIOException(call + " failed: " + e.getMessage(), e);
    }
    try {
      return mapper.readValue(text, type);
    } catch (IOException e) {
      // No cause and no parser detail: some answers (authorize, upload URLs, keys) hold secrets.
      throw new UncheckedIOException(new IOException(call + " returned an answer that is not the expected JSON"));
    }
  }

  /** Executes {@code request}; the caller closes the response. */
  Response execute(Request request) {
    try {
      return http.newCall(request).execute();
    } catch (IOException e) {
      CallTag tag = request.tag(CallTag.class);
      throw new UncheckedIOException((tag == null ? "request" : tag.call()) + " failed: " + e.getMessage(), e);
    }
  }

  byte[] json(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
