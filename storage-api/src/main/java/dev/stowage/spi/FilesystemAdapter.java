package dev.stowage.spi;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The narrow interface a storage backend implements; applications use {@link dev.stowage.Filesystem}.
 *
 * <p>The facade does everything that is the same for every backend, once: it normalises and
 * validates paths (adapters receive normalised paths, {@code ""} for the root, never with a
 * leading or trailing slash), checks {@link #capabilities()} before calling, validates ranges and
 * options, fills in defaults (content type), streams checksums the backend lacks, and turns every
 * failure into the {@link dev.stowage.StorageException} of the caller's operation and path.
 * Adapters report backend errors as {@link BackendException}s with the right
 * {@link dev.stowage.StorageException.Kind} and a detail, and never name an operation or a path
 * in them: the facade attaches both. A stream an adapter returns reports failures as
 * {@link java.io.IOException}s; one caused by an INTEGRITY {@link BackendException} is reported as
 * INTEGRITY, any other as UNAVAILABLE.
 *
 * <p>Implementations must be thread-safe.
 */
public interface FilesystemAdapter extends AutoCloseable {

  /** Returns what this adapter can do; the result must not change over the adapter's life. */
  Capabilities capabilities();

  /** Returns whether a file exists at {@code path}. */
  boolean fileExists(String path);

  /** Returns whether a directory (marker or any descendant) exists at {@code path}; true for the root. */
  boolean directoryExists(String path);

  /**
   * Opens a file, or a validated {@code range} of it (null for the whole file). A missing file
   * fails with NOT_FOUND, a range past the end with RANGE_NOT_SATISFIABLE (or yields no bytes,
   * as declared). Failures while streaming surface as {@link java.io.IOException}s from the
   * stream, which the facade wraps.
   */
  InputStream read(String path, @Nullable ByteRange range);

  /**
   * Writes {@code source} to {@code path} with fully resolved {@code options} (content type set)
   * and returns the new file's attributes. A failure leaves no partial file.
   */
  FileAttributes write(String path, WriteSource source, WriteOptions options);

  /** Returns the attributes of the file at {@code path}, or fails with NOT_FOUND. */
  FileAttributes stat(String path);

  /**
   * Returns an iterator over the entries below {@code path} (direct children, or all descendants
   * when {@code deep}), fetching pages lazily. Paths of entries are relative to the adapter root.
   * The facade closes the iterator if it is {@link AutoCloseable}.
   */
  Iterator<StorageAttributes> list(String path, boolean deep);

  /**
   * Creates a directory (marker) at {@code path}, which is never the root; a null visibility is the
   * adapter's default.
   */
  void createDirectory(String path, @Nullable Visibility visibility);

  /** Deletes everything below {@code path} and its marker; {@code path} is never the root. */
  void deleteDirectory(String path);

  /**
   * Copies a file; {@code options} carries only what the caller asked to replace (visibility,
   * content metadata); everything else is kept from the source.
   */
  FileAttributes copy(String source, String destination, WriteOptions options);

  /** Moves a file (copy then delete where the backend has no rename), like {@link #copy}. */
  FileAttributes move(String source, String destination, WriteOptions options);

  /** Deletes a file; succeeds if there is none. */
  void delete(String path);

  /** Sets the visibility of a file. */
  void setVisibility(String path, Visibility visibility);

  /**
   * Returns the checksum when the backend stores or computes {@code algorithm} itself, or empty
   * so that the facade streams the file. The default is empty: no native checksums.
   */
  default Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    return Optional.empty();
  }

  /**
   * Returns a URL that reads the file without credentials. The default fails with UNSUPPORTED;
   * an adapter that overrides it declares {@link dev.stowage.Capability#PUBLIC_URL}.
   */
  default URI publicUrl(String path) {
    throw unsupported("public URLs");
  }

  /**
   * Returns a URL that reads the file without credentials until {@code ttl} has passed. The
   * default fails with UNSUPPORTED; an adapter that overrides it declares
   * {@link dev.stowage.Capability#TEMPORARY_URL}.
   */
  default URI temporaryUrl(String path, Duration ttl) {
    throw unsupported("temporary URLs");
  }

  /**
   * Returns a ticket for a browser upload to {@code path}. The default fails with UNSUPPORTED;
   * an adapter that overrides it declares {@link dev.stowage.Capability#PREPARE_UPLOAD}.
   */
  default UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    throw unsupported("browser upload tickets");
  }

  private BackendException unsupported(String what) {
    return BackendException.of(
        StorageException.Kind.UNSUPPORTED, getClass().getSimpleName() + " has no " + what);
  }

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
