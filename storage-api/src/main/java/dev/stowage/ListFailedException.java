package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that listing a directory failed, when starting or while iterating. */
public final class ListFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  ListFailedException(
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.LIST, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of kind {@link Kind#NOT_FOUND} for {@code path}. */
  public static ListFailedException notFound(String path) {
    return new ListFailedException(path, Kind.NOT_FOUND, null, null, null);
  }

  /** Returns a failure of the given kind for {@code path}, with an optional backend detail and cause. */
  public static ListFailedException at(
      String path, Kind kind, @Nullable String detail, @Nullable Throwable cause) {
    return new ListFailedException(path, kind, detail, null, cause);
  }
}
