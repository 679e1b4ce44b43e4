package dev.stowage;

import dev.stowage.spi.FilesystemAdapter;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes files in one storage backend — local disk, memory, Backblaze B2 or an
 * S3-compatible service — through the same calls.
 *
 * <pre>{@code
 * try (Filesystem fs = Filesystems.open("b2://my-bucket/assets")) {   // or "s3://…", "file:///srv", "memory:"
 *   fs.write("reports/2026.csv", csvBytes);
 *   String text = fs.readString("reports/2026.csv");
 *   try (DirectoryListing listing = fs.list("reports")) {
 *     listing.forEach(entry -> System.out.println(entry.path()));
 *   }
 *   URI link = fs.temporaryUrl("reports/2026.csv", Duration.ofHours(1));
 * }
 * }</pre>
 *
 * <p><b>Paths</b> are relative to the filesystem's root and normalised once: {@code \} becomes
 * {@code /}; empty and {@code .} segments drop (so leading, trailing and double slashes
 * disappear); {@code ..} resolves, but climbing above the root fails with
 * {@link PathRejectedException}; control characters fail with {@link PathRejectedException};
 * {@code a..b} and {@code ..txt} are ordinary names. The root is {@code ""}. Paths longer than
 * the adapter's {@link Capabilities#maxPathBytes()} fail before any I/O. A path given with a
 * trailing {@code /} names a directory: writing, copying or moving a file to it fails with
 * {@code IS_A_DIRECTORY}, while reads and listings treat it like the same path without the slash.
 *
 * <p><b>Directories</b> on object stores are implicit: a directory exists while a marker or any
 * file below it exists. Markers never appear in listings. Listing a missing directory yields nothing.
 *
 * <p><b>Errors</b> are unchecked {@link StorageException}s: one subclass per operation, each with a
 * {@link StorageException.Kind}. An operation or option that needs a capability the adapter does
 * not declare fails with {@code UNSUPPORTED} before any I/O.
 *
 * <p>The convenience overloads are {@code default} methods written in terms of the others, so an
 * implementation (a decorator, a mount table) implements only the primitive operations.
 *
 * <p>Implementations are thread-safe. Build one with {@link #of(FilesystemAdapter)},
 * {@link #builder(FilesystemAdapter)} or {@link Filesystems#open(String)}.
 */
public interface Filesystem extends AutoCloseable {

  /** Returns a filesystem over {@code adapter} with default settings. */
  static Filesystem of(FilesystemAdapter adapter) {
    return builder(adapter).build();
  }

  /** Returns a builder for a filesystem over {@code adapter}. */
  static FilesystemBuilder builder(FilesystemAdapter adapter) {
    return new FilesystemBuilder(adapter);
  }

  // ---- existence ----

  /** Returns whether a file exists at {@code path} (false for directories). */
  boolean fileExists(String path);

  /** Returns whether a directory exists at {@code path} (explicitly created or implied by contents). */
  boolean directoryExists(String path);

  /** Returns whether a file or a directory exists at {@code path}. */
  boolean exists(String path);

  // ---- read ----

  /** Returns the whole file. */
  byte[] read(String path);

  /** Returns the whole file decoded as UTF-8. */
  default String readString(String path) {
    return readString(path, StandardCharsets.UTF_8);
  }

  /** Returns the whole file decoded with {@code charset}. */
  default String readString(String path, Charset charset) {
    Objects.requireNonNull(charset, "charset");
    return new String(read(path), charset);
  }

  /** Opens the file for streaming; the caller closes the stream. */
  default InputStream readStream(String path) {
    return readStream(path, null);
  }

  /**
   * Opens {@code range} of the file for streaming. An end past the file is clamped; a start past
   * the end fails with {@code RANGE_NOT_SATISFIABLE} where the adapter declares
   * {@link Capability#RANGE_NOT_SATISFIABLE}, and yields no bytes otherwise. A null range reads
   * the whole file.
   */
  InputStream readStream(String path, @Nullable ByteRange range);

  /**
   * Opens {@code range} of the file (null: all of it) for streaming, as one transfer that reports
   * to {@code listener} and stops when {@code cancellation} is cancelled (either may be null).
   * The listener hears the bytes the stream returns (the total is reported as unknown, -1, until
   * the end), and the end: {@code finished} at the end of the data or when the stream is closed
   * before it (with the bytes returned), {@code failed} at the first failure. A cancel closes the
   * underlying stream at once, from the cancelling thread, and every later read fails with
   * {@link ReadFailedException} of kind {@link StorageException.Kind#CANCELLED}.
   */
  default InputStream readStream(
      String path,
      @Nullable ByteRange range,
      @Nullable TransferListener listener,
      @Nullable CancellationToken cancellation) {
    return TrackedReadStream.open(
        this, path, range, dev.stowage.spi.Transfer.of(listener, cancellation));
  }

  // ---- write ----

  /** Writes {@code data} to {@code path}, replacing any file there, and returns its attributes. */
  default FileAttributes write(String path, byte[] data) {
    return write(path, data, WriteOptions.DEFAULT);
  }

  /** Writes {@code data} with {@code options}. */
  FileAttributes write(String path, byte[] data, WriteOptions options);

  /** Writes {@code content} encoded as UTF-8. */
  default FileAttributes write(String path, String content) {
    return write(path, content, WriteOptions.DEFAULT);
  }

  /** Writes {@code content} encoded as UTF-8, with {@code options}. */
  default FileAttributes write(String path, String content, WriteOptions options) {
    Objects.requireNonNull(content, "content");
    return write(path, content.getBytes(StandardCharsets.UTF_8), options);
  }

  /**
   * Writes everything {@code source} yields. The stream is read from its current position to its
   * end and is not closed. If it fails part-way, nothing is left at {@code path}.
   */
  FileAttributes write(String path, InputStream source, WriteOptions options);

  /**
   * Writes exactly {@code length} bytes of {@code source} (known-length streams let adapters pick
   * single or multipart upload up front). A stream that ends early fails with INVALID_INPUT and
   * writes nothing.
   */
  FileAttributes write(String path, InputStream source, long length, WriteOptions options);

  /** Writes the contents of a local file; adapters may read parts of it in parallel. */
  FileAttributes write(String path, Path source, WriteOptions options);

  /**
   * Returns a stream whose bytes become the file when it is closed. Until then nothing is visible
   * at {@code path}; if writing fails, {@code close()} throws and nothing is left.
   * {@link UploadStream#abort()} (or closing on an interrupted thread) discards the upload and
   * cancels any multipart upload before returning.
   */
  UploadStream openOutputStream(String path, WriteOptions options);

  // ---- metadata ----

  /** Returns the attributes of the file at {@code path}; a directory fails with IS_A_DIRECTORY or NOT_FOUND. */
  FileAttributes stat(String path);

  /** Returns the size of the file in bytes. */
  default long fileSize(String path) {
    return stat(path).size();
  }

  /** Returns when the file was last modified. */
  default Instant lastModified(String path) {
    FileAttributes a = stat(path);
    if (a.lastModified() == null) {
      throw MetadataFailedException.at(
          Operation.STAT,
          a.path(),
          StorageException.Kind.UNSUPPORTED,
          "the adapter does not report modification times",
          null);
    }
    return a.lastModified();
  }

  /**
   * Returns the file's MIME type: the stored one, else detected from its name and content; an
   * undetectable type fails with {@link MetadataFailedException} rather than guessing.
   */
  String mimeType(String path);

  /**
   * Returns the file's visibility: its own for per-object adapters, the bucket's for bucket-level
   * ones, and null when the adapter has no notion of visibility ({@link VisibilityMode#NONE}).
   */
  @Nullable Visibility visibility(String path);

  // ---- listing and directories ----

  /** Lists the direct children of {@code path} (files and directories). */
  default DirectoryListing list(String path) {
    return list(path, false);
  }

  /** Lists the children of {@code path}; with {@code deep}, every descendant file and directory. */
  DirectoryListing list(String path, boolean deep);

  /** Creates a directory (and its parents); succeeds if it exists. */
  default void createDirectory(String path) {
    createDirectory(path, null);
  }

  /**
   * Creates a directory with the given visibility where the adapter supports it; a null visibility
   * leaves the choice to the adapter.
   */
  void createDirectory(String path, @Nullable Visibility visibility);

  /** Deletes a directory and everything below it; succeeds if it does not exist. Refuses the root. */
  void deleteDirectory(String path);

  // ---- copy, move, delete, visibility ----

  /** Copies a file, keeping its metadata and visibility; replaces any file at {@code destination}. */
  default FileAttributes copy(String source, String destination) {
    return copy(source, destination, WriteOptions.DEFAULT);
  }

  /** Copies a file; options that are set replace the source's values. */
  FileAttributes copy(String source, String destination, WriteOptions options);

  /** Moves a file, keeping its metadata and visibility; replaces any file at {@code destination}. */
  default FileAttributes move(String source, String destination) {
    return move(source, destination, WriteOptions.DEFAULT);
  }

  /** Moves a file; options that are set replace the source's values. */
  FileAttributes move(String source, String destination, WriteOptions options);

  /** Deletes a file; succeeds if there is none. A directory path fails with IS_A_DIRECTORY. */
  void delete(String path);

  /** Sets the visibility of a file. */
  void setVisibility(String path, Visibility visibility);

  // ---- checksums and URLs ----

  /** Returns the file's checksum with the filesystem's default algorithm (MD5 unless configured). */
  Checksum checksum(String path);

  /** Returns the file's checksum: native when the backend has it, otherwise streamed. */
  Checksum checksum(String path, ChecksumAlgorithm algorithm);

  /** Returns the file's checksum for an algorithm given by name ({@code "sha256"}, {@code "SHA-1"}…). */
  Checksum checksum(String path, String algorithm);

  /** Returns a URL that reads the file without credentials. */
  URI publicUrl(String path);

  /** Returns a URL that reads the file without credentials until {@code ttl} has passed. */
  URI temporaryUrl(String path, Duration ttl);

  /** Returns a ticket with which a browser can upload {@code path} until {@code ttl} has passed. */
  UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints);

  /**
   * Returns a view of this filesystem rooted at {@code directory}: every path is resolved below
   * it and cannot escape it, and listings report paths relative to it. The view shares this
   * filesystem's adapter and settings; closing the view does not close this filesystem.
   */
  Filesystem at(String directory);

  /** Returns what the underlying adapter can do. */
  Capabilities capabilities();

  /** Releases the adapter's resources (connections, threads). */
  @Override
  void close();
}
