package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.WriteSource;
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
 * No B2 operation hangs: against a server that accepts and never answers, a download that stalls
 * mid-body, and a closed port, every operation fails typed ({@code UNAVAILABLE}) within its
 * deadline plus a margin; opening does no I/O, so its failures name the real operation and path.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class B2DeadlineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration MARGIN = Duration.ofMillis(1500);
  private static final Map<String, String> KEYS =
      Map.of("keyId", "faultyKeyId", "applicationKey", "faultySecret");

  /** The adapter itself: the facade adds steps of its own (content type detection) that are not timed here. */
  private static FilesystemAdapter open(String endpoint) {
    return new B2Provider()
        .open(
            URI.create(
                "b2://"
                    + FaultyB2Server.BUCKET
                    + "/root?endpoint="
                    + endpoint
                    + "&timeout=2s&idleTimeout=500ms&connectTimeout=1s"),
            KEYS);
  }

  private static void listStatWriteRead(FilesystemAdapter fs) {
    assertFailsInTime(() -> fs.list("dir", false).forEachRemaining(a -> {}), "dir");
    assertFailsInTime(() -> fs.stat("a.txt"), "a.txt");
    assertFailsInTime(
        () -> fs.write("w.txt", WriteSource.of(new byte[] {1, 2, 3}), WriteOptions.DEFAULT),
        "w.txt");
    assertFailsInTime(
        () -> {
          try (InputStream in = fs.read("r.txt", null)) {
            in.readAllBytes();
          }
        },
        "r.txt");
  }

  @Test
  void operations_serverSilentFromTheStart_failUnavailableWithinTimeout() throws Exception {
    try (FaultyB2Server server = new FaultyB2Server(FaultyB2Server.Mode.SILENT, false);
        FilesystemAdapter fs = open(server.url())) {
      listStatWriteRead(fs);
      assertThat(server.misbehaved()).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void operations_serverSilentAfterAuthorising_failUnavailableWithinTimeout() throws Exception {
    try (FaultyB2Server server = new FaultyB2Server(FaultyB2Server.Mode.SILENT, true);
        FilesystemAdapter fs = open(server.url())) {
      listStatWriteRead(fs);
      assertThat(server.misbehaved()).as("requests past authorisation").isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void read_downloadStallsMidBody_failsWithinTimeout() throws Exception {
    try (FaultyB2Server server = new FaultyB2Server(FaultyB2Server.Mode.STALL, true);
        Filesystem fs = Filesystem.of(open(server.url()))) {
      assertFailsInTime(
          () -> {
            try (InputStream in = fs.readStream("stalled.bin")) {
              in.readAllBytes();
            }
          },
          "stalled.bin");
      assertThat(server.misbehaved())
          .as("the download and at least one resume")
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void open_closedPort_doesNoIoAndFirstOperationNamesItsPath() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    B2Config config =
        B2Config.builder(FaultyB2Server.BUCKET)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .credentials(new B2Credentials("faultyKeyId", "faultySecret"))
            .build(); // default timeouts and retries
    try (Filesystem fs = Filesystem.of(B2Adapter.create(config))) {
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("open")
          .isLessThan(Duration.ofSeconds(1));
      long t0 = System.nanoTime();
      StorageException e = catchStorage(() -> fs.stat("docs/a.txt"));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE);
      assertThat(e.getMessage()).contains("read metadata of").contains("docs/a.txt");
      assertThat(took)
          .as("a refused port with default settings")
          .isLessThan(Duration.ofSeconds(2).plus(MARGIN));
    }
  }

  @Test
  void open_viaUriAgainstClosedPort_isInstantAndListNamesItsDirectory() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    try (Filesystem fs =
        Filesystems.open(
            URI.create("b2://" + FaultyB2Server.BUCKET + "?endpoint=http://127.0.0.1:" + port),
            KEYS)) {
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("open")
          .isLessThan(Duration.ofSeconds(1));
      StorageException e = catchStorage(() -> fs.list("reports", false).forEach(a -> {}));
      assertThat(e.getMessage()).contains("reports").doesNotContain("''");
    }
  }

  /**
   * Runs a call, which must fail UNAVAILABLE in time. Through the facade the failure names
   * {@code path}; an adapter's own failure names no path (the facade adds it).
   */
  private static void assertFailsInTime(ThrowingRunnable action, String path) {
    long t0 = System.nanoTime();
    RuntimeException e = catchFailure(action);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    StorageException.Kind kind =
        e instanceof StorageException
            ? ((StorageException) e).kind()
            : ((BackendException) e).kind();
    assertThat(kind).as("kind of %s (%s)", e, path).isEqualTo(StorageException.Kind.UNAVAILABLE);
    if (e instanceof StorageException) {
      assertThat(e.getMessage()).contains(path);
    }
    assertThat(took).as("time to fail: %s (%s)", e, path).isLessThan(TIMEOUT.plus(MARGIN));
  }

  /** Returns the StorageException (facade) or BackendException (adapter) that {@code action} throws. */
  private static RuntimeException catchFailure(ThrowingRunnable action) {
    try {
      action.run();
    } catch (StorageException | BackendException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a StorageException or BackendException, got " + e, e);
    }
    throw new AssertionError("expected a failure, got none");
  }

  private static StorageException catchStorage(ThrowingRunnable action) {
    try {
      action.run();
    } catch (StorageException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a StorageException, got " + e, e);
    }
    throw new AssertionError("expected a StorageException, got none");
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
