package dev.stowage.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A {@link KitClock} that is also a {@link Clock} for the backend under test (an emulator, a
 * signer): the system clock, set back by the asked age only while {@link #issuedAgo} issues a URL
 * or ticket. UTC only; thread-safe, one issue at a time.
 */
public class SettableKitClock extends Clock implements KitClock {

  private volatile Duration offset = Duration.ZERO;

  /** Creates a clock that reads the system clock until {@link #issuedAgo} sets it back. */
  public SettableKitClock() {}

  @Override
  public synchronized <T> T issuedAgo(Duration age, Supplier<T> issue) {
    offset = age.negated();
    try {
      return issue.get();
    } finally {
      offset = Duration.ZERO;
    }
  }

  /** Returns whether the clock is set back now (inside {@link #issuedAgo}). */
  public boolean isSetBack() {
    return !offset.isZero();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the kit's clock is UTC only");
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
