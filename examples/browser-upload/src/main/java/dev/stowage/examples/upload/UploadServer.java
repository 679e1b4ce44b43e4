package dev.stowage.examples.upload;

import com.sun.net.httpserver.HttpServer;
import dev.stowage.Filesystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves an upload page and the upload tickets it needs, from any {@link Filesystem}: the browser
 * sends the file straight to the bucket, and this server never sees its bytes.
 *
 * <pre>{@code
 * try (Filesystem fs = Filesystems.open("b2://my-bucket");
 *      UploadServer server = UploadServer.builder(fs).port(8080).start()) {
 *   System.out.println("open " + server.uri());
 *   // … serve until stopped
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code GET /} (the page), {@code POST /ticket} with {@code {name, contentType,
 * size}} (answers the ticket as JSON), {@code GET /url?path=P} (a link to an uploaded file). The
 * bucket must allow the page's origin through CORS (see {@code stowage setup --cors}).
 */
public final class UploadServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI uri;

  private UploadServer(Builder b) throws IOException {
    server = HttpServer.create(new InetSocketAddress(b.address, b.port), 50);
    server.createContext("/", new StaticHandler());
    server.createContext("/ticket", new TicketHandler(b.fs, b.prefix, b.maxSize, b.ticketTtl));
    server.createContext("/url", new UrlHandler(b.fs, b.prefix, b.linkTtl));
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "upload-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    String host = b.address.isLoopbackAddress() ? "127.0.0.1" : b.address.getHostAddress();
    uri = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
  }

  /** Returns a builder for a server handing out tickets for {@code fs}. */
  public static Builder builder(Filesystem fs) {
    return new Builder(fs);
  }

  /** Returns the page's address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server; the filesystem stays open (it belongs to the caller). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Configures an {@link UploadServer}. */
  public static final class Builder {
    private final Filesystem fs;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private String prefix = "uploads/";
    private long maxSize = 100L * 1024 * 1024;
    private Duration ticketTtl = Duration.ofMinutes(15);
    private Duration linkTtl = Duration.ofHours(1);

    private Builder(Filesystem fs) {
      this.fs = Objects.requireNonNull(fs, "fs");
    }

    /** Sets the address to listen on; default loopback only. */
    public Builder address(InetAddress value) {
      address = Objects.requireNonNull(value, "address");
      return this;
    }

    /** Sets the port; 0 (the default) picks a free one. */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + value);
      }
      port = value;
      return this;
    }

    /** Sets the directory uploads go to (default {@code uploads/}); links are given only below it. */
    public Builder prefix(String value) {
      String p = Objects.requireNonNull(value, "prefix").replaceAll("^/+", "");
      if (p.isEmpty() || p.contains("..")) {
        throw new IllegalArgumentException("prefix must be a directory such as uploads/: " + value);
      }
      prefix = p.endsWith("/") ? p : p + "/";
      return this;
    }

    /** Sets the largest file a ticket is given for (default 100 MiB). */
    public Builder maxSize(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxSize must be 0 or more: " + bytes);
      }
      maxSize = bytes;
      return this;
    }

    /** Sets how long tickets work (default 15 minutes; B2 native upload tokens last 24 hours anyway). */
    public Builder ticketTtl(Duration value) {
      ticketTtl = positive(value, "ticketTtl");
      return this;
    }

    /** Sets how long temporary links to uploaded files work (default 1 hour). */
    public Builder linkTtl(Duration value) {
      linkTtl = positive(value, "linkTtl");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    /** Starts the server. */
    public UploadServer start() {
      try {
        return new UploadServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot listen on " + address.getHostAddress() + ":" + port, e);
      }
    }
  }
}
