package dev.stowage.b2.client;

import dev.stowage.spi.Deadline;

/**
 * The deadline of the operation running on this thread, set by {@link B2Client#deadline(Deadline)}
 * and read by {@link Transport} to abandon a call still waiting for its answer at that moment.
 */
final class CallDeadline {
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private CallDeadline() {}

  /** Returns this thread's deadline, or {@link Deadline#NONE}. */
  static Deadline current() {
    Deadline d = CURRENT.get();
    return d == null ? Deadline.NONE : d;
  }

  /** Sets this thread's deadline (null: none) and returns the one it replaces. */
  static Deadline set(Deadline deadline) {
    Deadline previous = CURRENT.get();
    if (deadline == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(deadline);
    }
    return previous;
  }
}
