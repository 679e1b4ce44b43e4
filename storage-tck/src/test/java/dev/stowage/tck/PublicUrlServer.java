package dev.stowage.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.spi.FilesystemAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Serves an adapter's public files over HTTP on loopback, the way a bucket's public endpoint
 * does, so that the kit's public-URL cases can fetch what {@code publicUrl} returns. Private
 * files answer 403, missing ones 404.
 */
final class PublicUrlServer implements AutoCloseable {

  private final HttpServer server;
  private volatile FilesystemAdapter adapter;

  PublicUrlServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/");
  }

  void serve(FilesystemAdapter served) {
    this.adapter = served;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith("/files/") || adapter == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String key = path.substring("/files/".length());
      FileAttributes stat;
      try {
        stat = adapter.stat(key);
      } catch (StorageException e) {
        exchange.sendResponseHeaders(e.kind() == StorageException.Kind.NOT_FOUND ? 404 : 500, -1);
        return;
      }
      if (stat.visibility() != Visibility.PUBLIC) {
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
