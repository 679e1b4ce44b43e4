package dev.stowage.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.FilesystemAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Serves an adapter's public files over HTTP on loopback, standing in for the CDN, web server or
 * bucket endpoint a public-URL base points at, so that the kit's public-URL cases can fetch what
 * {@code publicUrl} returns for adapters that have no such endpoint of their own (local disk,
 * memory).
 *
 * <pre>{@code
 * StaticFileServer server = StaticFileServer.start();
 * MemoryAdapter adapter = MemoryAdapter.builder().publicUrlBase(server.base()).build();
 * server.serve(adapter);          // after building: the adapter needs the base first
 * // … run the kit
 * server.close();
 * }</pre>
 *
 * <p>{@code GET} (and {@code HEAD}) of {@code base() + path} answers 200 with the bytes of a
 * public file, 403 for a private one (as a server without the owner's rights would) or a path
 * the adapter refuses, 404 for a missing one and 500 for any other failure; other methods
 * answer 405. Files are read through the adapter, so the server sees exactly what the adapter's
 * own reads see (a local adapter that skips symbolic links skips them here too). It serves
 * nothing until {@link #serve} is called.
 */
public final class StaticFileServer implements AutoCloseable {

  private static final String PREFIX = "/files/";

  private final HttpServer server;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable FilesystemAdapter adapter;

  private StaticFileServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static StaticFileServer start() {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    StaticFileServer server = new StaticFileServer(http);
    http.createContext("/", server::handle);
    http.start();
    return server;
  }

  /** Returns the base URL under which files are served, ending in {@code /}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX);
  }

  /** Serves the files of {@code served} from now on, in place of any earlier adapter. */
  public void serve(FilesystemAdapter served) {
    this.adapter = served;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      FilesystemAdapter served = adapter;
      if (served == null || path == null || !path.startsWith(PREFIX)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String key = path.substring(PREFIX.length());
      FileAttributes stat;
      byte[] body;
      try {
        stat = served.stat(key);
        if (stat.visibility() != Visibility.PUBLIC) {
          exchange.sendResponseHeaders(403, -1);
          return;
        }
        try (InputStream in = served.read(key, null)) {
          body = in.readAllBytes();
        }
      } catch (BackendException e) {
        exchange.sendResponseHeaders(status(e.kind()), -1);
        return;
      } catch (StorageException e) {
        exchange.sendResponseHeaders(status(e.kind()), -1);
        return;
      }
      if (stat.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", stat.contentType());
      }
      boolean head = "HEAD".equals(method);
      exchange.sendResponseHeaders(200, head || body.length == 0 ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static int status(StorageException.Kind kind) {
    switch (kind) {
      case NOT_FOUND:
        return 404;
      case PERMISSION_DENIED:
      case INVALID_INPUT:
      case IS_A_DIRECTORY:
        return 403;
      default:
        return 500;
    }
  }

  /** Stops the server at once; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
    }
  }
}
