package dev.stowage.b2.emulator;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A bucket's default retention ({@code defaultRetention} of {@code b2_update_bucket}), applied to every new
 * version uploaded without its own retention.
 *
 * @param mode     {@code governance} or {@code compliance}
 * @param duration a positive number of {@code unit}s
 * @param unit     {@code days} or {@code years}
 */
record BucketRetention(String mode, int duration, String unit) {

  /** The retain-until time of a version uploaded at {@code now}. */
  long retainUntil(long now) {
    var at = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
    return (unit.equals("years") ? at.plusYears(duration) : at.plusDays(duration))
        .toInstant()
        .toEpochMilli();
  }
}
