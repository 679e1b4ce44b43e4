package dev.stowage.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How long JMH measures the facade overhead. The defaults are short (one fork, one warm-up and
 * three measured iterations of one second per benchmark, about 40 s in all); lengthen them for
 * numbers worth quoting.
 *
 * @param enabled false to skip the facade rows
 * @param forks JVM forks per benchmark; 0 runs in this JVM (fast, less isolated)
 * @param warmupIterations warm-up iterations per fork
 * @param measurementIterations measured iterations per fork
 * @param iterationTime the length of one iteration
 */
public record FacadeOptions(
    boolean enabled,
    int forks,
    int warmupIterations,
    int measurementIterations,
    Duration iterationTime) {

  /** The short default: 1 fork, 1 warm-up and 3 measured iterations of 1 s. */
  public static final FacadeOptions DEFAULT =
      new FacadeOptions(true, 1, 1, 3, Duration.ofSeconds(1));

  /** Skips the facade rows. */
  public static final FacadeOptions SKIP = new FacadeOptions(false, 0, 0, 1, Duration.ofMillis(1));

  /** Checks the numbers. */
  public FacadeOptions {
    Objects.requireNonNull(iterationTime, "iterationTime");
    if (forks < 0 || warmupIterations < 0 || measurementIterations < 1) {
      throw new IllegalArgumentException(
          "facade options: forks and warm-ups must be >= 0 and measured iterations >= 1, got "
              + forks
              + ", "
              + warmupIterations
              + ", "
              + measurementIterations);
    }
    if (iterationTime.isNegative() || iterationTime.isZero()) {
      throw new IllegalArgumentException(
          "facade options: the iteration time must be positive, got " + iterationTime);
    }
  }
}
