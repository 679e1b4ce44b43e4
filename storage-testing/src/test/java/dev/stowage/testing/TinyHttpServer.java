package dev.stowage.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server for proxy tests: {@code GET /bytes?n=N} and {@code POST /echo}. */
final class TinyHttpServer implements AutoCloseable {

  final AtomicInteger requests = new AtomicInteger();
  private final HttpServer server;

  TinyHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "tiny-http");
              t.setDaemon(true);
              return t;
            }));
    server.createContext(
        "/bytes",
        exchange -> {
          requests.incrementAndGet();
          int n = Integer.parseInt(exchange.getRequestURI().getQuery().substring(2));
          byte[] body = body(n);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/echo",
        exchange -> {
          requests.incrementAndGet();
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The deterministic body {@code /bytes?n=N} returns. */
  static byte[] body(int n) {
    byte[] body = new byte[n];
    for (int i = 0; i < n; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    return body;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
