package dev.stowage.bench;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The default bench targets, all in this process on loopback: {@code memory}, {@code local} (a
 * temporary directory), {@code b2-emulator} (our B2 server) and {@code s3proxy} (S3Proxy). Both
 * servers keep objects on disk in a temporary directory, so that large transfers do not sit in
 * the heap the bench measures. Closing stops the servers and deletes the directory.
 */
public final class EmbeddedTargets implements AutoCloseable {

  private static final String BUCKET = "stowage-bench";

  private final List<AutoCloseable> closers = new ArrayList<>();
  private final List<BenchTarget> targets = new ArrayList<>();

  @SuppressWarnings("NullAway.Init") // set by start() before any server starts
  private Path directory;

  private EmbeddedTargets() {}

  /**
   * Starts both servers and returns the four targets.
   *
   * @throws Exception when a server does not start
   */
  public static EmbeddedTargets start() throws Exception {
    EmbeddedTargets e = new EmbeddedTargets();
    try {
      e.startAll();
      return e;
    } catch (Exception | Error failure) {
      e.close();
      throw failure;
    }
  }

  private void startAll() throws Exception {
    directory = Files.createTempDirectory("stowage-bench-servers-");
    targets.add(BenchTarget.of("memory", URI.create("memory:/"), Map.of()));

    Path local = Files.createDirectories(directory.resolve("local"));
    targets.add(BenchTarget.of("local", local.toUri(), Map.of()));

    B2Emulator b2 = B2Emulator.builder().dataDirectory(directory.resolve("b2")).start();
    closers.add(b2);
    try (B2BucketSetup setup =
        B2BucketSetup.builder()
            .endpoint(URI.create(b2.url()))
            .credentials(b2.keyId(), b2.applicationKey())
            .build()) {
      setup.run(BucketSpec.builder(BUCKET).build());
    }
    targets.add(
        BenchTarget.of(
            "b2-emulator",
            URI.create("b2://" + BUCKET + "?endpoint=" + b2.url()),
            Map.of("keyId", b2.keyId(), "applicationKey", b2.applicationKey())));

    String accessKey = "bench-" + randomHex(6);
    String secretKey = randomHex(20);
    URI endpoint = startS3(accessKey, secretKey);
    targets.add(
        BenchTarget.of(
            "s3proxy",
            URI.create("s3://" + BUCKET + "?endpoint=" + endpoint + "&region=us-east-1"),
            Map.of("accessKey", accessKey, "secretKey", secretKey)));
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private URI startS3(String accessKey, String secretKey) throws IOException {
    S3ProxyServer s3 =
        S3ProxyServer.builder()
            .credentials(accessKey, secretKey)
            .dataDirectory(Files.createDirectories(directory.resolve("s3")))
            .bucket(BUCKET)
            .start();
    closers.add(s3);
    return s3.endpoint();
  }

  /** Returns memory, local, b2-emulator and s3proxy, in that order. */
  public List<BenchTarget> targets() {
    return List.copyOf(targets);
  }

  /** Stops the servers and deletes their data. */
  @Override
  public void close() throws IOException {
    for (AutoCloseable c : closers) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // Stopping one server must not keep the other running.
      }
    }
    if (directory != null && Files.exists(directory)) {
      try (Stream<Path> walk = Files.walk(directory)) {
        for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
