package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that copying a file failed; {@link #path()} is the source. */
public final class CopyFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  CopyFailedException(
      String source,
      @Nullable String destination,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.COPY, source, destination, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of the given kind for {@code source} to {@code destination}. */
  public static CopyFailedException at(
      String source,
      String destination,
      Kind kind,
      @Nullable String detail,
      @Nullable Throwable cause) {
    return new CopyFailedException(source, destination, kind, detail, null, cause);
  }
}
