package dev.stowage.memory;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.Checksums;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.PartUploader;
import dev.stowage.spi.WritePlan;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An object-store-like adapter that keeps everything in memory: for tests, examples and the
 * compatibility kit's reference run.
 *
 * <p>It behaves like a bucket: directories are implicit (a {@code dir/} marker or any file below
 * makes one; deleting the last file removes an implicit directory), markers are never listed as
 * files, listing a missing directory yields nothing, and shallow listings come back sorted by
 * path. It stores content type, cache control, content disposition, content encoding, user
 * metadata and a per-file visibility (PRIVATE unless asked), reports an MD5 as ETag and native
 * checksum, supports create-only writes, ranges (a start past the end fails with
 * RANGE_NOT_SATISFIABLE) and server-side copy. It has no temporary URLs or upload tickets;
 * public URLs only with {@link Builder#publicUrlBase}.
 *
 * <pre>{@code
 * Filesystem fs = Filesystem.of(MemoryAdapter.builder()
 *     .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)) // lastModified
 *     .multipart(1 << 20, 256 << 10)      // writes of 1 MiB or more go through PartUploader
 *     .build());
 * }</pre>
 *
 * <p>Thread-safe; every change to one path is atomic.
 */
public final class MemoryAdapter implements FilesystemAdapter {

  private final MemoryStore store;
  private final Clock clock;
  private final @Nullable URI publicUrlBase;
  private final @Nullable PartUploader uploader;
  private final long multipartThreshold;
  private final Capabilities capabilities;
  private final MultipartListener multipartListener;
  private final AtomicLong uploadIds = new AtomicLong();

  private MemoryAdapter(Builder b) {
    this.store = b.name == null ? new MemoryStore() : MemoryStore.named(b.name);
    this.clock = b.clock;
    this.publicUrlBase = b.publicUrlBase;
    this.multipartThreshold = b.multipartThreshold;
    this.multipartListener = b.multipartListener;
    this.uploader =
        b.partSize > 0
            ? PartUploader.builder().partSize(b.partSize).concurrency(b.concurrency).build()
            : null;
    Capabilities.Builder caps =
        Capabilities.builder()
            .add(
                Capability.WRITE,
                Capability.CREATE_ONLY,
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
                Capability.VERSION_ID,
                Capability.SORTED_LISTING,
                Capability.VISIBILITY_PER_OBJECT,
                Capability.SERVER_SIDE_COPY)
            .nativeChecksums(ChecksumAlgorithm.MD5)
            .maxPathBytes(b.maxPathBytes)
            .maxSegmentBytes(b.maxPathBytes);
    if (publicUrlBase != null) {
      caps.add(Capability.PUBLIC_URL);
    }
    if (uploader != null) {
      caps.multipart(multipartThreshold, b.partSize);
    }
    this.capabilities = caps.build();
  }

  /** Returns an adapter over a fresh, private store with default settings. */
  public static MemoryAdapter create() {
    return builder().build();
  }

