package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that computing or fetching a checksum failed. */
public final class ChecksumFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  ChecksumFailedException(
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.CHECKSUM, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of kind {@link Kind#NOT_FOUND} for {@code path}. */
  public static ChecksumFailedException notFound(String path) {
    return new ChecksumFailedException(path, Kind.NOT_FOUND, null, null, null);
  }

  /** Returns a failure of the given kind for {@code path}, with an optional backend detail and cause. */
  public static ChecksumFailedException at(
      String path, Kind kind, @Nullable String detail, @Nullable Throwable cause) {
    return new ChecksumFailedException(path, kind, detail, null, cause);
  }
}
