package dev.stowage.s3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback front for a real S3 server (S3Proxy) that sees exactly what the adapter puts on the
 * wire and stands in for the B2 refusals S3Proxy cannot emulate (it accepts both): the SDK's
 * flexible-checksum headers, which B2's S3 API lists as unsupported, and an {@code x-amz-acl}
 * other than the bucket's own ACL (B2 accepts that header only when it equals the bucket's; the
 * gate assumes a private bucket). Every request is recorded (method, path, query, headers, body
 * length and MD5); a refused one is answered with 400 {@code InvalidArgument} and not forwarded;
 * every other request is forwarded byte for byte (so signatures stay valid) and S3Proxy's real
 * answer is relayed byte for byte.
 */
final class B2Gate implements AutoCloseable {

  /** One request as received, without its Authorization header. Names compare case-insensitively. */
  record Request(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      long bodyLength,
      byte[] bodyMd5,
      boolean refused) {
    boolean hasHeader(String name) {
      return headers.containsKey(name);
    }

    String header(String name) {
      List<String> v = headers.get(name);
      return v == null ? null : v.get(0);
    }

    boolean hasQuery(String parameter) {
      if (query == null) {
        return false;
      }
      for (String p : query.split("&")) {
        if (p.equals(parameter) || p.startsWith(parameter + "=")) {
          return true;
        }
      }
      return false;
    }
  }

  private final ServerSocket listener;
  private final int upstreamPort;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "b2-gate");
            t.setDaemon(true);
            return t;
          });
  private final List<Request> requests = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  /** Starts a front on an ephemeral loopback port for the server at {@code upstream}. */
  B2Gate(URI upstream) throws IOException {
    upstreamPort = upstream.getPort();
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Returns the header that B2 refuses among {@code headers}, or null. */
  static String unsupportedByB2(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-amz-checksum-")
          || name.equals("x-amz-sdk-checksum-algorithm")
          || name.equals("x-amz-trailer")
          || name.equals("x-amz-acl") && !h.getValue().equals(List.of("private"))) {
        return name;
      }
    }
    return null;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        pool.execute(() -> relay(server, client));
        pool.execute(() -> requests(client, server));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Copies the server's answers to the client unchanged. */
  private static void relay(Socket server, Socket client) {
    try (InputStream in = server.getInputStream()) {
      OutputStream out = client.getOutputStream();
      byte[] buf = new byte[64 << 10];
      for (int n; (n = in.read(buf)) > 0; ) {
        synchronized (client) {
          out.write(buf, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // the connection ended
    } finally {
      closeQuietly(client);
    }
  }

  /** Reads requests one by one from the client, recording each and forwarding or refusing it. */
  private void requests(Socket client, Socket server) {
    try (InputStream in = new BufferedInputStream(client.getInputStream(), 64 << 10)) {
      OutputStream out = server.getOutputStream();
      while (true) {
        byte[] head = readHead(in);
        if (head == null) {
          return;
        }
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          if (colon > 0) {
            headers
                .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                .add(lines[i].substring(colon + 1).trim());
          }
        }
        headers.remove("Authorization"); // forwarded unchanged, but kept out of test reports
        String target = start[1];
        int q = target.indexOf('?');
        String refusedHeader = unsupportedByB2(headers);
        MessageDigest md5 = md5();
        boolean expectContinue = "100-continue".equalsIgnoreCase(first(headers, "Expect"));
        if (refusedHeader != null) {
          record(
              new Request(
                  start[0],
                  q < 0 ? target : target.substring(0, q),
                  q < 0 ? null : target.substring(q + 1),
                  headers,
                  -1,
                  null,
                  true));
          if (!expectContinue) {
            body(in, headers, OutputStream.nullOutputStream(), md5);
          }
          refuse(client, refusedHeader);
          return;
        }
        out.write(head);
        out.flush();
        long length = body(in, headers, out, md5);
        out.flush();
        record(
            new Request(
                start[0],
                q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1),
                headers,
                length,
                md5.digest(),
                false));
      }
    } catch (IOException e) {
      // the connection ended
    } finally {
      closeQuietly(server);
    }
  }

  private void record(Request r) {
    synchronized (requests) {
      requests.add(r);
    }
  }

  private static void refuse(Socket client, String header) throws IOException {
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidArgument</Code>"
                + "<Message>"
                + (header.equals("x-amz-acl")
                    ? "x-amz-acl must be the same as the bucket ACL"
                    : "Unsupported header '" + header + "' received for this API call.")
                + "</Message>"
                + "</Error>")
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/xml\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    synchronized (client) {
      OutputStream out = client.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
    }
    closeQuietly(client);
  }

  /** Reads a request head up to and including the blank line; null at the end of the stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  /** Copies one request body to {@code out}, hashing the body bytes, and returns its length. */
  private static long body(
      InputStream in, Map<String, List<String>> headers, OutputStream out, MessageDigest md5)
      throws IOException {
    String length = first(headers, "Content-Length");
    if (length != null) {
      return copy(in, out, Long.parseLong(length), md5);
    }
    if (!"chunked".equalsIgnoreCase(first(headers, "Transfer-Encoding"))) {
      return 0;
    }
    long total = 0;
    while (true) {
      String sizeLine = line(in, out);
      long size = Long.parseLong(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        while (!line(in, out).isEmpty()) {
          // trailers
        }
        return total;
      }
      total += copy(in, out, size, md5);
      line(in, out);
    }
  }

  private static String line(InputStream in, OutputStream out) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int b; (b = in.read()) >= 0; ) {
      out.write(b);
      if (b == '\n') {
        return s.toString().trim();
      }
      s.append((char) b);
    }
    throw new IOException("end of stream in a chunked body");
  }

  private static long copy(InputStream in, OutputStream out, long n, MessageDigest md5)
      throws IOException {
    byte[] buf = new byte[64 << 10];
    long left = n;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        throw new IOException("end of stream in a body");
      }
      out.write(buf, 0, r);
      md5.update(buf, 0, r);
      left -= r;
    }
    return n;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null ? null : v.get(0);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    synchronized (sockets) {
      sockets.forEach(B2Gate::closeQuietly);
    }
    pool.shutdownNow();
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
