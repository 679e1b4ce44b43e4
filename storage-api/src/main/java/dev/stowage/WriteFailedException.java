package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that writing a file failed; no partial file is left behind. */
public final class WriteFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  WriteFailedException(
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.WRITE, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of kind {@link Kind#NOT_FOUND} for {@code path}. */
  public static WriteFailedException notFound(String path) {
    return new WriteFailedException(path, Kind.NOT_FOUND, null, null, null);
  }

  /** Returns a failure of the given kind for {@code path}, with an optional backend detail and cause. */
  public static WriteFailedException at(
      String path, Kind kind, @Nullable String detail, @Nullable Throwable cause) {
    return new WriteFailedException(path, kind, detail, null, cause);
  }
}
