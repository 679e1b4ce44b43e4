package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that an existence check or a metadata read ({@code stat} and its shortcuts) failed. */
public final class MetadataFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  MetadataFailedException(
      Operation operation,
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(operation, path, null, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of the given operation and kind for {@code path}. */
  public static MetadataFailedException at(
      Operation operation,
      String path,
      Kind kind,
      @Nullable String detail,
      @Nullable Throwable cause) {
    return new MetadataFailedException(operation, path, kind, detail, null, cause);
  }
}
