package dev.stowage.b2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw loopback server that speaks just enough of the B2 API for an adapter to authorise and
 * find its bucket, then misbehaves on every other request: {@link Mode#SILENT} accepts and never
 * answers; {@link Mode#STALL} answers a download with its headers and a few body bytes, then stops.
 * With {@code authorize} false it is silent from the first request on.
 */
final class FaultyB2Server implements AutoCloseable {
  static final String BUCKET = "faulty-bucket";

  /** What happens to the requests after authorisation and the bucket lookup. */
  enum Mode {
    SILENT,
    STALL
  }

  private final ServerSocket server;
  private final Mode mode;
  private final boolean authorize;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger misbehaved = new AtomicInteger();

  FaultyB2Server(Mode mode, boolean authorize) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.mode = mode;
    this.authorize = authorize;
    Thread t = new Thread(this::acceptLoop, "faulty-b2-accept");
    t.setDaemon(true);
    t.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Returns how many requests got the faulty treatment. */
  int misbehaved() {
    return misbehaved.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "faulty-b2-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String requestLine = head.substring(0, head.indexOf('\r'));
        long length = contentLength(head);
        if (!authorize) {
          misbehaved.incrementAndGet();
          return; // hold the connection, never answer (the socket stays open until close())
        }
        in.readNBytes((int) Math.max(0, Math.min(length, 1 << 20)));
        if (requestLine.contains("b2_authorize_account")) {
          json(
              out,
              "{\"accountId\":\"acc\",\"authorizationToken\":\"tok\",\"apiUrl\":\""
                  + url()
                  + "\",\"downloadUrl\":\""
                  + url()
                  + "\",\"recommendedPartSize\":1000,"
                  + "\"absoluteMinimumPartSize\":100,\"allowed\":{\"capabilities\":[]}}");
        } else if (requestLine.contains("b2_list_buckets")) {
          json(
              out,
              "{\"buckets\":[{\"accountId\":\"acc\",\"bucketId\":\"bid\",\"bucketName\":\""
                  + BUCKET
                  + "\",\"bucketType\":\"allPrivate\",\"bucketInfo\":{},\"revision\":1}]}");
        } else if (requestLine.contains("b2_get_upload_url")) {
          json(
              out,
              "{\"bucketId\":\"bid\",\"uploadUrl\":\""
                  + url()
                  + "/upload\",\"authorizationToken\":\"up\"}");
        } else {
          misbehaved.incrementAndGet();
          if (mode == Mode.STALL && requestLine.startsWith("GET")) {
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: application/octet-stream\r\n"
                        + "X-Bz-File-Id: fid\r\nX-Bz-File-Name: f\r\nX-Bz-Content-Sha1: "
                        + "0000000000000000000000000000000000000000\r\nX-Bz-Upload-Timestamp: 1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (!requestLine.contains("b2_download_file_by_id")) {
              out.write(new byte[100]); // the first download moves a little; resumes move nothing
            }
            out.flush();
          }
          return; // then nothing more
        }
      }
    } catch (IOException e) {
      // the client gave up
    }
  }

  private static void json(OutputStream out, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + b.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(b);
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int state = 0;
    for (int c; (c = in.read()) >= 0; ) {
      buf.write(c);
      state =
          (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
              ? state + 1
              : (c == '\r' ? 1 : 0);
      if (state == 4) {
        return buf.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
