package dev.stowage;

import java.util.Objects;

/**
 * One retry of a transfer's request, as told to {@link TransferListener#retrying}: which attempt
 * starts now, and what made the previous one fail. It carries the failure's kind and exception
 * type only, never its message (which could name a URL with a token in it).
 *
 * @param attempt the attempt about to start (2 for the first retry)
 * @param kind the kind of the failure ({@link StorageException.Kind#UNAVAILABLE} for an I/O
 *     failure that was not classified)
 * @param cause the simple class name of the failure, such as {@code SocketTimeoutException}
 */
public record TransferRetry(int attempt, StorageException.Kind kind, String cause) {
  public TransferRetry {
    if (attempt < 2) {
      throw new IllegalArgumentException("a retry is attempt 2 or later: " + attempt);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cause, "cause");
  }
}
