package dev.stowage.setup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server that records every request (method, path, query, headers, body) and answers via a responder. */
final class RecordingServer implements AutoCloseable {

  /** One recorded request; header names are lower-cased. */
  record Request(
      String method, String path, String query, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return method + " " + path + (query == null ? "" : "?" + query);
    }
  }

  /** A response to send. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    static Response of(int status, String contentType, String body) {
      return new Response(
          status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Decides the response to a request. */
  interface Responder {
    Response respond(Request request);
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  RecordingServer(Responder responder) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> handle(exchange, responder));
    server.start();
  }

  /** A server that answers every request with 500, for tests that expect no request at all. */
  static RecordingServer failingAll() throws IOException {
    return new RecordingServer(r -> Response.of(500, "text/plain", "no request was expected"));
  }

  private void handle(HttpExchange exchange, Responder responder) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      URI uri = exchange.getRequestURI();
      Request request =
          new Request(
              exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
      requests.add(request);
      Response response = responder.respond(request);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      boolean noBody = request.method().equals("HEAD") || response.body().length == 0;
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  void clear() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
