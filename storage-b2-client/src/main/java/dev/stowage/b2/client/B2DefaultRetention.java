package dev.stowage.b2.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's default retention as {@code b2_update_bucket} takes it: {@code {mode, period: {duration, unit}}}.
 * New versions uploaded without their own retention are locked for this long (the bucket needs file lock).
 *
 * @param mode {@code governance} or {@code compliance}
 * @param duration a positive number of {@code unit}s
 * @param unit {@code days} or {@code years}
 */
public record B2DefaultRetention(String mode, int duration, String unit) {

  /** Checks the values B2 accepts; throws {@link IllegalArgumentException} naming the bad one. */
  public B2DefaultRetention {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
    if (!mode.equals("governance") && !mode.equals("compliance")) {
      throw new IllegalArgumentException(
          "retention mode must be governance or compliance, not '" + mode + "'");
    }
    if (!unit.equals("days") && !unit.equals("years")) {
      throw new IllegalArgumentException(
          "retention unit must be days or years, not '" + unit + "'");
    }
    if (duration < 1) {
      throw new IllegalArgumentException("retention duration must be at least 1, not " + duration);
    }
  }

  /**
   * Reads a {@code defaultRetention} object of a bucket answer ({@link B2FileLockConfiguration#defaultRetention()});
   * returns null when it holds no retention (mode null) or an unknown shape.
   */
  public static @Nullable B2DefaultRetention fromJson(@Nullable Map<String, Object> json) {
    if (json == null
        || !(json.get("mode") instanceof String mode)
        || !(json.get("period") instanceof Map<?, ?> period)
        || !(period.get("duration") instanceof Number duration)
        || !(period.get("unit") instanceof String unit)) {
      return null;
    }
    try {
      return new B2DefaultRetention(mode, duration.intValue(), unit);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Returns the JSON object B2 takes. */
  public Map<String, Object> toJson() {
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("duration", duration);
    period.put("unit", unit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", mode);
    out.put("period", period);
    return out;
  }
}
