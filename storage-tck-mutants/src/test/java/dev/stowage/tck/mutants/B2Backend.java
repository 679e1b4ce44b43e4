package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.b2.B2Adapter;
import dev.stowage.b2.B2Config;
import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2Download;
import dev.stowage.b2.client.B2Exception;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.b2.emulator.FaultPlan;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.tck.StoredBytes;
import dev.stowage.testing.B2EmulatorExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The B2 adapter on one in-process emulator and one private bucket, made by {@link #extension()},
 * with the small part sizes of the adapter's own contract test, so that large-file cases move
 * little data.
 */
final class B2Backend implements Backend {

  private static final String PREFIX = "kit-root";
  private static final String BUCKET = "mutants-b2";

  private final B2Emulator emulator;
  private final B2Client client;
  private final B2Bucket bucket;
  private Capabilities capabilities;

  /** Uses the emulator of a running {@link #extension()}. */
  B2Backend(B2EmulatorExtension b2) {
    this.emulator = b2.emulator();
    this.client =
        B2Client.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(new B2Credentials(emulator.keyId(), emulator.applicationKey()))
            .build();
    this.bucket = client.listBuckets(null, BUCKET).get(0);
  }

  /** Returns the extension this backend runs on: one emulator per test class, small parts, one private bucket. */
  static B2EmulatorExtension extension() {
    return B2EmulatorExtension.builder()
        .emulator(
            () ->
                B2Emulator.builder()
                    .recommendedPartSize(16 * 1024)
                    .absoluteMinimumPartSize(4 * 1024))
        .bucket(BUCKET)
        .perClass();
  }

  @Override
  public String name() {
    return "b2 (emulator)";
  }

  @Override
  public FilesystemAdapter adapter() {
    B2Adapter adapter =
        B2Adapter.create(
            B2Config.builder(bucket.bucketName())
                .endpoint(URI.create(emulator.url()))
                .credentials(new B2Credentials(emulator.keyId(), emulator.applicationKey()))
                .retry(10, Duration.ofMillis(5), Duration.ofMillis(100))
                .prefix(PREFIX)
                .listPageSize(100)
                .concurrency(3)
                .build());
    // The first call settles the capabilities (a private bucket has no public URLs).
    adapter.directoryExists("");
    return adapter;
  }

  @Override
  public synchronized Capabilities capabilities() {
    if (capabilities == null) {
      try (FilesystemAdapter adapter = adapter()) {
        capabilities = adapter.capabilities();
      }
    }
    return capabilities;
  }

  @Override
  public boolean canLeaveUploadsBehind() {
    return true;
  }

  /** The emulator answers every {@code b2_cancel_large_file} with 400 and cancels nothing. */
  @Override
  public FilesystemAdapter adapterThatNeverAborts() {
    emulator.useFaults(
        FaultPlan.builder()
            .add("b2_cancel_large_file", 1.0, new Fault.Status(400, "bad_request", null))
            .build());
    return adapter();
  }

  @Override
  public Function<String, List<String>> pendingUploads() {
    return root ->
        client
            .listUnfinishedLargeFiles(bucket.bucketId(), PREFIX + "/" + root + "/", null, 100)
            .files()
            .stream()
            .map(B2FileVersion::fileName)
            .toList();
  }

  /** Downloads by name with the backend's own client. */
  @Override
  public Function<String, StoredBytes> storedBytes() {
    return kitRoot ->
        path -> {
          try (B2Download download =
              client.downloadFileByName(
                  bucket.bucketName(), PREFIX + "/" + kitRoot + "/" + path, null)) {
            return Optional.of(download.body().readAllBytes());
          } catch (B2Exception e) {
            if (e.status() == 404) {
              return Optional.empty();
            }
            throw e;
          }
        };
  }

  @Override
  public void afterRun() {
    emulator.useFaults(FaultPlan.NONE);
  }

  /** Closes the client; the extension stops the emulator. */
  @Override
  public void close() {
    client.close();
  }
}
