package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FaultProxyTest {

  private TinyHttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void startServer() throws IOException {
    server = new TinyHttpServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private FaultProxy proxy(Fault... faults) {
    return FaultProxy.start("127.0.0.1", server.port(), FaultSchedule.scripted(faults));
  }

  private static String get(int n) {
    return "GET /bytes?n=" + n + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  }

  private static Socket send(FaultProxy proxy, String request) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** Reads until EOF; returns the bytes, or throws what the read threw with the count so far. */
  private static byte[] readToEof(InputStream in, ByteArrayOutputStream sink) throws IOException {
    byte[] buffer = new byte[4096];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      sink.write(buffer, 0, n);
    }
    return sink.toByteArray();
  }

  private static byte[] bodyOf(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    return text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void forward_noFault_isByteTransparentBothWays() throws Exception {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), FaultSchedule.none())) {
      URI base = URI.create("http://127.0.0.1:" + proxy.port());
      HttpResponse<byte[]> get =
          http.send(
              HttpRequest.newBuilder(base.resolve("/bytes?n=300000")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      byte[] upload = TinyHttpServer.body(200_000);
      HttpResponse<byte[]> echo =
          http.send(
              HttpRequest.newBuilder(base.resolve("/echo"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(upload))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(get.body()).isEqualTo(TinyHttpServer.body(300_000));
      assertThat(echo.body()).isEqualTo(upload);
      assertThat(proxy.schedule().firedTotal()).isZero();
    }
  }

  @Test
  void reset_afterBytes_clientSeesConnectionReset() throws Exception {
    try (FaultProxy proxy = proxy(Fault.reset(100));
        Socket socket = send(proxy, get(100_000))) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();

      assertThatThrownBy(() -> readToEof(socket.getInputStream(), got))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      assertThat(got.size()).isLessThanOrEqualTo(100);
      assertThat(proxy.schedule().fired(FaultKind.RESET)).isEqualTo(1);
    }
  }

  @Test
  void reset_httpClient_failsWithIoException() {
    try (FaultProxy proxy = proxy(Fault.reset(10))) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/bytes?n=5000"))
              .build();

      assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void truncate_afterBytes_clientSeesCleanEofBeforeContentLength() throws Exception {
    try (FaultProxy proxy = proxy(Fault.truncate(300));
        Socket socket = send(proxy, get(10_000))) {
      byte[] response = readToEof(socket.getInputStream(), new ByteArrayOutputStream());

      assertThat(response).hasSize(300);
      String head = new String(response, StandardCharsets.ISO_8859_1);
      assertThat(head).containsIgnoringCase("content-length: 10000");
      assertThat(bodyOf(response).length).isLessThan(10_000);
      assertThat(proxy.schedule().fired(FaultKind.TRUNCATE)).isEqualTo(1);
    }
  }

  @Test
  void stall_response_readTimeoutFiresWhileSocketStaysOpen() throws Exception {
    try (FaultProxy proxy = proxy(Fault.stall(Fault.Direction.RESPONSE, 0));
        Socket socket = send(proxy, get(1000))) {
      socket.setSoTimeout(500);

      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(proxy.openConnections()).isEqualTo(1);
      assertThat(server.requests.get()).isEqualTo(1);
      assertThat(proxy.schedule().fired(FaultKind.STALL)).isEqualTo(1);
    }
  }

  @Test
  void stall_request_serverNeverSeesTheRequest() throws Exception {
    try (FaultProxy proxy = proxy(Fault.stall(Fault.Direction.REQUEST, 0));
        Socket socket = send(proxy, get(1000))) {
      socket.setSoTimeout(500);

      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(server.requests.get()).isZero();
    }
  }

  @Test
  void stall_both_stopsMidBody() throws Exception {
    try (FaultProxy proxy = proxy(Fault.stall(Fault.Direction.BOTH, 500));
        Socket socket = send(proxy, get(100_000))) {
      socket.setSoTimeout(500);
      ByteArrayOutputStream got = new ByteArrayOutputStream();

      assertThatThrownBy(() -> readToEof(socket.getInputStream(), got))
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(got.size()).isEqualTo(500);
    }
  }

  @Test
  void close_whileStalled_releasesClientAndThreads() throws Exception {
    FaultProxy proxy = proxy(Fault.stall(Fault.Direction.BOTH, 0));
    try (Socket socket = send(proxy, get(1000))) {
      socket.setSoTimeout(500);
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(Thread.getAllStackTraces().keySet())
          .filteredOn(t -> t.getName().startsWith("fault-proxy-"))
          .isNotEmpty()
          .allMatch(Thread::isDaemon);

      proxy.close();

      socket.setSoTimeout(5_000);
      int read;
      try {
        read = socket.getInputStream().read();
      } catch (SocketException e) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
      assertThat(proxy.openConnections()).isZero();
    }
  }

  @Test
  void slow_throttlesButDeliversEveryByte() throws Exception {
    try (FaultProxy proxy = proxy(Fault.slow(20_000))) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + proxy.port() + "/bytes?n=10000"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(response.body()).isEqualTo(TinyHttpServer.body(10_000));
      // 10 KB at 20 KB/s cannot take less than ~0.5 s; the throttle sleeps, so this bound is not
      // luck
      assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400));
      assertThat(proxy.schedule().fired(FaultKind.SLOW)).isEqualTo(1);
    }
  }

  @Test
  void refuse_fault_resetsBeforeAnyByteAndServerSeesNothing() throws Exception {
    FaultSchedule alwaysRefuse =
        FaultSchedule.seeded(1)
            .probability(1)
            .weight(FaultKind.RESET, 0)
            .weight(FaultKind.STALL, 0)
            .weight(FaultKind.TRUNCATE, 0)
            .weight(FaultKind.SLOW, 0)
            .weight(FaultKind.FLIP, 0)
            .build();
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), alwaysRefuse)) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/bytes?n=10"))
              .build();

      assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
          .isInstanceOf(IOException.class);
      assertThat(server.requests.get()).isZero();
      assertThat(proxy.schedule().fired(FaultKind.REFUSE))
          .isPositive()
          .isEqualTo(proxy.schedule().connections());
    }
  }

  @Test
  void refuseConnections_newClientsSeeConnectionRefused_untilAcceptConnections() throws Exception {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), FaultSchedule.none())) {
      proxy.refuseConnections();

      assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), proxy.port()).close())
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("refused");

      proxy.acceptConnections();
      try (Socket socket = send(proxy, get(10))) {
        assertThat(bodyOf(readToEof(socket.getInputStream(), new ByteArrayOutputStream())))
            .isEqualTo(TinyHttpServer.body(10));
      }
    }
  }

  @Test
  void flip_bodyOffset_changesExactlyThatBodyByte() throws Exception {
    try (FaultProxy proxy = proxy(Fault.flip(5))) {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + proxy.port() + "/bytes?n=1000"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());

      byte[] expected = TinyHttpServer.body(1000);
      expected[5] ^= 0x01;
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(expected);
      assertThat(proxy.schedule().fired(FaultKind.FLIP)).isEqualTo(1);
    }
  }

  @Test
  void fault_offsetPastTheResponse_neverFires() throws Exception {
    try (FaultProxy proxy = proxy(Fault.reset(1_000_000));
        Socket socket = send(proxy, get(100))) {
      byte[] response = readToEof(socket.getInputStream(), new ByteArrayOutputStream());

      assertThat(bodyOf(response)).isEqualTo(TinyHttpServer.body(100));
      assertThat(proxy.schedule().decided(FaultKind.RESET)).isEqualTo(1);
      assertThat(proxy.schedule().fired(FaultKind.RESET)).isZero();
    }
  }

  @Test
  void start_badArguments_failNamingTheArgument() {
    assertThatThrownBy(() -> FaultProxy.start("", 80, FaultSchedule.none()))
        .hasMessageContaining("targetHost");
    assertThatThrownBy(() -> FaultProxy.start("127.0.0.1", 0, FaultSchedule.none()))
        .hasMessageContaining("targetPort");
    assertThatThrownBy(() -> FaultProxy.start("127.0.0.1", 80, null))
        .hasMessageContaining("schedule");
  }
}
