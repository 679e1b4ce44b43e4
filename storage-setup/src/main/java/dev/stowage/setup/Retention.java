package dev.stowage.setup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A B2 bucket's default retention (Object Lock): every new file is locked in {@code mode} for {@code duration}
 * {@code unit}s. Written {@code MODE:N(d|y)} on the command line and in spec files, e.g. {@code governance:30d} or
 * {@code compliance:1y}. Needs a bucket with object lock, which B2 allows only when the bucket is created.
 *
 * @param mode {@code governance} (deletable with the bypassGovernance capability) or {@code compliance} (not
 *     deletable by anyone until the time is up)
 * @param duration a positive number of units
 * @param unit {@code days} or {@code years}
 */
public record Retention(String mode, int duration, String unit) {
  private static final Pattern TEXT = Pattern.compile("(governance|compliance):([0-9]{1,6})([dy])");

  /** Checks the values; throws {@link IllegalArgumentException} naming the bad one. */
  public Retention {
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
      throw new IllegalArgumentException(
          "retention must last at least 1 " + unit + ", not " + duration);
    }
  }

  /**
   * Parses {@code governance:30d}, {@code compliance:2y} and the like (case-insensitive).
   *
   * @throws IllegalArgumentException naming what is wrong, for anything else
   */
  @JsonCreator
  public static Retention parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "retention must look like governance:30d or compliance:1y"
              + " (MODE:N followed by d for days or y for years), not '"
              + text
              + "'");
    }
    return new Retention(
        m.group(1), Integer.parseInt(m.group(2)), m.group(3).equals("d") ? "days" : "years");
  }

  /** Returns the spelling {@link #parse} reads, e.g. {@code governance:30d}. */
  @JsonValue
  public String label() {
    return mode + ":" + duration + (unit.equals("days") ? "d" : "y");
  }

  @Override
  public String toString() {
    return label();
  }
}
