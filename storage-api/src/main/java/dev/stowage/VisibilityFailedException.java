package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that reading or changing a file's visibility failed. */
public final class VisibilityFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  VisibilityFailedException(
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.SET_VISIBILITY, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of kind {@link Kind#NOT_FOUND} for {@code path}. */
  public static VisibilityFailedException notFound(String path) {
    return new VisibilityFailedException(path, Kind.NOT_FOUND, null, null, null);
  }

  /** Returns a failure of the given kind for {@code path}, with an optional backend detail and cause. */
  public static VisibilityFailedException at(
      String path, Kind kind, @Nullable String detail, @Nullable Throwable cause) {
    return new VisibilityFailedException(path, kind, detail, null, cause);
  }
}
