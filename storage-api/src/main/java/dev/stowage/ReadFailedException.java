package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that reading a file (whole or a range) failed. */
public final class ReadFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  ReadFailedException(
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.READ, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of kind {@link Kind#NOT_FOUND} for {@code path}. */
  public static ReadFailedException notFound(String path) {
    return new ReadFailedException(path, Kind.NOT_FOUND, null, null, null);
  }

  /** Returns a failure of the given kind for {@code path}, with an optional backend detail and cause. */
  public static ReadFailedException at(
      String path, Kind kind, @Nullable String detail, @Nullable Throwable cause) {
    return new ReadFailedException(path, kind, detail, null, cause);
  }
}
