package dev.stowage.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A loopback web server in front of a local root, standing in for the nginx or CDN a
 * {@code publicUrlBase} points at: GET {@code /files/<path>} serves public files, answers 403 for
 * private ones (as a server running as another user would) and 404 for anything else. It reads
 * through a {@link LocalAdapter}, so links are never followed here either.
 */
final class StaticFileServer implements AutoCloseable {

  private final HttpServer server;
  private volatile LocalAdapter adapter;

  StaticFileServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/");
  }

  void serve(LocalAdapter served) {
    this.adapter = served;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith("/files/") || adapter == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String key = path.substring("/files/".length());
      FileAttributes stat;
      try {
        stat = adapter.stat(key);
      } catch (StorageException e) {
        exchange.sendResponseHeaders(e.kind() == StorageException.Kind.NOT_FOUND ? 404 : 403, -1);
        return;
      }
      if (stat.visibility() == Visibility.PRIVATE) {
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      byte[] body;
      try (InputStream in = adapter.read(key, null)) {
        body = in.readAllBytes();
      }
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
