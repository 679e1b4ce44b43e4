package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that a public URL, temporary URL or upload ticket could not be made. */
public final class UrlFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  UrlFailedException(
      Operation operation,
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(operation, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of the given operation and kind for {@code path}. */
  public static UrlFailedException at(
      Operation operation,
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Throwable cause) {
    return new UrlFailedException(operation, path, kind, detail, null, cause);
  }
}
