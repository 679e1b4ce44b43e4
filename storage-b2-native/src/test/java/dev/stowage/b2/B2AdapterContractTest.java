package dev.stowage.b2;

import dev.stowage.Filesystem;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Download;
import dev.stowage.b2.client.B2Exception;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.tck.KitClock;
import dev.stowage.tck.SettableKitClock;
import dev.stowage.tck.StoredBytes;
import java.util.List;
import java.util.Optional;

/**
 * Runs the whole compatibility kit against a private emulator bucket, with tiny part sizes so
 * that the large-file paths (parts, cutoffs, part boundaries) run with little data. The emulator
 * reads a clock the kit can set back, so URL and upload-ticket expiry run without waiting.
 */
class B2AdapterContractTest extends FilesystemContract {
  static final int PAGE = 100;

  private final SettableKitClock clock = new SettableKitClock();
  private final B2Emulator emulator =
      B2Emulator.builder()
          .clock(clock)
          .recommendedPartSize(16 * 1024)
          .absoluteMinimumPartSize(4 * 1024)
          .start();

  private String bucket;

  @Override
  protected Filesystem createFilesystem() {
    bucket = TestBuckets.create(emulator, bucketType());
    B2Config config =
        TestBuckets.config(emulator, bucket)
            .prefix("kit-root")
            .listPageSize(PAGE)
            .concurrency(3)
            .build();
    B2Adapter adapter = B2Adapter.create(config);
    // Capabilities are static until the first operation; after it they are exact (no PUBLIC_URL
    // for this private bucket), which is what the kit should check.
    adapter.directoryExists("");
    return Filesystem.of(countingCalls(decorate(adapter)));
  }

  /** Returns the adapter the kit runs on: this one as is; the kit's self-tests break it on purpose. */
  FilesystemAdapter decorate(FilesystemAdapter adapter) {
    return adapter;
  }

  /** Returns the type of the bucket the kit runs in. */
  String bucketType() {
    return "allPrivate";
  }

  @Override
  public Optional<KitClock> clockControl() {
    return Optional.of(clock);
  }

  @Override
  public int listingPageSize() {
    return PAGE;
  }

  /** Unfinished large files below the kit root, asked of the emulator with a client of its own. */
  @Override
  public Optional<List<String>> pendingUploads() {
    try (B2Client client = TestBuckets.client(emulator)) {
      String bucketId = client.listBuckets(null, bucket).get(0).bucketId();
      return Optional.of(
          client
              .listUnfinishedLargeFiles(bucketId, "kit-root/" + rootName() + "/", null, 100)
              .files()
              .stream()
              .map(B2FileVersion::fileName)
              .toList());
    }
  }

  /** Downloads by name with a client of its own: the kit's writes are checked without the adapter. */
  @Override
  public Optional<StoredBytes> storedBytes() {
    return Optional.of(
        path -> {
          try (B2Client client = TestBuckets.client(emulator);
              B2Download download =
                  client.downloadFileByName(bucket, "kit-root/" + rootName() + "/" + path, null)) {
            return Optional.of(download.body().readAllBytes());
          } catch (B2Exception e) {
            if (e.status() == 404) {
              return Optional.empty();
            }
            throw e;
          }
        });
  }

  @Override
  protected void afterAll() {
    emulator.close(); // the kit calls this after its cleanup; closing the adapter needs no server
  }
}
