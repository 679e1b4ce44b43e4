package dev.stowage.s3;

import dev.stowage.tck.SettableKitClock;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The adapter's signing clock, which the kit can set back while a URL or ticket is issued. Outside
 * {@link #issuedAgo} the adapter is given no clock, so every other case presigns exactly as in
 * production.
 */
final class SigningKitClock extends SettableKitClock implements Supplier<Clock> {

  /** Returns this clock while it is set back, else null: the adapter then presigns as in production. */
  @Override
  public Clock get() {
    return isSetBack() ? this : null;
  }
}
