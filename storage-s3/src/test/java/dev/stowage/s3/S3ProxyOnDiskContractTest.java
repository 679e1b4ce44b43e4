package dev.stowage.s3;

import dev.stowage.Filesystem;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.tck.StoredBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole kit on the S3 adapter against S3Proxy's {@code filesystem} store (one directory per
 * bucket on disk), under a key prefix so that the root-prefix mapping is exercised too.
 */
class S3ProxyOnDiskContractTest extends FilesystemContract {

  /**
   * S3Proxy's filesystem store keeps each key segment as a file name, written through a temporary
   * file whose name adds about 40 bytes; with the 255-byte file-name limit, 215 bytes still work.
   */
  private static final int MAX_SEGMENT = 200;

  private EmbeddedS3Proxy server;
  private String bucket;
  private Path directory;

  @Override
  protected Filesystem createFilesystem() {
    try {
      directory = Files.createTempDirectory("stowage-s3proxy");
      server = EmbeddedS3Proxy.onDisk(directory);
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    bucket = server.createBucket();
    return Filesystem.of(
        countingCalls(
            S3Adapter.create(
                server
                    .config(bucket)
                    .prefix("kit/root")
                    .maxSegmentBytes(MAX_SEGMENT)
                    .partSize(5 << 20)
                    .multipartThreshold(5 << 20)
                    .concurrency(2)
                    .build())));
  }

  /** Multipart uploads below the kit root, asked of S3Proxy with a plain SDK client. */
  @Override
  public Optional<List<String>> pendingUploads() {
    return Optional.of(server.pendingUploads(bucket, "kit/root/" + rootName() + "/"));
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
                    .getObjectAsBytes(
                        b -> b.bucket(bucket).key("kit/root/" + rootName() + "/" + path))
                    .asByteArray());
          } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  protected void afterAll() {
    server.close();
    try (Stream<Path> all = Files.walk(directory)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
