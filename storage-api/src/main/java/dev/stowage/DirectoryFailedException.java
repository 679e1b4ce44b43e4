package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that creating or deleting a directory failed. */
public final class DirectoryFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  DirectoryFailedException(
      Operation operation,
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(operation, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of the given operation and kind for {@code path}. */
  public static DirectoryFailedException at(
      Operation operation,
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Throwable cause) {
    return new DirectoryFailedException(operation, path, kind, detail, null, cause);
  }
}
