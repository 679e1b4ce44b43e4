package dev.stowage.micrometer;

import java.lang.ref.Cleaner;

/**
 * Ends the observations of streams and listings that were never closed: when one becomes
 * unreachable, its {@link Flight} stops as {@code abandoned} on a single daemon thread shared by
 * every observed filesystem. Closing (or exhausting, or failing) deregisters first, so the action
 * then does nothing.
 */
final class Abandonment {

  private static final Cleaner CLEANER =
      Cleaner.create(
          runnable -> {
            Thread t = new Thread(runnable, "stowage-observation-cleaner");
            t.setDaemon(true);
            return t;
          });

  private Abandonment() {}

  /** Stops {@code flight} as abandoned once {@code owner} is unreachable, unless stopped before. */
  static Cleaner.Cleanable watch(Object owner, Flight flight) {
    return CLEANER.register(owner, flight);
  }
}
