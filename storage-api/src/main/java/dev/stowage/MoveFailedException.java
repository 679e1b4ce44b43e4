package dev.stowage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Signals that moving a file failed; {@link #path()} is the source. */
public final class MoveFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  MoveFailedException(
      String source,
      @Nullable String destination,
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(Operation.MOVE, source, destination, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of the given kind for {@code source} to {@code destination}. */
  public static MoveFailedException at(
      String source,
      String destination,
      Kind kind,
      @Nullable String detail,
      @Nullable Throwable cause) {
    return new MoveFailedException(source, destination, kind, detail, null, cause);
  }
}
