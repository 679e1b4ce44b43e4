package dev.stowage;

import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.Transfer;
import dev.stowage.spi.WriteSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The facade's write side: writes from every kind of source, the output stream, copy and move.
 * Each runs the same steps: normalise the destination, check capabilities and options, fill in
 * defaults (visibility, detected content type), refuse a directory at the destination, then
 * call the adapter once.
 */
final class FacadeWrites {

  private final FilesystemAdapter adapter;
  private final FacadeSettings settings;
  private final Capabilities caps;
  private final Preconditions checks;

  FacadeWrites(
      FilesystemAdapter adapter, FacadeSettings settings, Capabilities caps, Preconditions checks) {
    this.adapter = adapter;
    this.settings = settings;
    this.caps = caps;
    this.checks = checks;
  }

  FileAttributes bytes(String path, byte[] data, WriteOptions options) {
    Objects.requireNonNull(data, "data");
    String p = checks.destination(path, Operation.WRITE, null);
    WriteOptions o = prepare(p, options);
    if (wantsDetection(o)) {
      // A small array is its own head (no copy); a large one is cut only if the detector looks.
      byte[] head =
          data.length <= MimeDetector.HEAD_LIMIT || needsHead(p)
              ? ContentTypes.head(data)
              : ContentTypes.NO_HEAD;
      o = withDetectedType(p, o, head);
    }
    refuseDirectory(Operation.WRITE, p, null, p);
    return watched(p, WriteSource.of(data), o, null);
  }

  FileAttributes stream(String path, InputStream in, long length, WriteOptions options) {
    Objects.requireNonNull(in, "source");
    String p = checks.destination(path, Operation.WRITE, null);
    WriteOptions o = prepare(p, options);
    SourceStream source = new SourceStream(in, length);
    InputStream feed = source;
    if (wantsDetection(o) && !needsHead(p)) {
      // The name decides: the stream goes to the adapter as given, with no read-ahead layer.
      o = withDetectedType(p, o, ContentTypes.NO_HEAD);
    } else if (wantsDetection(o)) {
      BufferedInputStream buffered = new BufferedInputStream(source, MimeDetector.HEAD_LIMIT + 1);
      byte[] head;
      try {
        head = ContentTypes.peek(buffered);
      } catch (IOException e) {
        throw sourceFailure(p, source, e);
      }
      o = withDetectedType(p, o, head);
      feed = buffered;
    }
    refuseDirectory(Operation.WRITE, p, null, p);
    return watched(p, WriteSource.of(feed, length), o, source);
  }

  FileAttributes file(String path, Path file, WriteOptions options) {
    Objects.requireNonNull(file, "source");
    String p = checks.destination(path, Operation.WRITE, null);
    WriteOptions o = prepare(p, options);
    long size;
    byte[] head = null;
    try {
      if (!Files.isRegularFile(file)) {
        throw Preconditions.invalid(Operation.WRITE, p, null, "the source is not a regular file");
      }
      size = Files.size(file);
      if (wantsDetection(o)) {
        head = needsHead(p) ? ContentTypes.head(file) : ContentTypes.NO_HEAD;
      }
    } catch (IOException e) {
      throw WriteFailedException.at(
          p, StorageException.Kind.INVALID_INPUT, "the source file cannot be read", e);
    }
    if (head != null) {
      o = withDetectedType(p, o, head);
    }
    refuseDirectory(Operation.WRITE, p, null, p);
    return watched(p, WriteSource.of(file, size), o, null);
  }

  UploadStream outputStream(String path, WriteOptions options) {
    String p = checks.destination(path, Operation.WRITE, null);
    WriteOptions o = prepare(p, options);
    refuseDirectory(Operation.WRITE, p, null, p);
    return new BackgroundWriteStream(
        p,
        (source, head) -> {
          WriteOptions resolved = wantsDetection(o) ? withDetectedType(p, o, head) : o;
          watched(p, source, resolved, null);
        });
  }

  /** Copies or moves a file; options that are set replace the source's values. */
  FileAttributes transfer(Operation op, String source, String destination, WriteOptions options) {
    Objects.requireNonNull(options, "options");
    String s = checks.file(source);
    String d = checks.destination(destination, op, s);
    checks.require(Capability.WRITE, op, s, d);
    checks.options(options, op, s, d);
    if (s.equals(d)) {
      switch (settings.samePathPolicy()) {
        case FAIL:
          throw Preconditions.failure(
              op,
              s,
              d,
              StorageException.Kind.PRECONDITION_FAILED,
              "the source and the destination are the same");
        case IGNORE:
          try {
            return adapter.stat(s);
          } catch (RuntimeException e) {
            StorageException se = Failures.wrap(op, s, d, e);
            throw DefaultFilesystem.directoryOr(adapter, se, op, s, d, s);
          }
        default:
          break;
      }
    }
    refuseDirectory(op, s, d, d);
    return TransferRun.run(
        transfer(options),
        op,
        s,
        d,
        -1,
        () -> {
          try {
            return op == Operation.COPY ? adapter.copy(s, d, options) : adapter.move(s, d, options);
          } catch (RuntimeException e) {
            StorageException se = Failures.wrap(op, s, d, e);
            throw DefaultFilesystem.directoryOr(adapter, se, op, s, d, s);
          }
        });
  }

