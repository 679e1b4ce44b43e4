package dev.stowage.s3;

import dev.stowage.tck.KitClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The adapter's signing clock, which the kit can set back while a URL or ticket is issued: the system
 * clock plus an offset that is zero except inside {@link #issuedAgo}. Outside it the adapter is
 * given no clock, so every other case presigns exactly as in production.
 */
final class SigningKitClock extends Clock implements KitClock, Supplier<Clock> {

  private volatile Duration offset = Duration.ZERO;

  @Override
  public synchronized <T> T issuedAgo(Duration age, Supplier<T> issue) {
    offset = age.negated();
    try {
      return issue.get();
    } finally {
      offset = Duration.ZERO;
    }
  }

  /** Returns this clock while it is set back, else null: the adapter then presigns as in production. */
  @Override
  public Clock get() {
    return offset.isZero() ? null : this;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the kit's emulator clock is UTC only");
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
