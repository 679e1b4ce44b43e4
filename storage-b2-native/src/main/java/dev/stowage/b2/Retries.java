package dev.stowage.b2;

import dev.stowage.Operation;
import dev.stowage.StorageException;
import dev.stowage.spi.Retrier;
import java.io.IOException;

/**
 * Runs B2 calls under the shared {@link Retrier}, translating every failure through
 * {@link B2Errors} first so that the retrier decides on {@link StorageException.Kind}s.
 */
final class Retries {

  /** One attempt; may throw client exceptions, which are translated. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws IOException;
  }

  private final Retrier retrier;

  Retries(Retrier retrier) {
    this.retrier = retrier;
  }

  Retrier retrier() {
    return retrier;
  }

  /** Runs {@code attempt} until it succeeds, fails for good, or the attempts are used up. */
  <T> T call(Operation op, String path, String destination, Attempt<T> attempt) {
    return call(op, path, destination, attempt, null);
  }

  /** Like {@link #call(Operation, String, String, Attempt)}, with {@code hook} run before each retry. */
  <T> T call(Operation op, String path, String destination, Attempt<T> attempt, Retrier.RetryHook hook) {
    try {
      return retrier.call(() -> {
        try {
          return attempt.run();
        } catch (RuntimeException | IOException e) {
          throw B2Errors.translate(op, path, destination, e);
        }
      }, hook);
    } catch (IOException e) {
      throw B2Errors.translate(op, path, destination, e);
    }
  }

  /** Returns whether {@code e} is a failure after which the server may or may not have acted. */
  static boolean isAmbiguous(StorageException e) {
    return e.kind() == StorageException.Kind.UNAVAILABLE;
  }
}
