package dev.stowage.b2;

import dev.stowage.StorageException;
import dev.stowage.b2.client.B2Client;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.Deadline;
import dev.stowage.spi.Retrier;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs B2 calls under the shared {@link Retrier}, translating every failure through
 * {@link B2Errors} first so that the retrier decides on {@link StorageException.Kind}s. Failures
 * name no operation and no path: the facade attaches those.
 *
 * <p>Each call has the retrier's operation deadline: no retry starts after it, and every HTTP
 * call an attempt makes is abandoned when it passes ({@link B2Client#deadline}). Inside
 * {@link #operation}, the calls of one adapter operation (authorise, look the bucket up, then
 * the call itself) share one deadline instead of one each.
 */
final class Retries {

  /** One attempt; may throw client exceptions, which are translated. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws IOException;
  }

  private static final ThreadLocal<Deadline> OPERATION = new ThreadLocal<>();

  private final Retrier retrier;
  private final Function<Duration, Retrier> withDeadline;

  /**
   * @param retrier the retrier of ordinary calls (with its operation deadline)
   * @param withDeadline builds the same retrier with another deadline
   */
  Retries(Retrier retrier, Function<Duration, Retrier> withDeadline) {
    this.retrier = retrier;
    this.withDeadline = withDeadline;
  }

  /** Returns retries like these whose calls have {@code deadline} (at least 1 ms) instead. */
  Retries withDeadline(Duration deadline) {
    Duration d = deadline.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : deadline;
    return new Retries(withDeadline.apply(d), withDeadline);
  }

  Retrier retrier() {
    return retrier;
  }

  /**
   * Runs {@code body}, one adapter operation, so that every call it makes on this thread shares
   * one operation deadline; nested operations join the outer one.
   */
  <T> T operation(Supplier<T> body) {
    if (OPERATION.get() != null || retrier.deadline() == null) {
      return body.get();
    }
    OPERATION.set(retrier.startDeadline());
    try {
      return body.get();
    } finally {
      OPERATION.remove();
    }
  }

  /** Runs {@code attempt} until it succeeds, fails for good, or the attempts or the deadline are used up. */
  <T> T call(Attempt<T> attempt) {
    return call(attempt, null);
  }

  /** Like {@link #call(Attempt)}, with {@code hook} run before each retry. */
  <T> T call(Attempt<T> attempt, Retrier.@Nullable RetryHook hook) {
    Deadline shared = OPERATION.get();
    Retrier r = retrier;
    if (shared != null) {
      Duration left = shared.remaining();
      r =
          left.compareTo(retrier.deadline()) < 0
              ? withDeadline.apply(left.isZero() ? Duration.ofMillis(1) : left)
              : retrier;
    }
    try {
      return r.callWithDeadline(
          deadline -> {
            B2Client.DeadlineScope scope = B2Client.deadline(deadline);
            try {
              return attempt.run();
            } catch (RuntimeException | IOException e) {
              throw B2Errors.translate(e);
            } finally {
              scope.close();
            }
          },
          hook);
    } catch (IOException e) {
      throw B2Errors.translate(e);
    }
  }

  /** Returns whether {@code e} is a failure after which the server may or may not have acted. */
  static boolean isAmbiguous(BackendException e) {
    return e.kind() == StorageException.Kind.UNAVAILABLE;
  }
}
