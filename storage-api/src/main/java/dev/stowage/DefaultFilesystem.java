package dev.stowage;

import dev.stowage.spi.Checksums;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.PrefixedAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Filesystem} facade: normalises paths, checks capabilities and options before any
 * I/O, fills in defaults and wraps every failure, then calls the adapter. Writes are in
 * {@link FacadeWrites}; this class holds the rest.
 */
final class DefaultFilesystem implements Filesystem {

  private final FilesystemAdapter adapter;
  private final FacadeSettings settings;
  private final Capabilities caps;
  private final Preconditions checks;
  private final FacadeWrites writes;
  private final boolean ownsAdapter;
  private final AtomicBoolean closed = new AtomicBoolean();

  DefaultFilesystem(FilesystemAdapter adapter, FacadeSettings settings, boolean ownsAdapter) {
    this.adapter = Objects.requireNonNull(adapter, "adapter");
    this.settings = settings;
    this.caps = Objects.requireNonNull(adapter.capabilities(), "adapter capabilities");
    this.checks = new Preconditions(caps);
    this.writes = new FacadeWrites(adapter, settings, caps, checks);
    this.ownsAdapter = ownsAdapter;
  }

  // ---- existence ----

  @Override
  public boolean fileExists(String path) {
    String p = checks.path(path);
    return !p.isEmpty() && call(Operation.EXISTS, p, null, () -> adapter.fileExists(p));
  }

  @Override
  public boolean directoryExists(String path) {
    String p = checks.path(path);
    return call(Operation.EXISTS, p, null, () -> adapter.directoryExists(p));
  }

  @Override
  public boolean exists(String path) {
    String p = checks.path(path);
    if (p.isEmpty()) {
      return true;
    }
    return call(
        Operation.EXISTS, p, null, () -> adapter.fileExists(p) || adapter.directoryExists(p));
  }

  // ---- read ----