  private static Transfer transfer(WriteOptions o) {
    return Transfer.of(o.listener(), o.cancellation());
  }

  /**
   * Sends {@code source} as one transfer that reports to, and is cancelled through, the options;
   * a stream is read through the transfer, so its bytes are counted and a cancel stops its reads.
   */
  private FileAttributes watched(
      String p, WriteSource source, WriteOptions o, @Nullable SourceStream guard) {
    Transfer t = transfer(o);
    if (t == Transfer.NONE) {
      return send(p, source, o, guard);
    }
    WriteSource tracked =
        source instanceof WriteSource.Stream
            ? WriteSource.of(t.track(((WriteSource.Stream) source).in()), source.length())
            : source;
    return TransferRun.run(
        t,
        Operation.WRITE,
        p,
        null,
        source.length(),
        () -> send(p, tracked.withTransfer(t), o, guard));
  }

  /** Returns the detected type of a file, or null when the detector cannot tell. */
  @Nullable String detect(String path, byte[] head) {
    try {
      String type = settings.mimeDetector().detect(path, head);
      return ContentTypes.isGeneric(type) ? null : type;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Returns whether the detector needs the file's first bytes for {@code path}; a detector that
   * throws is asked with the bytes (and then treated as unknown by {@link #detect}).
   */
  boolean needsHead(String path) {
    try {
      return settings.mimeDetector().needsHead(path);
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** Returns the visibility writes get when none is asked for: only per-object adapters use it. */
  @Nullable Visibility defaultVisibility() {
    return caps.visibilityMode() == VisibilityMode.PER_OBJECT ? settings.defaultVisibility() : null;
  }

  private WriteOptions prepare(String p, WriteOptions options) {
    Objects.requireNonNull(options, "options");
    checks.require(Capability.WRITE, Operation.WRITE, p, null);
    checks.options(options, Operation.WRITE, p, null);
    Visibility v = defaultVisibility();
    return options.visibility() == null && v != null ? options.withVisibility(v) : options;
  }

  private boolean wantsDetection(WriteOptions o) {
    return o.contentType() == null && caps.has(Capability.CONTENT_TYPE);
  }

  private WriteOptions withDetectedType(String p, WriteOptions o, byte[] head) {
    String type = detect(p, head);
    return type == null ? o : o.withContentType(type);
  }

  /** Refuses to put a file where a directory exists (an extra existence check per write). */
  private void refuseDirectory(
      Operation op, String path, @Nullable String destination, String target) {
    if (!settings.checkDirectoryConflicts()) {
      return;
    }
    boolean isDirectory;
    try {
      isDirectory = adapter.directoryExists(target);
    } catch (RuntimeException e) {
      throw Failures.wrap(op, path, destination, e);
    }
    if (isDirectory) {
      throw Preconditions.failure(
          op,
          path,
          destination,
          StorageException.Kind.IS_A_DIRECTORY,
          "a directory exists at '" + target + "'");
    }
  }

  private FileAttributes send(
      String p, WriteSource source, WriteOptions o, @Nullable SourceStream guard) {
    FileAttributes written;
    try {
      written = adapter.write(p, source, o);
    } catch (RuntimeException e) {
      if (guard != null && guard.endedEarly()) {
        throw WriteFailedException.at(
            p,
            StorageException.Kind.INVALID_INPUT,
            "the stream ended before the declared length",
            e);
      }
      throw Failures.wrap(Operation.WRITE, p, null, e);
    }
    if (guard != null && guard.endedEarly()) {
      // The adapter swallowed the short read; do not leave a short file behind.
      try {
        adapter.delete(p);
      } catch (RuntimeException ignored) {
        // The write failure below is what the caller needs to see.
      }
      throw WriteFailedException.at(
          p,
          StorageException.Kind.INVALID_INPUT,
          "the stream ended before the declared length",
          null);
    }
    if (written == null) {
      throw WriteFailedException.at(
          p, StorageException.Kind.UNEXPECTED, "the adapter returned no attributes", null);
    }
    return written;
  }

  private static StorageException sourceFailure(String p, SourceStream source, IOException e) {
    if (source.endedEarly()) {
      return WriteFailedException.at(
          p, StorageException.Kind.INVALID_INPUT, "the stream ended before the declared length", e);
    }
    return WriteFailedException.at(
        p, StorageException.Kind.UNEXPECTED, "reading the source stream failed", e);
  }
}
