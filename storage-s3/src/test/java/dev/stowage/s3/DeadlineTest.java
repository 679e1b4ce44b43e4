package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.spi.Timeouts;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No S3 operation hangs: a silent server, a body that stalls and a closed port all fail typed
 * (UNAVAILABLE) within their deadline plus a margin, while a body that keeps moving is not cut by
 * the per-operation deadline.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadlineTest {

  private static final long MARGIN_MILLIS = 1500;

  @Test
  void stat_silentServerWithTwoSecondTimeoutSetting_unavailableWithinDeadline() throws Exception {
    try (RawHttpServer server = new RawHttpServer(RawHttpServer.Mode.SILENT, 0);
        Filesystem fs = open(server.endpoint(), Map.of("timeout", "2s"))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> fs.stat("a.txt"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.getMessage()).contains("timeout");
              });

      assertThat(millisSince(start)).isLessThan(2000 + MARGIN_MILLIS);
    }
  }

  @Test
  void write_silentServerWithTwoSecondTimeout_unavailableWithinDeadline() throws Exception {
    try (RawHttpServer server = new RawHttpServer(RawHttpServer.Mode.SILENT, 0);
        Filesystem fs = open(server.endpoint(), Map.of("timeout", "2s"))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> fs.write("a.txt", "hello"))
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));

      assertThat(millisSince(start)).isLessThan(2000 + MARGIN_MILLIS);
    }
  }

  @Test
  void read_bodyStallsAfterHeaders_unavailableWithinIdleTimeout() throws Exception {
    try (RawHttpServer server = new RawHttpServer(RawHttpServer.Mode.HEADERS_THEN_STALL, 0);
        Filesystem fs = open(server.endpoint(), Map.of("idleTimeout", "1s", "timeout", "20s"))) {
      InputStream in = fs.readStream("a.bin");
      long start = System.nanoTime();

      assertThatThrownBy(in::readAllBytes).satisfies(e -> assertThat(unavailable(e)).isTrue());

      assertThat(millisSince(start)).isLessThan(1000 + MARGIN_MILLIS);
      in.close();
    }
  }

  @Test
  void read_bodyKeepsMovingPastTheOperationDeadline_completes() throws Exception {
    // 20 bytes, one every 150 ms: 3 s in all, past the 1 s operation deadline, never idle 1 s.
    try (RawHttpServer server = new RawHttpServer(RawHttpServer.Mode.TRICKLE, 150);
        Filesystem fs = open(server.endpoint(), Map.of("idleTimeout", "1s", "timeout", "1s"))) {
      long start = System.nanoTime();

      byte[] body = fs.read("a.bin");

      assertThat(body).isEqualTo(RawHttpServer.BODY);
      assertThat(millisSince(start)).isGreaterThan(1000);
    }
  }

  @Test
  void stat_closedPortWithDefaultSettings_unavailableWithinTwoSeconds() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    S3Config config =
        S3Config.builder("bucket")
            .profile(S3Profile.GENERIC)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .credentials("AKIDEXAMPLE", "not-a-secret")
            .build();
    assertThat(config.timeouts()).isEqualTo(Timeouts.DEFAULT);
    try (Filesystem fs = Filesystem.of(S3Adapter.create(config))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> fs.stat("a.txt"))
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));

      assertThat(millisSince(start)).isLessThan(2000 + MARGIN_MILLIS);
    }
  }

  @Test
  void config_timeoutSettings_parsedIntoTimeouts() {
    S3Config c =
        S3Provider.config(
            URI.create(
                "s3://bucket?endpoint=http://127.0.0.1:9&timeout=90s"
                    + "&connectTimeout=2s&idleTimeout=10s"),
            Map.of());

    assertThat(c.timeouts())
        .isEqualTo(
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(90)));
    assertThatThrownBy(
            () ->
                S3Provider.config(
                    URI.create("s3://bucket?endpoint=http://127.0.0.1:9" + "&timeout=0s"),
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void copyTimeout_largeCopy_operationDeadlinePlusOneSecondPer16MiB() {
    S3Config c =
        S3Config.builder("bucket")
            .timeouts(Timeouts.DEFAULT.withOperation(Duration.ofSeconds(10)))
            .build();

    assertThat(c.copyTimeout(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.copyTimeout(5L << 30)).isEqualTo(Duration.ofSeconds(10 + 320));
  }

  @Test
  void listAndStat_responseCutInsideItsHeaders_failTypedInsteadOfAnsweringEmpty() throws Exception {
    try (RawHttpServer server = new RawHttpServer(RawHttpServer.Mode.CUT_IN_HEADERS, 0);
        Filesystem fs = open(server.endpoint(), Map.of("timeout", "5s"))) {
      assertThatThrownBy(
              () -> {
                try (var listing = fs.list("dir", true)) {
                  listing.forEach(e -> {});
                }
              })
          .satisfies(e -> assertThat(unavailable(e)).as("%s", e).isTrue());
      assertThatThrownBy(() -> fs.stat("a.bin"))
          .satisfies(e -> assertThat(unavailable(e)).as("%s", e).isTrue());
      assertThatThrownBy(() -> fs.read("a.bin"))
          .satisfies(e -> assertThat(unavailable(e)).as("%s", e).isTrue());
    }
  }

  private static Filesystem open(URI endpoint, Map<String, String> timeouts) {
    Map<String, String> settings = new java.util.HashMap<>(timeouts);
    settings.put("accessKey", "AKIDEXAMPLE");
    settings.put("secretKey", "not-a-secret");
    return Filesystems.open(
        URI.create("s3://bucket?profile=generic&endpoint=" + endpoint), settings);
  }

  private static boolean unavailable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof StorageException) {
        return ((StorageException) c).kind() == Kind.UNAVAILABLE;
      }
    }
    return t instanceof java.net.SocketTimeoutException
        || t.getCause() instanceof java.net.SocketTimeoutException;
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