  @Override
  public byte[] read(String path) {
    String p = checks.file(path);
    // The same failures as reading through readStream's guarded stream, without the wrapper: the
    // adapter's stream hands over its bytes directly, and a failure to close is logged, not thrown.
    InputStream in = adapterStream(p, null);
    if (in == null) {
      return new byte[0];
    }
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw Failures.io(Operation.READ, p, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, p, null, e);
    } finally {
      GuardedInputStream.closeQuietly(in, p);
    }
  }

  @Override
  public InputStream readStream(String path, @Nullable ByteRange range) {
    String p = checks.file(path);
    if (range != null) {
      if (!range.isValid()) {
        throw Preconditions.invalid(Operation.READ, p, null, "invalid range " + range.httpHeader());
      }
      checks.require(Capability.RANGE_READ, Operation.READ, p, null);
      if (range instanceof ByteRange.Last && ((ByteRange.Last) range).count() == 0) {
        // Nothing to read, but a missing file must still fail.
        if (!call(Operation.READ, p, null, () -> adapter.fileExists(p))) {
          throw directoryOr(ReadFailedException.notFound(p), Operation.READ, p, null, p);
        }
        return InputStream.nullInputStream();
      }
    }
    return open(p, range);
  }

  private InputStream open(String p, @Nullable ByteRange range) {
    InputStream in = adapterStream(p, range);
    return in == null ? InputStream.nullInputStream() : new GuardedInputStream(in, p);
  }

  /**
   * Opens the adapter's stream, translating failures; null for a range past the end on an
   * adapter that reads such a range as empty.
   */
  private @Nullable InputStream adapterStream(String p, @Nullable ByteRange range) {
    InputStream in;
    try {
      in = adapter.read(p, range);
    } catch (RuntimeException e) {
      StorageException se = Failures.wrap(Operation.READ, p, null, e);
      if (se.kind() == StorageException.Kind.RANGE_NOT_SATISFIABLE
          && !caps.has(Capability.RANGE_NOT_SATISFIABLE)) {
        return null;
      }
      throw directoryOr(se, Operation.READ, p, null, p);
    }
    if (in == null) {
      throw ReadFailedException.at(
          p, StorageException.Kind.UNEXPECTED, "the adapter returned no stream", null);
    }
    return in;
  }

  // ---- write ----

  @Override
  public FileAttributes write(String path, byte[] data, WriteOptions options) {
    return writes.bytes(path, data, options);
  }

  @Override
  public FileAttributes write(String path, InputStream source, WriteOptions options) {
    return writes.stream(path, source, -1, options);
  }

  @Override
  public FileAttributes write(String path, InputStream source, long length, WriteOptions options) {
    if (length < 0) {
      String p = checks.path(path);
      throw Preconditions.invalid(Operation.WRITE, p, null, "negative length " + length);
    }
    return writes.stream(path, source, length, options);
  }

  @Override
  public FileAttributes write(String path, Path source, WriteOptions options) {
    return writes.file(path, source, options);
  }

  @Override
  public UploadStream openOutputStream(String path, WriteOptions options) {
    return writes.outputStream(path, options);
  }

  // ---- metadata ----

  @Override
  public FileAttributes stat(String path) {
    return statFile(checks.file(path));
  }

  private FileAttributes statFile(String p) {
    FileAttributes attributes;
    try {
      attributes = adapter.stat(p);
    } catch (RuntimeException e) {
      StorageException se = Failures.wrap(Operation.STAT, p, null, e);
      throw directoryOr(se, Operation.STAT, p, null, p);
    }
    if (attributes == null) {
      throw MetadataFailedException.at(
          Operation.STAT,
          p,
          StorageException.Kind.UNEXPECTED,
          "the adapter returned no attributes",
          null);
    }
    return attributes;
  }

  @Override
  public String mimeType(String path) {
    String p = checks.file(path);
    FileAttributes a = statFile(p);
    String stored = a.contentType();
    if (stored != null && !ContentTypes.isGeneric(stored)) {
      return stored;
    }
    byte[] head = writes.needsHead(p) ? head(p, a.size()) : ContentTypes.NO_HEAD;
    String detected = writes.detect(p, head);
    if (detected == null) {
      throw MetadataFailedException.at(
          Operation.STAT,
          p,
          StorageException.Kind.UNEXPECTED,
          "MIME type could not be detected",
          null);
    }
    return detected;
  }

  /** Reads the first bytes of a file for type detection, as part of a metadata call. */
  private byte[] head(String p, long size) {
    if (size == 0) {
      return new byte[0];
    }
    ByteRange range =
        caps.has(Capability.RANGE_READ) ? ByteRange.of(0, MimeDetector.HEAD_LIMIT - 1) : null;
    try (InputStream in = adapter.read(p, range)) {
      return in.readNBytes(MimeDetector.HEAD_LIMIT);
    } catch (IOException e) {
      throw Failures.io(Operation.STAT, p, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.STAT, p, null, e);
    }
  }

  @Override
  public @Nullable Visibility visibility(String path) {
    FileAttributes a = stat(path);
    if (a.visibility() != null || caps.visibilityMode() == VisibilityMode.NONE) {
      return a.visibility(); // NONE: the backend has no notion of visibility, so null
    }
    throw MetadataFailedException.at(
        Operation.STAT,
        a.path(),
        StorageException.Kind.UNEXPECTED,
        "the adapter did not report a visibility",
        null);
  }

  // ---- listing and directories ----

  @Override
  public DirectoryListing list(String path, boolean deep) {
    String p = checks.path(path);
    Iterator<StorageAttributes> entries;
    try {
      entries = adapter.list(p, deep);
    } catch (RuntimeException e) {
      StorageException se = Failures.wrap(Operation.LIST, p, null, e);
      // A missing directory, or a file (which some backends refuse to list), has no entries. A
      // transient failure is not asked about: the extra call would spend the deadline again.
      if (se.kind() == StorageException.Kind.NOT_FOUND || (!se.retryable() && isFile(p))) {
        return DirectoryListing.empty();
      }
      throw se;
    }
    if (entries == null) {
      return DirectoryListing.empty();
    }
    GuardedIterator guarded = new GuardedIterator(entries, p);
    return DirectoryListing.of(guarded, guarded);
  }

  private boolean isFile(String p) {
    try {
      return !p.isEmpty() && adapter.fileExists(p);
    } catch (RuntimeException ignored) {
      return false;
    }
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    String p = checks.writePath(path);
    checks.require(Capability.WRITE, Operation.CREATE_DIRECTORY, p, null);
    checks.visibility(visibility, Operation.CREATE_DIRECTORY, p, null);
    if (p.isEmpty()) {
      return;
    }
    Visibility v = visibility != null ? visibility : writes.defaultVisibility();
    call(
        Operation.CREATE_DIRECTORY,
        p,
        null,
        () -> {
          if (settings.checkDirectoryConflicts() && adapter.fileExists(p)) {
            throw DirectoryFailedException.at(
                Operation.CREATE_DIRECTORY,
                p,
                StorageException.Kind.ALREADY_EXISTS,
                "a file exists at this path",
                null);
          }
          adapter.createDirectory(p, v);
          return null;
        });
  }

  @Override
  public void deleteDirectory(String path) {
    String p = checks.path(path);
    checks.require(Capability.WRITE, Operation.DELETE_DIRECTORY, p, null);
    if (p.isEmpty()) {
      throw DirectoryFailedException.at(
          Operation.DELETE_DIRECTORY,
          p,
          StorageException.Kind.INVALID_INPUT,
          "refusing to delete the root",
          null);
    }
    call(
        Operation.DELETE_DIRECTORY,
        p,
        null,
        () -> {
          adapter.deleteDirectory(p);
          return null;
        });
  }

  // ---- copy, move, delete, visibility ----

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return writes.transfer(Operation.COPY, source, destination, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    return writes.transfer(Operation.MOVE, source, destination, options);
  }

  @Override
  public void delete(String path) {
    String p = checks.file(path);
    checks.require(Capability.WRITE, Operation.DELETE, p, null);
    call(
        Operation.DELETE,
        p,
        null,
        () -> {
          // A directory is not deleted as a file (deleteDirectory does that); on object stores a
          // file and a directory may share a name, and then the file is what goes.
          if (adapter.directoryExists(p) && !adapter.fileExists(p)) {
            throw DeleteFailedException.at(
                p,
                StorageException.Kind.IS_A_DIRECTORY,
                "use deleteDirectory for directories",
                null);
          }
          adapter.delete(p);
          return null;
        });
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    Objects.requireNonNull(visibility, "visibility");
    String p = checks.file(path);
    checks.require(Capability.WRITE, Operation.SET_VISIBILITY, p, null);
    checks.visibility(visibility, Operation.SET_VISIBILITY, p, null);
    call(
        Operation.SET_VISIBILITY,
        p,
        null,
        () -> {
          adapter.setVisibility(p, visibility);
          return null;
        });
  }

  // ---- checksums and URLs ----

  @Override
  public Checksum checksum(String path) {
    return checksum(path, settings.defaultChecksum());
  }

  @Override
  public Checksum checksum(String path, String algorithm) {
    String p = checks.file(path);
    ChecksumAlgorithm a;
    try {
      a = ChecksumAlgorithm.of(algorithm);
    } catch (IllegalArgumentException e) {
      throw ChecksumFailedException.at(
          p, StorageException.Kind.INVALID_INPUT, e.getMessage(), null);
    }
    return checksumOf(p, a);
  }

  @Override
  public Checksum checksum(String path, ChecksumAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    return checksumOf(checks.file(path), algorithm);
  }

  private Checksum checksumOf(String p, ChecksumAlgorithm algorithm) {
    if (caps.nativeChecksums().contains(algorithm)) {
      Optional<Checksum> stored;
      try {
        stored = adapter.checksum(p, algorithm);
      } catch (RuntimeException e) {
        StorageException se = Failures.wrap(Operation.CHECKSUM, p, null, e);
        throw directoryOr(se, Operation.CHECKSUM, p, null, p);
      }
      if (stored != null && stored.isPresent() && stored.get().algorithm() == algorithm) {
        return stored.get();
      }
    }
    InputStream in;
    try {
      in = adapter.read(p, null);
    } catch (RuntimeException e) {
      StorageException se = Failures.wrap(Operation.CHECKSUM, p, null, e);
      throw directoryOr(se, Operation.CHECKSUM, p, null, p);
    }
    try (InputStream stream = in) {
      return Checksums.compute(stream, algorithm);
    } catch (IOException e) {
      throw Failures.io(Operation.CHECKSUM, p, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.CHECKSUM, p, null, e);
    }
  }

  @Override
  public URI publicUrl(String path) {
    String p = checks.file(path);
    checks.require(Capability.PUBLIC_URL, Operation.PUBLIC_URL, p, null);
    return call(Operation.PUBLIC_URL, p, null, () -> adapter.publicUrl(p));
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    String p = checks.file(path);
    checks.require(Capability.TEMPORARY_URL, Operation.TEMPORARY_URL, p, null);
    checks.ttl(ttl, Operation.TEMPORARY_URL, p);
    return call(Operation.TEMPORARY_URL, p, null, () -> adapter.temporaryUrl(p, ttl));
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    String p = checks.file(path);
    checks.writePath(path);
    checks.require(Capability.PREPARE_UPLOAD, Operation.PREPARE_UPLOAD, p, null);
    checks.ttl(ttl, Operation.PREPARE_UPLOAD, p);
    UploadConstraints c = constraints == null ? UploadConstraints.NONE : constraints;
    checks.visibility(c.visibility(), Operation.PREPARE_UPLOAD, p, null);
    if (c.contentType() != null) {
      Preconditions.contentType(c.contentType(), Operation.PREPARE_UPLOAD, p, null);
    }
    return call(Operation.PREPARE_UPLOAD, p, null, () -> adapter.prepareUpload(p, ttl, c));
  }

  // ---- views and lifecycle ----

  @Override
  public Filesystem at(String directory) {
    String p = checks.path(directory);
    FilesystemAdapter view = p.isEmpty() ? adapter : new PrefixedAdapter(adapter, p);
    return new DefaultFilesystem(view, settings, false);
  }

  @Override
  public Capabilities capabilities() {
    return caps;
  }

  @Override
  public void close() {
    if (ownsAdapter && closed.compareAndSet(false, true)) {
      adapter.close();
    }
  }

  @Override
  public String toString() {
    return "Filesystem[" + adapter + "]";
  }

  // ---- helpers ----

  private <T> T call(
      Operation operation, String path, @Nullable String destination, Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw Failures.wrap(operation, path, destination, e);
    }
  }

  /**
   * Returns IS_A_DIRECTORY instead of a NOT_FOUND failure when {@code directory} is one; only
   * failures pay for the extra existence check.
   */
  StorageException directoryOr(
      StorageException e,
      Operation operation,
      String path,
      @Nullable String destination,
      String directory) {
    return directoryOr(adapter, e, operation, path, destination, directory);
  }

  static StorageException directoryOr(
      FilesystemAdapter adapter,
      StorageException e,
      Operation operation,
      String path,
      @Nullable String destination,
      String directory) {
    if (e.kind() != StorageException.Kind.NOT_FOUND) {
      return e;
    }
    boolean isDirectory;
    try {
      isDirectory = adapter.directoryExists(directory);
    } catch (RuntimeException ignored) {
      return e;
    }
    return isDirectory
        ? StorageException.of(
            operation,
            path,
            destination,
            StorageException.Kind.IS_A_DIRECTORY,
            "a directory exists at '" + directory + "'",
            null,
            e)
        : e;
  }
}
