package dev.stowage.b2.emulator;

/**
 * What one run of the bucket lifecycle rules did.
 *
 * @param hidden   current versions hidden by {@code daysFromUploadingToHiding}
 * @param deleted  versions (and lone hide markers) deleted by {@code daysFromHidingToDeleting}
 * @param canceled unfinished large files canceled by {@code daysFromStartingToCancelingUnfinishedLargeFiles}
 */
public record LifecycleRun(int hidden, int deleted, int canceled) {
  /** Checks that no count is negative. */
  public LifecycleRun {
    if (hidden < 0 || deleted < 0 || canceled < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: " + hidden + ", " + deleted + ", " + canceled);
    }
  }
}
