package dev.stowage.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving HTTP server on a loopback socket, one thread per connection, for deadline tests:
 * it can stay silent after accepting, send headers and a little body then stall, or trickle a body
 * byte by byte. Connections are held open until {@link #close()}.
 */
final class RawHttpServer implements AutoCloseable {

  /** What the server does with each connection. */
  enum Mode {
    /** Accepts and never reads or answers. */
    SILENT,
    /** Reads the request, answers headers announcing {@link #BODY} bytes, sends 10, stalls. */
    HEADERS_THEN_STALL,
    /** Reads the request, answers headers, then sends the body one byte every {@code gapMillis}. */
    TRICKLE,
    /** Reads the request, sends the status line and one header, then closes: the head is cut. */
    CUT_IN_HEADERS
  }

  /** The body the server announces (and sends, in TRICKLE mode). */
  static final byte[] BODY = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final Mode mode;
  private final long gapMillis;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  RawHttpServer(Mode mode, long gapMillis) throws IOException {
    this.mode = mode;
    this.gapMillis = gapMillis;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "raw-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Returns how many connections were accepted. */
  int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "raw-http-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try {
      if (mode == Mode.SILENT) {
        return; // the socket stays open until close()
      }
      InputStream in = s.getInputStream();
      String request = readHead(in);
      boolean head = request.startsWith("HEAD ");
      OutputStream out = s.getOutputStream();
      if (mode == Mode.CUT_IN_HEADERS) {
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        s.close();
        return;
      }
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                  + BODY.length
                  + "\r\nLast-Modified: Tue, 01 Dec 2026 00:00:00 GMT\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (head) {
        return;
      }
      if (mode == Mode.HEADERS_THEN_STALL) {
        out.write(BODY, 0, 10);
        out.flush();
        return;
      }
      for (byte b : BODY) {
        Thread.sleep(gapMillis);
        out.write(b);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
