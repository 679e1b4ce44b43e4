package dev.stowage.s3;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.WriteOptions;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.WriteSource;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A {@link FilesystemAdapter} for S3-compatible object storage on the AWS SDK v2 synchronous
 * client: AWS, Backblaze B2's S3 endpoint, MinIO, Cloudflare R2 and others, per {@link S3Profile}.
 *
 * <pre>{@code
 * S3Adapter adapter = S3Adapter.create(S3Config.builder("my-bucket")
 *     .profile(S3Profile.MINIO).endpoint(URI.create("http://127.0.0.1:9000"))
 *     .credentials(accessKey, secretKey).build());
 * try (Filesystem fs = Filesystem.of(adapter)) {
 *   fs.write("hello.txt", "hi");
 * }
 * }</pre>
 *
 * <p>Files are objects under the configured prefix; directories are emulated with the {@code /}
 * delimiter and optional zero-byte {@code dir/} markers (written by {@code createDirectory}, never
 * listed as files). Writes below the multipart threshold are one PutObject; larger ones are
 * multipart uploads with parallel parts and bounded memory, aborted on failure. Copies are
 * server-side (UploadPartCopy above the copy threshold). No ACL header is sent unless a
 * visibility was asked for, and only on profiles with object ACLs.
 *
 * <p>Reads of a whole single-part object (ETag = MD5, no SSE-KMS/SSE-C), including
 * {@code ByteRange.from(0)}, are verified against the ETag at the end of the stream: corrupted
 * bytes fail with INTEGRITY naming both digests. Partial ranges, multipart objects (ETag
 * {@code …-N}) and SSE-KMS/SSE-C objects are not verified. A multipart upload that fails, is
 * interrupted or whose source fails is aborted before {@code write} returns.
 *
 * <p>Thread-safe. One SDK client and connection pool per adapter; {@link #close()} releases them.
 * Retries of HTTP failures are the SDK's own retry strategy (standard mode) within the
 * per-operation deadline of {@link S3Config#timeouts()}.
 */
public final class S3Adapter implements FilesystemAdapter {

  private final S3Config config;
  private final S3Client client;
  private final S3Presigner presigner;
  private final S3Context s3;
  private final S3Reader reader;
  private final S3Writer writer;
  private final S3Copier copier;
  private final S3BatchDelete deleter;
  private final S3Urls urls;
  private final Capabilities capabilities;

  private S3Adapter(
      S3Config config, java.util.function.@Nullable Supplier<java.time.Clock> signingClock) {
    this.config = config;
    AwsCredentialsProvider credentials = S3Clients.credentials(config);
    this.client = S3Clients.client(config, credentials);
    this.presigner = S3Clients.presigner(config, credentials);
    this.s3 = new S3Context(client, config);
    this.reader = new S3Reader(s3);
    this.writer = new S3Writer(s3);
    this.copier = new S3Copier(s3, writer, reader);
    this.deleter = new S3BatchDelete(s3);
    this.urls = new S3Urls(s3, presigner, signingClock);
    this.capabilities = capabilitiesOf(config, s3.keys());
  }

  /**
   * Returns an adapter for {@code config}. No request is made; a wrong bucket or credentials
   * show on the first operation.
   *
   * @throws IllegalArgumentException when the credentials are refused by the profile (B2's master key)
   */
  public static S3Adapter create(S3Config config) {
    return new S3Adapter(java.util.Objects.requireNonNull(config, "config"), null);
  }

  /**
   * Returns an adapter that signs each temporary URL and upload ticket as of the time of the clock
   * {@code signingClock} gives at that moment, or with the SDK's own presigning (the system clock)
   * while it gives null. For tests that need URLs issued in the past.
   */
  static S3Adapter create(
      S3Config config, java.util.function.Supplier<java.time.Clock> signingClock) {
    return new S3Adapter(
        java.util.Objects.requireNonNull(config, "config"),
        java.util.Objects.requireNonNull(signingClock, "signingClock"));
  }

  /** Returns the configuration this adapter was built with. */
  public S3Config config() {
    return config;
  }

  /** Returns the SDK client (tests arrange state through it). */
  S3Client client() {
    return client;
  }

  static Capabilities capabilitiesOf(S3Config config, S3Keys keys) {
    Capabilities.Builder b =
        Capabilities.builder()
            .add(
                Capability.WRITE,
                Capability.RANGE_READ,
                Capability.RANGE_NOT_SATISFIABLE,
                Capability.CONTENT_TYPE,
                Capability.CACHE_CONTROL,
                Capability.CONTENT_DISPOSITION,
                Capability.CONTENT_ENCODING,
                Capability.USER_METADATA,
                Capability.IMPLICIT_DIRECTORIES,
                Capability.LAST_MODIFIED,
                Capability.ETAG,
                Capability.SORTED_LISTING,
                Capability.TEMPORARY_URL,
                Capability.SERVER_SIDE_COPY)
            .nativeChecksums(ChecksumAlgorithm.MD5)
            .maxPathBytes(1024 - keys.prefixBytes() - 1)
            .maxSegmentBytes(Math.min(config.maxSegmentBytes(), 1024 - keys.prefixBytes() - 1))
            .maxTemporaryUrlTtl(Duration.ofDays(7))
            .multipart(config.multipartThreshold(), config.partSize());
    if (config.createOnly()) {
      b.add(Capability.CREATE_ONLY);
    }
    if (config.visibilityMode() == VisibilityMode.PER_OBJECT) {
      b.add(Capability.VISIBILITY_PER_OBJECT);
    } else if (config.visibilityMode() == VisibilityMode.BUCKET_LEVEL) {
      b.add(Capability.VISIBILITY_BUCKET_LEVEL);
    }
    if (config.publicUrlBase().isPresent() || config.visibilityMode() != VisibilityMode.NONE) {
      b.add(Capability.PUBLIC_URL);
    }
    if (config.profile().supportsBrowserUpload()) {
      b.add(Capability.PREPARE_UPLOAD, Capability.UPLOAD_ENFORCES_CONTENT_TYPE);
    }
    return b.build();
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public boolean fileExists(String path) {
    return reader.fileExists(path);
  }

  @Override
  public boolean directoryExists(String path) {
    return reader.directoryExists(path);
  }

  @Override
  public InputStream read(String path, @Nullable ByteRange range) {
    return reader.read(path, range);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    return writer.write(path, source, options);
  }

  @Override
  public FileAttributes stat(String path) {
    return reader.stat(path);
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    return S3Listing.of(s3, path, deep);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    writer.marker(path, visibility);
  }

  @Override
  public void deleteDirectory(String path) {
    deleter.deleteTree(path);
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return copier.copy(source, destination, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    FileAttributes moved = copier.copy(source, destination, options);
    if (!source.equals(destination)) {
      try {
        client.deleteObject(b -> b.bucket(config.bucket()).key(s3.keys().file(source)));
      } catch (RuntimeException e) {
        // The copy stands; the caller learns that the source is still there.
        throw s3.fail(e, false);
      }
    }
    return moved;
  }

  @Override
  public void delete(String path) {
    try {
      client.deleteObject(b -> b.bucket(config.bucket()).key(s3.keys().file(path)));
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    ObjectCannedACL acl = s3.acl(visibility);
    if (acl == null) {
      // Bucket-level and already the bucket's: nothing to change, but the file must exist.
      reader.head(path);
      return;
    }
    try {
      client.putObjectAcl(b -> b.bucket(config.bucket()).key(s3.keys().file(path)).acl(acl));
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    return reader.checksum(path, algorithm);
  }

  @Override
  public URI publicUrl(String path) {
    return urls.publicUrl(path);
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    return urls.temporaryUrl(path, ttl);
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    return urls.prepareUpload(path, ttl, constraints);
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }

  @Override
  public String toString() {
    return "S3Adapter[" + config + "]";
  }
}