  /** Returns a builder: a fresh store, the system clock, no multipart, no public URLs. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public boolean fileExists(String path) {
    return !path.isEmpty() && store.objects.containsKey(path);
  }

  @Override
  public boolean directoryExists(String path) {
    if (path.isEmpty()) {
      return true;
    }
    String dir = path + "/";
    String next = store.objects.ceilingKey(dir);
    return next != null && next.startsWith(dir);
  }

  @Override
  public InputStream read(String path, @Nullable ByteRange range) {
    MemoryObject o = file(path);
    if (o == null) {
      throw BackendException.of(Kind.NOT_FOUND, null);
    }
    if (range == null) {
      return new ByteArrayInputStream(o.data());
    }
    ByteRange.Resolved r = range.resolve(o.data().length);
    if (r == null) {
      throw BackendException.of(
          Kind.RANGE_NOT_SATISFIABLE, range.httpHeader() + " of " + o.data().length + " bytes");
    }
    return new ByteArrayInputStream(o.data(), (int) r.start(), (int) r.length());
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    try {
      if (uploader == null) {
        return store(path, bytesOf(source), options);
      }
      // Unknown lengths: at most the threshold is buffered to choose between one put and parts.
      WritePlan plan =
          WritePlan.of(
              path,
              source,
              length -> length >= multipartThreshold,
              Math.min(multipartThreshold - 1, Integer.MAX_VALUE - 9));
      if (plan instanceof WritePlan.Once) {
        WritePlan.Once once = (WritePlan.Once) plan;
        Path file = once.file();
        // A plan of one request holds either a file or the bytes.
        byte[] bytes =
            file != null ? Files.readAllBytes(file) : Objects.requireNonNull(once.bytes());
        byte[] data = file == null && source instanceof WriteSource.Bytes ? bytes.clone() : bytes;
        return store(path, data, options);
      }
      return ((WritePlan.Parts) plan).upload(uploader, newSession(path, options));
    } catch (IOException e) {
      throw BackendException.of(Kind.UNAVAILABLE, "reading the source failed", e);
    }
  }

  @Override
  public FileAttributes stat(String path) {
    MemoryObject o = file(path);
    if (o == null) {
      throw BackendException.of(Kind.NOT_FOUND, null);
    }
    return o.attributes(path);
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    return MemoryListing.of(store, path, deep);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    store.objects.putIfAbsent(
        path + "/",
        new MemoryObject(
            new byte[0],
            clock.instant(),
            null,
            visibility == null ? Visibility.PRIVATE : visibility,
            md5(new byte[0]),
            store.nextVersion(),
            Map.of(),
            null,
            null,
            null));
  }

  @Override
  public void deleteDirectory(String path) {
    String dir = path + "/";
    store.objects.tailMap(dir, true).keySet().removeIf(k -> k.startsWith(dir));
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    MemoryObject o = file(source);
    if (o == null) {
      throw BackendException.of(Kind.NOT_FOUND, null);
    }
    MemoryObject copy = derive(o, options);
    if (options.createOnly()) {
      if (store.objects.putIfAbsent(destination, copy) != null) {
        throw BackendException.of(Kind.ALREADY_EXISTS, null);
      }
    } else {
      store.objects.put(destination, copy);
    }
    return copy.attributes(destination);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    MemoryObject o = file(source);
    if (o == null) {
      throw BackendException.of(Kind.NOT_FOUND, null);
    }
    if (source.equals(destination)) {
      return o.attributes(source);
    }
    MemoryObject moved = derive(o, options);
    if (options.createOnly()) {
      if (store.objects.putIfAbsent(destination, moved) != null) {
        throw BackendException.of(Kind.ALREADY_EXISTS, null);
      }
    } else {
      store.objects.put(destination, moved);
    }
    store.objects.remove(source, o);
    return moved.attributes(destination);
  }

  @Override
  public void delete(String path) {
    if (!path.isEmpty() && !path.endsWith("/")) {
      store.objects.remove(path);
    }
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    MemoryObject updated =
        path.isEmpty() || path.endsWith("/")
            ? null
            : store.objects.computeIfPresent(path, (k, o) -> o.withVisibility(visibility));
    if (updated == null) {
      throw BackendException.of(Kind.NOT_FOUND, null);
    }
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    MemoryObject o = file(path);
    if (o == null) {
      throw BackendException.of(Kind.NOT_FOUND, null);
    }
    return algorithm == ChecksumAlgorithm.MD5
        ? Optional.of(new Checksum(algorithm, o.md5()))
        : Optional.empty();
  }

  @Override
  public URI publicUrl(String path) {
    if (publicUrlBase == null) {
      throw BackendException.of(Kind.UNSUPPORTED, "the memory adapter has no such URLs");
    }
    return publicUrlBase.resolve(UrlPaths.encode(path));
  }

  @Override
  public String toString() {
    return "MemoryAdapter[" + store.objects.size() + " objects]";
  }

  // ---- internals ----

  private @Nullable MemoryObject file(String path) {
    return path.isEmpty() || path.endsWith("/") ? null : store.objects.get(path);
  }

  private MemoryMultipartSession newSession(String path, WriteOptions options) {
    return new MemoryMultipartSession(
        data -> store(path, data, options), multipartListener, uploadIds.incrementAndGet(), path);
  }

  private static byte[] bytesOf(WriteSource source) throws IOException {
    if (source instanceof WriteSource.Bytes) {
      return ((WriteSource.Bytes) source).data().clone();
    }
    if (source instanceof WriteSource.File) {
      return Files.readAllBytes(((WriteSource.File) source).path());
    }
    WriteSource.Stream s = (WriteSource.Stream) source;
    byte[] data = s.length() < 0 ? s.in().readAllBytes() : s.in().readNBytes((int) s.length());
    if (s.length() >= 0 && data.length != s.length()) {
      throw new IOException(
          "the stream ended after " + data.length + " of " + s.length() + " bytes");
    }
    return data;
  }

  private FileAttributes store(String path, byte[] data, WriteOptions o) {
    MemoryObject object =
        new MemoryObject(
            data,
            clock.instant(),
            o.contentType(),
            o.visibility() == null ? Visibility.PRIVATE : o.visibility(),
            md5(data),
            store.nextVersion(),
            o.userMetadata(),
            o.cacheControl(),
            o.contentDisposition(),
            o.contentEncoding());
    if (o.createOnly()) {
      if (store.objects.putIfAbsent(path, object) != null) {
        throw BackendException.of(Kind.ALREADY_EXISTS, null);
      }
    } else {
      store.objects.put(path, object);
    }
    return object.attributes(path);
  }

  /** Returns a copy of {@code o}: options that are set replace its values. */
  private MemoryObject derive(MemoryObject o, WriteOptions options) {
    return new MemoryObject(
        o.data(),
        clock.instant(),
        options.contentType() != null ? options.contentType() : o.contentType(),
        options.visibility() != null ? options.visibility() : o.visibility(),
        o.md5(),
        store.nextVersion(),
        options.userMetadata().isEmpty() ? o.userMetadata() : options.userMetadata(),
        options.cacheControl() != null ? options.cacheControl() : o.cacheControl(),
        options.contentDisposition() != null
            ? options.contentDisposition()
            : o.contentDisposition(),
        options.contentEncoding() != null ? options.contentEncoding() : o.contentEncoding());
  }

