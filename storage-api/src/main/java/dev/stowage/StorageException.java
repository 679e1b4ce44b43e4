package dev.stowage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Signals that a filesystem operation failed; the root of every exception Stowage throws.
 *
 * <p>There is one final subclass per operation group ({@link ReadFailedException},
 * {@link WriteFailedException}, …). Each carries the {@link #operation()}, the {@link #path()}
 * (plus {@link #destination()} for copy and move), a {@link Kind} and whether retrying may help.
 * Messages have one shape — operation, quoted path, kind, then the backend's detail — and never
 * contain a credential, token or signature.
 *
 * <p>Adapters do not create these: they throw a {@link dev.stowage.spi.BackendException} (a kind
 * and a detail), and the facade turns it into the subclass of the caller's operation with its
 * path. {@link #of} is for {@link Filesystem} implementations that are not the facade (a mount
 * manager routing to several filesystems) and for tests.
 */
public abstract sealed class StorageException extends RuntimeException
    permits ReadFailedException,
        WriteFailedException,
        DeleteFailedException,
        ListFailedException,
        MetadataFailedException,
        CopyFailedException,
        MoveFailedException,
        VisibilityFailedException,
        DirectoryFailedException,
        UrlFailedException,
        ChecksumFailedException,
        PathRejectedException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the backend. */
  public enum Kind {
    /** The path does not exist (or is not visible to these credentials as a file). */
    NOT_FOUND(false),
    /**
     * The bucket the filesystem is rooted in does not exist, or these credentials cannot see it:
     * nothing below it can be read or written. Unlike NOT_FOUND, listings do not read it as empty.
     */
    BUCKET_NOT_FOUND(false),
    /** A create-only write or a move target found something already there. */
    ALREADY_EXISTS(false),
    /** The credentials may not do this. */
    PERMISSION_DENIED(false),
    /** The path names a directory where a file was required. */
    IS_A_DIRECTORY(false),
    /** A condition (if-match, revision, same source and destination) did not hold. */
    PRECONDITION_FAILED(false),
    /** The requested byte range starts past the end of the file. */
    RANGE_NOT_SATISFIABLE(false),
    /** The backend asked us to slow down. */
    RATE_LIMITED(true),
    /** A storage or transfer cap was reached. */
    QUOTA_EXCEEDED(false),
    /** The backend or the network is temporarily unavailable. */
    UNAVAILABLE(true),
    /** Bytes did not match their checksum. */
    INTEGRITY(true),
    /** A path, option or argument is not acceptable; nothing was sent to the backend. */
    INVALID_INPUT(false),
    /** The adapter does not declare the capability this operation or option needs. */
    UNSUPPORTED(false),
    /**
     * The caller cancelled the transfer (through its {@link CancellationToken}); nothing was left
     * behind by it.
     */
    CANCELLED(false),
    /** Anything else; the cause tells more. */
    UNEXPECTED(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    /** Returns whether failures of this kind are usually transient. */
    public boolean retryable() {
      return retryable;
    }

    String phrase() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  private final Operation operation;
  private final String path;
  private final @Nullable String destination;
  private final Kind kind;
  private final @Nullable Duration retryAfter;
  private final @Nullable String detail;

  StorageException(
      Operation operation,
      String path,
      @Nullable String destination,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message(operation, path, destination, kind, detail), cause);
    this.operation = Objects.requireNonNull(operation, "operation");
    this.path = path == null ? "" : path;
    this.destination = destination;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryAfter = retryAfter;
    this.detail = detail;
  }

  /**
   * Returns an exception of the subclass that matches {@code operation}.
   *
   * @param destination the copy or move destination, or null
   * @param detail a backend detail such as {@code "b2 file_not_present, 404"}, or null; must not
   *     contain secrets
   * @param retryAfter the delay the backend asked for, or null
   * @param cause the underlying failure, or null
   */
  public static StorageException of(
      Operation operation,
      String path,
      @Nullable String destination,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    switch (operation) {
      case READ:
        return new ReadFailedException(path, kind, detail, retryAfter, cause);
      case WRITE:
        return new WriteFailedException(path, kind, detail, retryAfter, cause);
      case DELETE:
        return new DeleteFailedException(path, kind, detail, retryAfter, cause);
      case LIST:
        return new ListFailedException(path, kind, detail, retryAfter, cause);
      case EXISTS:
      case STAT:
        return new MetadataFailedException(operation, path, kind, detail, retryAfter, cause);
      case COPY:
        return new CopyFailedException(path, destination, kind, detail, retryAfter, cause);
      case MOVE:
        return new MoveFailedException(path, destination, kind, detail, retryAfter, cause);
      case SET_VISIBILITY:
        return new VisibilityFailedException(path, kind, detail, retryAfter, cause);
      case CREATE_DIRECTORY:
      case DELETE_DIRECTORY:
        return new DirectoryFailedException(operation, path, kind, detail, retryAfter, cause);
      case PUBLIC_URL:
      case TEMPORARY_URL:
      case PREPARE_UPLOAD:
        return new UrlFailedException(operation, path, kind, detail, retryAfter, cause);
      case CHECKSUM:
        return new ChecksumFailedException(path, kind, detail, retryAfter, cause);
      case PATH:
        return new PathRejectedException(path, detail);
      default:
        throw new AssertionError(operation);
    }
  }

  /** Shorthand for {@link #of} without destination and retry hint. */
  public static StorageException of(
      Operation operation,
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Throwable cause) {
    return of(operation, path, null, kind, detail, null, cause);
  }

  /**
   * Returns a copy of this failure re-attributed to another operation and path, this failure as
   * its cause. For {@link Filesystem} implementations that call other filesystems (a mount
   * manager moving between mounts); adapters never need it.
   */
  public StorageException as(
      Operation newOperation, String newPath, @Nullable String newDestination) {
    return of(newOperation, newPath, newDestination, kind, detail, retryAfter, this);
  }

  /** Returns the backend's detail (e.g. {@code "b2 file_not_present, 404"}), or null. */
  public @Nullable String detail() {
    return detail;
  }

  private static String message(
      Operation operation,
      String path,
      @Nullable String destination,
      Kind kind,
      @Nullable String detail) {
    StringBuilder b =
        new StringBuilder("Unable to ")
            .append(operation.verb())
            .append(" '")
            .append(path == null ? "" : path)
            .append('\'');
    if (destination != null) {
      b.append(" to '").append(destination).append('\'');
    }
    b.append(": ").append(kind.phrase());
    if (detail != null && !detail.isEmpty()) {
      b.append(" (").append(detail).append(')');
    }
    return b.toString();
  }

  /** Returns the operation that failed. */
  public Operation operation() {
    return operation;
  }

  /** Returns the normalised path the operation was given ({@code ""} is the root). */
  public String path() {
    return path;
  }

  /** Returns the destination of a copy or move, or null for other operations. */
  public @Nullable String destination() {
    return destination;
  }

  /** Returns what went wrong. */
  public Kind kind() {
    return kind;
  }

  /** Returns whether the same call may succeed if repeated later. */
  public boolean retryable() {
    return kind.retryable();
  }

  /** Returns the delay the backend asked for before a retry, when it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
