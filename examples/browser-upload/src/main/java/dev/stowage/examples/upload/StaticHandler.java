package dev.stowage.examples.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Serves the page and its script from the classpath; nothing else. */
final class StaticHandler implements HttpHandler {

  private static final Map<String, String[]> FILES =
      Map.of(
          "/", new String[] {"index.html", "text/html; charset=utf-8"},
          "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
          "/upload.js", new String[] {"upload.js", "text/javascript; charset=utf-8"});

  private final Map<String, byte[]> contents;

  StaticHandler() {
    contents = Map.of("index.html", load("index.html"), "upload.js", load("upload.js"));
  }

  private static byte[] load(String name) {
    try (InputStream in = StaticHandler.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String[] file = FILES.get(exchange.getRequestURI().getPath());
    byte[] body = file == null ? null : contents.get(file[0]);
    if (file == null || body == null || !"GET".equals(exchange.getRequestMethod())) {
      Exchanges.error(exchange, 404, "not found");
      return;
    }
    Exchanges.send(exchange, 200, file[1], body);
  }
}
