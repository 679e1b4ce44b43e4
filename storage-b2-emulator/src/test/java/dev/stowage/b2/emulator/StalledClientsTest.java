package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that send headers and then nothing neither starve other clients nor hold a thread for long. */
@Timeout(120)
class StalledClientsTest {

  /** Opens a socket that sends a complete request head announcing a body, and then nothing. */
  private static Socket stalledBody(B2Emulator e, String token) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), e.port());
    OutputStream out = s.getOutputStream();
    out.write(
        ("POST /b2api/v2/b2_list_buckets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  /** Opens a socket that sends half a request head and then nothing. */
  private static Socket stalledHead(B2Emulator e) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), e.port());
    s.getOutputStream()
        .write(
            "POST /b2api/v2/b2_list_buckets HTTP/1.1\r\nHost: 127"
                .getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  private static int listBuckets(B2Emulator e, String token, String accountId) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(e.url() + "/b2api/v2/b2_list_buckets"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\":\"" + accountId + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode();
  }

  /** True when the server closed the socket (end of stream or reset) within the socket's read timeout. */
  private static boolean closedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    try {
      byte[] buf = new byte[4096];
      while (true) {
        if (in.read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  @Test
  void fortyStalledBodies_otherClientsStillServedPromptly() throws Exception {
    // the idle timeout is far longer than the test: only the pool's size keeps other clients served
    try (B2Emulator e = B2Emulator.builder().requestIdleTimeout(Duration.ofMinutes(10)).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 48; i++) {
          stalled.add(stalledBody(e, c.token));
        }
        assertThat(listBuckets(e, c.token, c.accountId)).isEqualTo(200);
        assertThat(listBuckets(e, c.token, c.accountId)).isEqualTo(200);
      } finally {
        for (Socket s : stalled) {
          s.close();
        }
      }
    }
  }

  @Test
  void stalledBodiesAndHeads_closedAfterIdleTimeout_andServerKeepsServing() throws Exception {
    try (B2Emulator e =
        B2Emulator.builder().threads(4).requestIdleTimeout(Duration.ofSeconds(1)).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 6; i++) {
          stalled.add(stalledBody(e, c.token));
          stalled.add(stalledHead(e));
        }
        for (Socket s : stalled) {
          // 12 stalled sockets on 4 threads with a 1 s timeout: all are closed in about 3 s
          s.setSoTimeout(30_000);
          assertThat(closedByServer(s)).as("the server closed the stalled connection").isTrue();
        }
        assertThat(listBuckets(e, c.token, c.accountId)).isEqualTo(200);
      } finally {
        for (Socket s : stalled) {
          s.close();
        }
      }
    }
  }

  @Test
  void slowButProgressingUpload_isNotCutOff() throws Exception {
    try (B2Emulator e = B2Emulator.builder().requestIdleTimeout(Duration.ofSeconds(1)).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("slow-upload", "allPrivate");
      var u = c.uploadUrl(bucketId);
      byte[] data = B2TestClient.randomBytes(6, 7);
      String path = URI.create(u.get("uploadUrl").asText()).getRawPath();
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), e.port())) {
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(
            ("POST "
                    + path
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + u.get("authorizationToken").asText()
                    + "\r\nX-Bz-File-Name: slow.bin\r\n"
                    + "Content-Type: b2/x-auto\r\nX-Bz-Content-Sha1: "
                    + B2TestClient.sha1(data)
                    + "\r\nContent-Length: "
                    + data.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (byte b : data) {
          // each byte comes well within the idle timeout, the whole body takes longer than it
          out.write(b);
          out.flush();
          Thread.sleep(300);
        }
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 200");
      }
    }
  }
}
