package dev.stowage.examples.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading requests and writing JSON answers for the example's handlers. */
final class Exchanges {

  static final ObjectMapper JSON = new ObjectMapper();

  private Exchanges() {}

  /** Returns the request body, refusing more than {@code max} bytes. */
  static byte[] body(HttpExchange exchange, int max) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] data = in.readNBytes(max + 1);
      if (data.length > max) {
        throw new IllegalArgumentException("the request body is larger than " + max + " bytes");
      }
      return data;
    }
  }

  /** Sends {@code value} as JSON with {@code status}. */
  static void json(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
  }

  /** Sends {@code {"error": message}} with {@code status}; a missing message is sent as {@code request failed}. */
  static void error(HttpExchange exchange, int status, @Nullable String message)
      throws IOException {
    json(exchange, status, Map.of("error", message == null ? "request failed" : message));
  }

  /** Sends {@code body} with the given status and content type; never cached. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    // -1 means "no body" to the JDK server; 0 would mean chunked.
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
