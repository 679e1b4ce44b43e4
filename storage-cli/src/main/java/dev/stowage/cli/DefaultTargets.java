package dev.stowage.cli;

import dev.stowage.Filesystems;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.tck.SettableKitClock;
import dev.stowage.tck.runner.KitTarget;
import dev.stowage.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The backends {@code stowage tck} checks when given no URI, all in this process and on
 * loopback: memory, a temporary directory, the B2 native API through the emulator, and S3
 * through S3Proxy. The B2 and S3 targets carry a pending-uploads probe (a client of their own),
 * so that the kit also checks that no multipart upload is left behind. Closing stops the servers
 * and deletes the directory.
 */
final class DefaultTargets implements AutoCloseable {

  private static final String BUCKET = "stowage-kit";

  private final List<Runnable> closers = new ArrayList<>();
  private final List<KitTarget> targets = new ArrayList<>();
  private @Nullable Path directory;

  /** Starts the servers and returns the four targets. */
  static DefaultTargets start() throws Exception {
    DefaultTargets d = new DefaultTargets();
    try {
      d.startAll();
      return d;
    } catch (Exception | Error e) {
      d.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    targets.add(KitTarget.of("memory", () -> Filesystems.open(URI.create("memory:/"), Map.of())));

    directory = Files.createTempDirectory("stowage-kit-");
    URI local = directory.toUri();
    targets.add(KitTarget.of("local", () -> Filesystems.open(local, Map.of())));

    // The emulator reads a clock the kit may set back, so URL and ticket expiry run without
    // waiting.
    SettableKitClock b2Clock = new SettableKitClock();
    B2Emulator b2 = B2Emulator.builder().clock(b2Clock).start();
    closers.add(b2::close);
    try (B2BucketSetup setup =
        B2BucketSetup.builder()
            .endpoint(URI.create(b2.url()))
            .credentials(b2.keyId(), b2.applicationKey())
            .build()) {
      setup.run(BucketSpec.builder(BUCKET).build());
    }
    // Small parts, so that the kit's large-object cases (a few MiB) exercise B2 large files.
    URI b2Uri =
        URI.create("b2://" + BUCKET + "?endpoint=" + b2.url() + "&partSize=5M&uploadCutoff=10M");
    Map<String, String> b2Keys = Map.of("keyId", b2.keyId(), "applicationKey", b2.applicationKey());
    // A client of its own lists unfinished large files, so the kit sees uploads the adapter left.
    B2Client b2Client =
        B2Client.builder()
            .endpoint(URI.create(b2.url()))
            .credentials(new B2Credentials(b2.keyId(), b2.applicationKey()))
            .build();
    closers.add(b2Client::close);
    String bucketId = b2Client.listBuckets(null, BUCKET).get(0).bucketId();
    targets.add(
        KitTarget.of("b2-emulator", () -> Filesystems.open(b2Uri, b2Keys))
            .withPendingUploads(
                root ->
                    b2Client
                        .listUnfinishedLargeFiles(bucketId, root + "/", null, 100)
                        .files()
                        .stream()
                        .map(B2FileVersion::fileName)
                        .toList())
            .withClockControl(b2Clock));

    String secret = S3EmulatorCommand.hex(20);
    S3ProxyServer s3 =
        S3ProxyServer.builder().credentials("stowage-kit", secret).bucket(BUCKET).start();
    closers.add(s3::close);
    // S3Proxy keeps per-object ACLs (private, public-read), so the kit checks visibility too.
    // A generic server's multipart threshold is 1 GiB; the kit's part-boundary rows are sized from
    // it, so it is lowered to keep them small.
    URI s3Uri =
        URI.create(
            "s3://"
                + BUCKET
                + "?endpoint="
                + s3.endpoint()
                + "&region=us-east-1&visibility=per-object&multipartThreshold=16MiB");
    Map<String, String> s3Keys = Map.of("accessKey", "stowage-kit", "secretKey", secret);
    // A plain SDK client lists pending multipart uploads behind the adapter's back.
    S3Client s3Client =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(s3.endpoint())
            .forcePathStyle(true)
            .httpClientBuilder(Apache5HttpClient.builder())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("stowage-kit", secret)))
            .build();
    closers.add(0, s3Client::close);
    targets.add(
        KitTarget.of("s3proxy", () -> Filesystems.open(s3Uri, s3Keys))
            .withPendingUploads(
                root ->
                    s3Client
                        .listMultipartUploadsPaginator(b -> b.bucket(BUCKET).prefix(root + "/"))
                        .uploads()
                        .stream()
                        .map(MultipartUpload::key)
                        .toList()));
  }

  /** Returns memory, local, b2-emulator and s3proxy, in that order. */
  List<KitTarget> targets() {
    return List.copyOf(targets);
  }

  @Override
  public void close() throws IOException {
    RuntimeException failure = null;
    for (Runnable r : closers) {
      try {
        r.run();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (directory != null) {
      deleteTree(directory);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
