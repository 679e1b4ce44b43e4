package dev.stowage.b2;

import dev.stowage.tck.KitClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The emulator's clock, which the kit can set back while a URL or ticket is issued: the system
 * clock plus an offset that is zero except inside {@link #issuedAgo}.
 */
final class EmulatorKitClock extends Clock implements KitClock {

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
