package dev.stowage.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A point in time by which an operation must end, read from a monotonic nano-time source.
 *
 * <p>{@link Retrier} starts one per call when it has an operation budget; adapters read
 * {@link #remaining()} to cap how long an attempt may wait for an answer (for example an HTTP
 * call timeout), so that a silent server cannot hold an operation past its deadline.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Deadline {

  /** A deadline that never comes. */
  public static final Deadline NONE = new Deadline(System::nanoTime, Long.MAX_VALUE, true);

  private final LongSupplier nanoTime;
  private final long endNanos;
  private final boolean infinite;

  private Deadline(LongSupplier nanoTime, long endNanos, boolean infinite) {
    this.nanoTime = nanoTime;
    this.endNanos = endNanos;
    this.infinite = infinite;
  }

  /** Returns the deadline {@code budget} from now on the system's monotonic clock. */
  public static Deadline after(Duration budget) {
    return after(budget, System::nanoTime);
  }

  /** Returns the deadline {@code budget} from now on {@code nanoTime} (tests pass a fake). */
  public static Deadline after(Duration budget, LongSupplier nanoTime) {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(nanoTime, "nanoTime");
    if (budget.isNegative()) {
      throw new IllegalArgumentException("budget (" + budget + ") must not be negative");
    }
    long nanos = saturatedNanos(budget);
    long now = nanoTime.getAsLong();
    return new Deadline(nanoTime, now + nanos, false);
  }

  /** Returns whether this deadline never comes. */
  public boolean isInfinite() {
    return infinite;
  }

  /** Returns the time left, zero once passed; {@code Duration.ofNanos(Long.MAX_VALUE)} if infinite. */
  public Duration remaining() {
    if (infinite) {
      return Duration.ofNanos(Long.MAX_VALUE);
    }
    long left = endNanos - nanoTime.getAsLong();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** Returns whether the deadline has passed. */
  public boolean expired() {
    return !infinite && endNanos - nanoTime.getAsLong() <= 0;
  }

  /** Returns the shorter of {@code limit} and the time left (never negative). */
  public Duration cap(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    Duration left = remaining();
    return left.compareTo(limit) < 0 ? left : limit;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }

  @Override
  public String toString() {
    return infinite ? "Deadline[none]" : "Deadline[" + remaining().toMillis() + " ms left]";
  }
}
