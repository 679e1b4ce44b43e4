package dev.stowage.b2.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request, parsed once: method, API version, {@code b2_*} operation, the path arguments after it, the
 * query, and (after the authentication filter) who is calling.
 */
final class Call {
  private static final int MAX_JSON = 1 << 20;

  private final HttpExchange exchange;
  private final String method;
  private final int apiVersion;
  private final String operation;
  private final List<String> args;
  private final Map<String, String> query;
  private @Nullable Params params;
  private @Nullable Principal principal;
  private Tokens.@Nullable UploadGrant uploadGrant;

  Call(
      HttpExchange exchange,
      int apiVersion,
      String operation,
      List<String> args,
      Map<String, String> query) {
    this.exchange = exchange;
    this.method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    this.apiVersion = apiVersion;
    this.operation = operation;
    this.args = List.copyOf(args);
    this.query = Map.copyOf(query);
  }

  HttpExchange exchange() {
    return exchange;
  }

  String method() {
    return method;
  }

  boolean isHead() {
    return method.equals("HEAD");
  }

  /** 1..4 for {@code /b2api/vN} calls; 0 for {@code /file/...} and the admin endpoint. */
  int apiVersion() {
    return apiVersion;
  }

  String operation() {
    return operation;
  }

  List<String> args() {
    return args;
  }

  Map<String, String> query() {
    return query;
  }

  @Nullable String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  InputStream body() {
    return exchange.getRequestBody();
  }

  /** The presented token: the {@code Authorization} header, else the {@code Authorization} query parameter. */
  @Nullable String token() {
    String h = header("Authorization");
    return h != null ? h.trim() : query.get("Authorization");
  }

  /** The JSON fields: the POST body (empty means {@code {}}), or the query parameters of a GET. */
  Params params() throws IOException {
    if (params == null) {
      if (method.equals("GET") || method.equals("HEAD")) {
        params = Params.ofQuery(query);
      } else {
        params = new Params(parseBody());
      }
    }
    return params;
  }

  private ObjectNode parseBody() throws IOException {
    byte[] bytes = body().readNBytes(MAX_JSON + 1);
    if (bytes.length > MAX_JSON) {
      throw B2Error.BAD_REQUEST.exception("request body too large");
    }
    if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return Json.object();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw B2Error.BAD_JSON.exception("the request body must be a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw B2Error.BAD_JSON.exception("the request body is not valid JSON");
    }
  }

  Principal principal() {
    if (principal == null) {
      throw new IllegalStateException("no principal for " + operation);
    }
    return principal;
  }

  @Nullable Principal principalOrNull() {
    return principal;
  }

  void authenticated(Principal p) {
    this.principal = p;
  }

  Tokens.UploadGrant uploadGrant() {
    if (uploadGrant == null) {
      throw new IllegalStateException("no upload grant for " + operation);
    }
    return uploadGrant;
  }

  void uploadGranted(Tokens.UploadGrant grant) {
    this.uploadGrant = grant;
  }

  /** The file object shapes use the version of the call; {@code /file/} downloads count as v2. */
  int shapeVersion() {
    return apiVersion == 0 ? 2 : apiVersion;
  }
}
