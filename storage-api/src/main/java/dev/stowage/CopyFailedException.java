package dev.stowage;

import java.time.Duration;

/** Signals that copying a file failed; {@link #path()} is the source. */
public final class CopyFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  CopyFailedException(String source, String destination, Kind kind, String detail, Duration retryAfter,
      Throwable cause) {
    super(Operation.COPY, source, destination, kind, detail, retryAfter, cause);
  }

  /** Returns a failure of the given kind for {@code source} to {@code destination}. */
  public static CopyFailedException at(String source, String destination, Kind kind, String detail,
      Throwable cause) {
    return new CopyFailedException(source, destination, kind, detail, null, cause);
  }
}
