package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that deleting a file failed. */
public final class DeleteFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  DeleteFailedException(
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.DELETE, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of kind {@link Kind#NOT_FOUND} for {@code path}. */
  public static DeleteFailedException notFound(String path) {
    return new DeleteFailedException(path, Kind.NOT_FOUND, null, null, null);
  }

  /** Returns a failure of the given kind for {@code path}, with an optional backend detail and cause. */
  public static DeleteFailedException at(
      String path, Kind kind, @Nullable String detail, @Nullable Throwable cause) {
    return new DeleteFailedException(path, kind, detail, null, cause);
  }
}
