package dev.stowage;

import java.time.Duration;

/** Signals that moving a file failed; {@link #path()} is the source. */
public final class MoveFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  MoveFailedException(String source, String destination, Kind kind, String detail, Duration retryAfter,
      Throwable cause) {
    super(Operation.MOVE, source, destination, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of the given kind for {@code source} to {@code destination}. */
  public static MoveFailedException at(String source, String destination, Kind kind, String detail,
      Throwable cause) {
    return new MoveFailedException(source, destination, kind, detail, null, cause);
  }
}
