package dev.stowage.tck.runner;

/**
 * Hears the kit's progress, e.g. to draw a progress line in the CLI. Methods are called on the
 * runner's thread, one target after another; the defaults do nothing.
 */
public interface KitListener {

  /** A listener that ignores everything. */
  KitListener NONE = new KitListener() {};

  /** Called before the kit opens {@code target}. */
  default void targetStarted(KitTarget target) {}

  /** Called after each case against {@code target} ends. */
  default void testFinished(KitTarget target, CaseResult result) {}

  /** Called after the last case against a target, with its report. */
  default void targetFinished(TargetReport report) {}
}
