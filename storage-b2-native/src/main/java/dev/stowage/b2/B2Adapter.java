package dev.stowage.b2;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Download;
import dev.stowage.b2.client.B2FileHeaders;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.Retrier;
import dev.stowage.spi.VerifyingInputStream;
import dev.stowage.spi.WriteSource;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Stores files in a Backblaze B2 bucket through the B2 native API.
 *
 * <pre>{@code
 * B2Adapter adapter = B2Adapter.create(B2Config.builder("my-bucket").prefix("app").build());
 * try (Filesystem fs = Filesystem.of(adapter)) {
 *   fs.write("hello.txt", "hi");
 * }
 * }</pre>
 *
 * <p>How Stowage maps onto B2:
 * <ul>
 *   <li>paths are file names below the configured prefix; directories are implicit, and
 *       {@code createDirectory} writes {@code dir/.bzEmpty}, the marker the B2 web console uses;
 *   <li>writes are one upload with SHA-1, or above the cutoff a large file in parallel parts;
 *       reads of whole files are checked against B2's SHA-1 ({@code INTEGRITY} at the end of the
 *       stream otherwise);
 *   <li>{@code delete} removes every version of the name, or hides it ({@link B2DeleteMode});
 *   <li>visibility is the bucket's ({@code allPublic}/{@code allPrivate}); asking for the other
 *       one fails with {@code UNSUPPORTED};
 *   <li>transient failures (408, 429, 5xx, I/O, expired tokens) are retried with backoff and
 *       jitter, honouring {@code Retry-After}; a failed upload always takes a new upload URL.
 * </ul>
 *
 * <p>Creating the adapter and {@link #capabilities()} make no network call; the first operation
 * authorises and looks the bucket up, and its failures name that operation and path. Every
 * operation has the deadline {@link B2Config#timeouts()} (retries included).
 *
 * <p>Temporary URLs are scoped by name <em>prefix</em>, as B2 tokens are: the URL of
 * {@code share/report} also opens {@code share/report-confidential.txt}. See
 * {@link B2Config.TemporaryUrlScope}. Thread-safe.
 */
public final class B2Adapter implements FilesystemAdapter {
  private static final Duration MAX_URL_TTL = Duration.ofDays(7);

  private final B2Client client;
  private final boolean ownsClient;
  private final B2Context ctx;
  private final ExecutorService executor;
  private final B2Writer writer;
  private final B2Lister lister;
  private final B2Deleter deleter;
  private final B2Copier copier;
  private final B2Urls urls;
  private volatile @Nullable Capabilities capabilities;

  private B2Adapter(B2Client client, boolean ownsClient, B2Config config, Retrier.Sleeper sleeper) {
    this.client = client;
    this.ownsClient = ownsClient;
    java.util.function.Function<Duration, Retrier> retriers =
        deadline ->
            Retrier.builder()
                .maxAttempts(config.maxAttempts())
                .baseDelay(config.baseDelay())
                .maxDelay(config.maxDelay())
                .deadline(deadline)
                .sleeper(sleeper)
                .build();
    Retries retries = new Retries(retriers.apply(config.timeouts().operation()), retriers);
    this.ctx = new B2Context(client, config, retries, Clock.systemUTC());
    this.executor = daemonPool(config.concurrency());
    this.writer = new B2Writer(ctx);
    this.lister = new B2Lister(ctx);
    this.deleter = new B2Deleter(ctx, executor, lister::directoryExists);
    this.copier = new B2Copier(ctx, executor);
    this.urls = new B2Urls(ctx);
  }

  /** Returns an adapter with its own {@link B2Client}, built from {@code config}; closing the adapter closes it. */
  public static B2Adapter create(B2Config config) {
    Objects.requireNonNull(config, "config");
    B2Client client =
        B2Client.builder()
            .endpoint(config.endpoint())
            .credentials(config.credentials())
            .testMode(config.testMode())
            .timeouts(config.timeouts())
            .build();
    return new B2Adapter(client, true, config, Retrier.Sleeper.SYSTEM);
  }

  /**
   * Returns an adapter over a shared {@code client} (its endpoint and credentials win over the
   * config's); closing the adapter leaves the client open.
   */
  public static B2Adapter create(B2Client client, B2Config config) {
    return new B2Adapter(
        Objects.requireNonNull(client, "client"),
        false,
        Objects.requireNonNull(config, "config"),
        Retrier.Sleeper.SYSTEM);
  }

  /** Like {@link #create(B2Client, B2Config)}, waiting between retries with {@code sleeper} (for tests). */
  static B2Adapter create(B2Client client, B2Config config, Retrier.Sleeper sleeper) {
    return new B2Adapter(client, false, config, sleeper);
  }

  /** Returns the configuration. */
  public B2Config config() {
    return ctx.config;
  }

  /**
   * Returns what B2 can do, without any network call. Until the first operation has authorised
   * and found the bucket, {@link Capability#PUBLIC_URL} is declared (B2 serves public URLs for
   * {@code allPublic} buckets; for a private one {@link #publicUrl} fails with
   * {@code UNSUPPORTED}) and the multipart sizes assume B2's production recommendations (100 MB
   * parts, 5 MB minimum, within the memory budget). Afterwards the answer is exact: the account's
   * sizes, and PUBLIC_URL only for an {@code allPublic} bucket.
   */
  @Override
  public Capabilities capabilities() {
    Capabilities c = capabilities;
    if (c != null) {
      return c;
    }
    B2Bucket bucket = ctx.bucket.cached();
    Sizes sizes =
        bucket != null
            ? ctx.sizes()
            : Sizes.of(ctx.config, Sizes.B2_RECOMMENDED_PART, Sizes.B2_MINIMUM_PART);
    int rootBytes = ctx.bucket.fileName("").getBytes(StandardCharsets.UTF_8).length;
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
                Capability.VERSION_ID,
                Capability.SORTED_LISTING,
                Capability.VISIBILITY_BUCKET_LEVEL,
                Capability.TEMPORARY_URL,
                Capability.PREPARE_UPLOAD,
                Capability.SERVER_SIDE_COPY)
            .nativeChecksums(ChecksumAlgorithm.SHA1)
            .maxPathBytes(1024 - rootBytes)
            // The older B2 rule, still checked by b2sdk and the B2 CLI: names we write stay
            // portable to them.
            .maxSegmentBytes(250)
            // B2 itself takes segments up to the whole name's 1024 bytes; files other clients
            // (rclone,
            // the web UI) stored that way stay readable, listable and deletable.
            .maxReadSegmentBytes(1024 - rootBytes)
            .maxTemporaryUrlTtl(MAX_URL_TTL)
            .multipart(sizes.uploadCutoff(), sizes.partSize());
    if (bucket == null || bucket.isPublic()) {
      b.add(Capability.PUBLIC_URL);
    }
    c = b.build();
    if (bucket != null) {
      capabilities = c;
    }
    return c;
  }

  @Override
  public boolean fileExists(String path) {
    return ctx.retries.operation(() -> head(path).isPresent());
  }

  @Override
  public boolean directoryExists(String path) {
    return ctx.retries.operation(
        () -> {
          if (path.isEmpty()) {
            ctx.retries.call(ctx.bucket::id); // the bucket must exist
            return true;
          }
          return lister.directoryExists(path);
        });
  }

  @Override
  public InputStream read(String path, @Nullable ByteRange range) {
    return ctx.retries.operation(() -> open(path, range));
  }

  private InputStream open(String path, @Nullable ByteRange range) {
    if (range instanceof ByteRange.Last && ((ByteRange.Last) range).count() == 0) {
      stat(path); // B2 refuses "bytes=-0"; the file must still exist
      return InputStream.nullInputStream();
    }
    String fileName = ctx.bucket.fileName(path);
    B2Download download;
    try {
      download =
          ctx.retries.call(
              () ->
                  client.downloadFileByName(
                      ctx.bucket.name(), fileName, range == null ? null : range.httpHeader()));
    } catch (BackendException e) {
      if (e.kind() == StorageException.Kind.RANGE_NOT_SATISFIABLE
          && emptyButSatisfiable(path, range)) {
        return InputStream.nullInputStream();
      }
      throw e;
    }
    long start = download.isPartial() ? download.rangeStart() : 0;
    InputStream body =
        download.contentLength() < 0
            ? download.body()
            : new ResumingInputStream(ctx, path, download, start, start + download.contentLength());
    String sha1 = download.headers().sha1OrNull();
    long size = download.headers().size();
    boolean whole =
        !download.isPartial() || (start == 0 && size >= 0 && download.contentLength() == size);
    if (!whole || sha1 == null) {
      return body;
    }
    // Outside the resuming stream, so that resumed bytes are checked too.
    return new VerifyingInputStream(
        body, path, new Checksum(ChecksumAlgorithm.SHA1, sha1), size, "B2");
  }

  /** B2 answers 416 for {@code bytes=0-} on an empty file, which Stowage reads as no bytes. */
  private boolean emptyButSatisfiable(String path, @Nullable ByteRange range) {
    if (range == null) {
      return false; // a whole-file download sends no Range, so a 416 is not this case
    }
    ByteRange.Resolved r = range.resolve(stat(path).size());
    return r != null && r.length() == 0;
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    return writer.write(path, source, options);
  }

  @Override
  public FileAttributes stat(String path) {
    return ctx.retries.operation(
        () -> head(path).orElseThrow(() -> BackendException.notFound("no such file")));
  }

  private Optional<FileAttributes> head(String path) {
    try {
      B2FileHeaders h =
          ctx.retries.call(
              () -> client.headFileByName(ctx.bucket.name(), ctx.bucket.fileName(path)));
      return Optional.of(Attributes.of(path, h, ctx.visibility()));
    } catch (BackendException e) {
      if (e.kind() == StorageException.Kind.NOT_FOUND) {
        // A HEAD has no body to say which is missing, the file or the bucket: the bucket is looked
        // up (once per adapter, as any found file's visibility needs it) to tell them apart.
        ctx.retries.call(ctx.bucket::id);
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    return ctx.retries.operation(() -> lister.list(path, deep));
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    ctx.checkVisibility(visibility);
    writer.write(path + "/" + B2Lister.MARKER, WriteSource.of(new byte[0]), WriteOptions.DEFAULT);
  }

  @Override
  public void deleteDirectory(String path) {
    deleter.deleteDirectory(path);
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return copier.copy(source, destination, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    FileAttributes moved = copier.copy(source, destination, options);
    deleter.delete(source);
    return moved;
  }

  @Override
  public void delete(String path) {
    deleter.delete(path);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    stat(path);
    ctx.checkVisibility(visibility);
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    if (algorithm != ChecksumAlgorithm.SHA1) {
      return Optional.empty();
    }
    String sha1 = stat(path).checksums().get(ChecksumAlgorithm.SHA1);
    return sha1 == null
        ? Optional.empty()
        : Optional.of(new Checksum(ChecksumAlgorithm.SHA1, sha1));
  }

  @Override
  public URI publicUrl(String path) {
    return ctx.retries.operation(() -> urls.publicUrl(path));
  }

  /**
   * Returns a by-name download URL carrying a {@code b2_get_download_authorization} token. B2
   * scopes such tokens by file name <em>prefix</em> only: the URL of {@code share/report} also
   * opens {@code share/report-confidential.txt}. With {@link B2Config.TemporaryUrlScope#EXACT}
   * this fails with {@code UNSUPPORTED} instead.
   */
  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    return ctx.retries.operation(() -> urls.temporaryUrl(path, ttl));
  }

  /**
   * Returns a browser upload ticket: a B2 upload URL whose token lets its holder upload any name
   * into the bucket for 24 hours ({@link dev.stowage.UploadScope#BUCKET}), whatever lifetime was
   * asked for; B2 has no per-name upload tokens.
   */
  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    return ctx.retries.operation(() -> urls.prepareUpload(path, ttl, constraints));
  }

  /** Stops the adapter's threads and, when it created the client, closes the client. */
  @Override
  public void close() {
    executor.shutdownNow();
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "B2Adapter[" + ctx.config + "]";
  }

  private static ExecutorService daemonPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "stowage-b2-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