  private static String md5(byte[] data) {
    return Checksums.of(data, ChecksumAlgorithm.MD5).hex();
  }

  /** Builds a {@link MemoryAdapter}. */
  public static final class Builder {
    private @Nullable String name;
    private Clock clock = Clock.systemUTC();
    private @Nullable URI publicUrlBase;
    private long multipartThreshold = Long.MAX_VALUE;
    private long partSize;
    private int concurrency = 4;
    private int maxPathBytes = 1024;
    private MultipartListener multipartListener = MultipartListener.NONE;

    private Builder() {}

    /** Shares the store named {@code name} with every adapter of that name in this JVM. */
    public Builder name(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("name must not be empty");
      }
      this.name = name;
      return this;
    }

    /** Sets the clock that stamps last-modified times. Default: the system clock (UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Declares {@link Capability#PUBLIC_URL}: a file's URL is {@code base} + its encoded path. */
    public Builder publicUrlBase(URI base) {
      Objects.requireNonNull(base, "base");
      String s = base.toString();
      this.publicUrlBase = s.endsWith("/") ? base : URI.create(s + "/");
      return this;
    }

    /**
     * Sends writes of {@code threshold} bytes or more (and unknown-length streams that reach it)
     * through the shared {@link PartUploader} in parts of {@code partSize}.
     */
    public Builder multipart(long threshold, long partSize) {
      if (threshold < 1 || threshold > Integer.MAX_VALUE || partSize < 1) {
        throw new IllegalArgumentException(
            "multipart threshold ("
                + threshold
                + ") and part size ("
                + partSize
                + ") out of range");
      }
      this.multipartThreshold = threshold;
      this.partSize = partSize;
      return this;
    }

    /** Sets how many parts upload at once in multipart writes. Default: 4. */
    public Builder concurrency(int parts) {
      if (parts < 1) {
        throw new IllegalArgumentException("concurrency (" + parts + ") must be positive");
      }
      this.concurrency = parts;
      return this;
    }

    /** Sets the longest accepted path (and segment) in UTF-8 bytes. Default: 1024. */
    public Builder maxPathBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxPathBytes (" + bytes + ") must be positive");
      }
      this.maxPathBytes = bytes;
      return this;
    }

    /**
     * Sets the listener told about every part kept and every multipart upload's end. Default:
     * {@link MultipartListener#NONE}.
     */
    public Builder multipartListener(MultipartListener listener) {
      this.multipartListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Returns the adapter. */
    public MemoryAdapter build() {
      return new MemoryAdapter(this);
    }
  }
}
