package dev.stowage.s3;

import dev.stowage.Filesystem;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.tck.KitClock;
import dev.stowage.tck.StoredBytes;
import java.util.List;
import java.util.Optional;

/**
 * The whole kit on the S3 adapter against S3Proxy's in-memory ({@code transient}) store, with the
 * features S3Proxy supports declared: object ACLs, conditional writes, presigned uploads.
 * Parts of 5 MiB keep the multipart cases small. URLs are signed by a clock the kit controls.
 */
class S3ProxyContractTest extends FilesystemContract {

  private final SigningKitClock clock = new SigningKitClock();
  private EmbeddedS3Proxy server;
  private String bucket;

  /** Starts the server; the kit calls this from its {@code @BeforeAll}. */
  @Override
  protected Filesystem createFilesystem() {
    try {
      server = EmbeddedS3Proxy.inMemory();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    bucket = server.createBucket();
    return Filesystem.of(
        countingCalls(
            S3Adapter.create(
                server
                    .config(bucket)
                    .partSize(5 << 20)
                    .multipartThreshold(5 << 20)
                    .concurrency(3)
                    .build(),
                clock)));
  }

  /** URLs and tickets are signed by a clock the kit sets back to test expiry without waiting. */
  @Override
  public Optional<KitClock> clockControl() {
    return Optional.of(clock);
  }

  /** Multipart uploads below the kit root, asked of S3Proxy with a plain SDK client. */
  @Override
  public Optional<List<String>> pendingUploads() {
    return Optional.of(server.pendingUploads(bucket, "" + rootName() + "/"));
  }

  /** A plain SDK client of the same server: the kit's writes are checked without the adapter. */
  @Override
  public Optional<StoredBytes> storedBytes() {
    return Optional.of(
        path -> {
          try {
            return Optional.of(
                server
                    .client()
                    .getObjectAsBytes(b -> b.bucket(bucket).key("" + rootName() + "/" + path))
                    .asByteArray());
          } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  protected void afterAll() {
    server.close();
  }
}
