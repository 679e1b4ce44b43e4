package dev.stowage.b2.emulator;

import org.jspecify.annotations.Nullable;

/**
 * A version's Object Lock state: retention (mode and retain-until time) and legal hold.
 *
 * @param mode        null (no retention), {@code governance} or {@code compliance}
 * @param retainUntil ms since the epoch; null when {@code mode} is null
 * @param legalHold   null (never set), {@code on} or {@code off}
 */
record FileLock(@Nullable String mode, @Nullable Long retainUntil, @Nullable String legalHold) {
  static final FileLock NONE = new FileLock(null, null, null);

  static final String GOVERNANCE = "governance";
  static final String COMPLIANCE = "compliance";

  /** True while retention forbids deleting the version. */
  boolean retainedAt(long now) {
    return mode != null && retainUntil != null && retainUntil > now;
  }

  boolean held() {
    return "on".equals(legalHold);
  }

  FileLock withRetention(@Nullable String newMode, @Nullable Long newRetainUntil) {
    return new FileLock(newMode, newMode == null ? null : newRetainUntil, legalHold);
  }

  FileLock withLegalHold(@Nullable String newLegalHold) {
    return new FileLock(mode, retainUntil, newLegalHold);
  }
}
