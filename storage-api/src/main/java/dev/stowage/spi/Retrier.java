package dev.stowage.spi;

import dev.stowage.StorageException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats an operation that failed transiently, with exponential backoff and full jitter.
 *
 * <p>Before retry {@code n} (1 for the first retry) it sleeps a random duration in
 * {@code [0, min(maxDelay, baseDelay × 2^(n-1))]}, but never less than the
 * {@link BackendException#retryAfter()} (or {@link StorageException#retryAfter()}) the failure
 * carries. It retries {@link BackendException}s and {@link StorageException}s of retryable kinds
 * (RATE_LIMITED, UNAVAILABLE, INTEGRITY) and {@link IOException}s
 * (timeouts included, interruptions not), up to {@code maxAttempts} attempts in all, then
 * rethrows the last failure; anything else is rethrown at once. An interrupt stops retrying: the
 * last failure is rethrown and the thread's interrupt flag is set.
 *
 * <p>With a {@linkplain Builder#deadline deadline} each call has an operation budget: no retry
 * starts when its backoff would end after it, and {@link #callWithDeadline} hands each attempt
 * the {@link Deadline} so that it can cap its own waits. A failure whose cause is a refused
 * connection ({@link ConnectException}: nothing listens there) is retried only within the
 * {@linkplain Builder#refusedBudget refused budget} (default 1 s), so a wrong port fails fast
 * instead of backing off for the whole deadline.
 *
 * <!-- given: interface FileInfo {} interface Client { FileInfo getFileInfo(String id);
 *   String getUploadUrl(); } Client client; String id; abstract Object upload(String url);
 *   java.util.concurrent.atomic.AtomicReference<String> url -->
 * <pre>{@code
 * Retrier retrier = Retrier.builder().maxAttempts(5).baseDelay(Duration.ofMillis(200)).build();
 * FileInfo info = retrier.call(() -> client.getFileInfo(id));
 * // B2: take a fresh upload URL before each retry
 * retrier.call(() -> upload(url.get()), (attempt, failure) -> url.set(client.getUploadUrl()));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Retrier {

  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  /** Waits between attempts; tests inject one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** The real clock: {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** One attempt of the operation, told the deadline of the whole call. */
  @FunctionalInterface
  public interface DeadlineAction<T> {
    /** Performs the operation once; waits should end by {@code deadline}. */
    T run(Deadline deadline) throws IOException;
  }

  /** One attempt of the operation. */
  @FunctionalInterface
  public interface Action<T> {
    /** Performs the operation once. */
    T run() throws IOException;
  }

  /**
   * Runs before each retry, e.g. to refresh a token or take a new upload URL. It is given per
   * call, so it may carry that call's state: {@link Transfer#retryHook} makes one that tells the
   * call's transfer listener about the retry.
   */
  @FunctionalInterface
  public interface RetryHook {
    /**
     * Prepares retry attempt {@code attempt} (2 for the first retry) after {@code failure}. A
     * failure here counts as a failure of that attempt.
     */
    void beforeRetry(int attempt, Exception failure) throws IOException;
  }

  /** A retrier that never retries. */
  public static final Retrier NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;
  private final @Nullable Random random;
  private final Predicate<Exception> retryable;
  private final @Nullable Duration deadline;
  private final Duration refusedBudget;
  private final LongSupplier nanoTime;

  private Retrier(Builder b) {
    this.deadline = b.deadline;
    this.refusedBudget = b.refusedBudget;
    this.nanoTime = b.nanoTime;
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.retryable = b.retryable;
  }

  /** Returns a builder: 5 attempts, base delay 250 ms, max delay 30 s, the system sleeper. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of attempts, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Runs {@code action}, retrying transient failures. */
  public <T> T call(Action<T> action) throws IOException {
    return call(action, null);
  }

  /** Returns the operation budget of one call, or null when calls have no deadline. */
  public @Nullable Duration deadline() {
    return deadline;
  }

  /** Returns the deadline a call starting now would have ({@link Deadline#NONE} without one). */
  public Deadline startDeadline() {
    return deadline == null ? Deadline.NONE : Deadline.after(deadline, nanoTime);
  }

  /** Runs {@code action}, calling {@code hook} (if not null) before each retry. */
  public <T> T call(Action<T> action, @Nullable RetryHook hook) throws IOException {
    Objects.requireNonNull(action, "action");
    return callWithDeadline(d -> action.run(), hook);
  }

  /** Runs {@code action}, handing each attempt the call's deadline. */
  public <T> T callWithDeadline(DeadlineAction<T> action) throws IOException {
    return callWithDeadline(action, null);
  }

  /**
   * Runs {@code action}, calling {@code hook} before each retry and handing each attempt the
   * call's deadline.
   */
  public <T> T callWithDeadline(DeadlineAction<T> action, @Nullable RetryHook hook)
      throws IOException {
    Objects.requireNonNull(action, "action");
    long start = nanoTime.getAsLong();
    Deadline until = startDeadline();
    Exception last = null;
    for (int attempt = 1; ; attempt++) {
      try {
        if (attempt > 1 && hook != null && last != null) {
          hook.beforeRetry(attempt, last);
        }
        return action.run(until);
      } catch (IOException | RuntimeException e) {
        last = e;
        if (!isRetryable(e) || attempt >= maxAttempts) {
          throw rethrow(e);
        }
        if (Thread.currentThread().isInterrupted()) {
          throw rethrow(e);
        }
        Duration delay = delayBefore(attempt, e);
        if (until.remaining().compareTo(delay) <= 0) {
          LOG.debug(
              "attempt {}/{} failed ({}); the {} deadline leaves no time to retry",
              attempt,
              maxAttempts,
              describe(e),
              deadline);
          throw rethrow(e);
        }
        if (isRefused(e)
            && Duration.ofNanos(nanoTime.getAsLong() - start).plus(delay).compareTo(refusedBudget)
                > 0) {
          LOG.debug(
              "attempt {}/{}: connection refused; not retrying past {}",
              attempt,
              maxAttempts,
              refusedBudget);
          throw rethrow(e);
        }
        LOG.debug(
            "attempt {}/{} failed ({}); retrying in {} ms",
            attempt,
            maxAttempts,
            describe(e),
            delay.toMillis());
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          e.addSuppressed(interrupted);
          throw rethrow(e);
        }
      }
    }
  }

  /** Returns whether this retrier would retry {@code failure}. */
  public boolean isRetryable(Exception failure) {
    return retryable.test(failure);
  }

  /**
   * Returns the delay before the retry that follows failed attempt {@code attempt} (1-based):
   * full jitter over the capped exponential, at least the failure's retry-after.
   */
  Duration delayBefore(int attempt, Exception failure) {
    long base = baseDelay.toMillis();
    long cap = maxDelay.toMillis();
    int shift = Math.min(attempt - 1, 40);
    long exponential = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
    Random r = random != null ? random : ThreadLocalRandom.current();
    long jittered = exponential <= 0 ? 0 : (long) (r.nextDouble() * (exponential + 1));
    Duration delay = Duration.ofMillis(Math.min(jittered, exponential));
    Optional<Duration> asked =
        failure instanceof BackendException
            ? ((BackendException) failure).retryAfter()
            : failure instanceof StorageException
                ? ((StorageException) failure).retryAfter()
                : Optional.empty();
    if (asked.isPresent() && asked.get().compareTo(delay) > 0) {
      delay = asked.get();
    }
    return delay;
  }

  /** The default rule: retryable kinds, and I/O failures other than interruption. */
  static boolean defaultRetryable(Exception e) {
    if (e instanceof BackendException) {
      return ((BackendException) e).retryable();
    }
    if (e instanceof StorageException) {
      return ((StorageException) e).retryable();
    }
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return false;
    }
    return e instanceof IOException;
  }

  /** Returns whether {@code e} or one of its causes is a refused connection. */
  static boolean isRefused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String describe(Exception e) {
    if (e instanceof BackendException) {
      return "BackendException " + ((BackendException) e).kind();
    }
    return e instanceof StorageException
        ? e.getClass().getSimpleName() + " " + ((StorageException) e).kind()
        : e.getClass().getSimpleName();
  }

  private static IOException rethrow(Exception e) {
    if (e instanceof RuntimeException) {
      throw (RuntimeException) e;
    }
    return (IOException) e;
  }

  /** Builds a {@link Retrier}. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration baseDelay = Duration.ofMillis(250);
    private Duration maxDelay = Duration.ofSeconds(30);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable Random random;
    private Predicate<Exception> retryable = Retrier::defaultRetryable;
    private boolean baseDelaySet;
    private @Nullable Duration deadline;
    private Duration refusedBudget = Duration.ofSeconds(1);
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /**
     * Sets the operation budget of each call, retries and backoff included (positive); default
     * none. No retry starts when its backoff would end after the deadline.
     */
    public Builder deadline(Duration budget) {
      Objects.requireNonNull(budget, "deadline");
      if (budget.isZero() || budget.isNegative()) {
        throw new IllegalArgumentException("deadline (" + budget + ") must be positive");
      }
      this.deadline = budget;
      return this;
    }

    /**
     * Sets how long, from the start of a call, a refused connection is retried (default 1 s;
     * zero: never).
     */
    public Builder refusedBudget(Duration budget) {
      this.refusedBudget = nonNegative("refusedBudget", budget);
      return this;
    }

    /** Sets the monotonic clock the deadline is read from (tests pass a fake). */
    public Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /** Sets the number of attempts including the first (at least 1). */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts (" + attempts + ") must be at least 1");
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** Sets the delay cap of the first retry; each later retry doubles it. */
    public Builder baseDelay(Duration delay) {
      this.baseDelay = nonNegative("baseDelay", delay);
      this.baseDelaySet = true;
      return this;
    }

    /**
     * Sets the largest delay cap, whatever the attempt (a retry-after may exceed it). When the
     * base delay was left at its default and exceeds this cap, the base delay becomes the cap.
     */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = nonNegative("maxDelay", delay);
      return this;
    }

    /** Sets how to wait; tests pass a recording sleeper. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the source of jitter (for reproducible tests). Default: a thread-local random. */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Seeds the source of jitter; shorthand for {@code random(new Random(seed))}. */
    public Builder seed(long seed) {
      return random(new Random(seed));
    }

    /** Replaces the rule deciding which failures are retried. */
    public Builder retryable(Predicate<Exception> rule) {
      this.retryable = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /** Returns the retrier. */
    public Retrier build() {
      if (!baseDelaySet && baseDelay.compareTo(maxDelay) > 0) {
        baseDelay = maxDelay;
      }
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException(
            "maxDelay (" + maxDelay + ") must not be less than baseDelay (" + baseDelay + ")");
      }
      return new Retrier(this);
    }

    private static Duration nonNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " (" + d + ") must not be negative");
      }
      return d;
    }
  }
}
