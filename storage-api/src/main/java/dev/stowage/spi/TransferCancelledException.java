package dev.stowage.spi;

import java.io.InterruptedIOException;

/**
 * Thrown inside the write machinery when the transfer's {@link dev.stowage.CancellationToken}
 * was cancelled. It is an {@link InterruptedIOException}, so {@link Retrier} never retries it, but
 * unlike a thread interrupt it leaves the thread's interrupt flag alone; the facade reports it as
 * a {@link dev.stowage.StorageException} of kind CANCELLED.
 */
public final class TransferCancelledException extends InterruptedIOException {

  private static final long serialVersionUID = 1L;

  /** Returns the exception; the message says the transfer was cancelled. */
  public TransferCancelledException() {
    super("the transfer was cancelled");
  }
}
