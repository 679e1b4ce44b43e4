package dev.stowage.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that records every request (method, path, query, headers, body digest)
 * and answers with minimal but plausible S3 responses, so that tests can see exactly what the
 * adapter puts on the wire. Bodies are read and discarded (only their length and MD5 are kept),
 * so it also serves as a sink for large uploads.
 *
 * <p>Objects whose key contains {@code big} report {@link #BIG_SIZE} bytes on HEAD; others 5.
 * An UploadPart for a key containing {@code fail} with part number 2 answers 400.
 */
final class RecordingS3Server implements AutoCloseable {

  static final long BIG_SIZE = 12L << 20;

  /** One request as received. */
  record Request(String method, String path, String query, Map<String, List<String>> headers,
      long bodyLength, byte[] bodyMd5) {
    boolean hasHeader(String name) {
      return headers.containsKey(name);
    }

    String header(String name) {
      List<String> v = headers.get(name);
      return v == null ? null : v.get(0);
    }

    String param(String parameter) {
      if (query == null) {
        return null;
      }
      for (String p : query.split("&")) {
        if (p.startsWith(parameter + "=")) {
          return p.substring(parameter.length() + 1);
        }
      }
      return null;
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

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final List<Request> requests = new ArrayList<>();

  RecordingS3Server() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(ex.getRequestHeaders());
      MessageDigest md5 = md5();
      long length = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = ex.getRequestBody()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          md5.update(buffer, 0, n);
          length += n;
        }
      }
      String query = ex.getRequestURI().getRawQuery();
      Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), query, headers,
          length, md5.digest());
      synchronized (requests) {
        requests.add(r);
      }
      respond(ex, r);
    }
  }

  private void respond(HttpExchange ex, Request r) throws IOException {
    String key = r.path().substring(r.path().indexOf('/', 1) + 1);
    String etag = "\"" + HexFormat.of().formatHex(r.bodyMd5()) + "\"";
    switch (r.method()) {
      case "HEAD":
        ex.getResponseHeaders().add("Content-Length", key.contains("big") ? String.valueOf(BIG_SIZE) : "5");
        ex.getResponseHeaders().add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
        ex.getResponseHeaders().add("Content-Type", "text/plain");
        ex.getResponseHeaders().add("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT");
        ex.sendResponseHeaders(200, -1);
        return;
      case "GET":
        if (r.hasQuery("list-type")) {
          xml(ex, 200, "<ListBucketResult><Name>b</Name><Prefix></Prefix><KeyCount>2</KeyCount>"
              + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
              + "<Contents><Key>dir/a.txt</Key><LastModified>2026-11-23T10:00:00.000Z</LastModified>"
              + "<ETag>\"5d41402abc4b2a76b9719d911017c592\"</ETag><Size>5</Size></Contents>"
              + "<Contents><Key>dir/b.txt</Key><LastModified>2026-11-23T10:00:00.000Z</LastModified>"
              + "<ETag>\"5d41402abc4b2a76b9719d911017c592\"</ETag><Size>5</Size></Contents>"
              + "</ListBucketResult>");
          return;
        }
        if (r.hasQuery("uploads")) {
          xml(ex, 200, "<ListMultipartUploadsResult><Bucket>b</Bucket><IsTruncated>false</IsTruncated>"
              + "</ListMultipartUploadsResult>");
          return;
        }
        byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
        ex.getResponseHeaders().add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
        ex.getResponseHeaders().add("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        return;
      case "PUT":
        if (r.hasQuery("partNumber") && r.hasHeader("x-amz-copy-source")) {
          xml(ex, 200, "<CopyPartResult><ETag>" + etag + "</ETag>"
              + "<LastModified>2026-11-23T10:00:00.000Z</LastModified></CopyPartResult>");
          return;
        }
        if (key.contains("fail") && "2".equals(r.param("partNumber"))) {
          xml(ex, 400, "<Error><Code>InvalidArgument</Code><Message>staged</Message></Error>");
          return;
        }
        if (r.hasHeader("x-amz-copy-source")) {
          xml(ex, 200, "<CopyObjectResult><ETag>" + etag + "</ETag>"
              + "<LastModified>2026-11-23T10:00:00.000Z</LastModified></CopyObjectResult>");
          return;
        }
        ex.getResponseHeaders().add("ETag", etag);
        ex.sendResponseHeaders(200, -1);
        return;
      case "POST":
        if (r.hasQuery("delete")) {
          xml(ex, 200, "<DeleteResult></DeleteResult>");
        } else if (r.hasQuery("uploads")) {
          xml(ex, 200, "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>" + key
              + "</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>");
        } else {
          xml(ex, 200, "<CompleteMultipartUploadResult><Bucket>b</Bucket><Key>" + key
              + "</Key><ETag>\"3858f62230ac3c915f300c664312c11f-2\"</ETag></CompleteMultipartUploadResult>");
        }
        return;
      case "DELETE":
        ex.sendResponseHeaders(204, -1);
        return;
      default:
        xml(ex, 405, "<Error><Code>MethodNotAllowed</Code></Error>");
    }
  }

  private static void xml(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/xml");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
