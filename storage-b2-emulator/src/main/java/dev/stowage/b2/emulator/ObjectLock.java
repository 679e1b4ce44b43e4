package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * B2's Object Lock rules: parsing retention and legal-hold values, applying a bucket's default retention to new
 * versions, and deciding whether a version may be deleted or its retention changed. Refusals caused by a lock
 * answer 403 {@code access_denied}, as B2 does; malformed values answer 400 {@code bad_request}.
 */
final class ObjectLock {
  private ObjectLock() {}

  /** Parses {@code defaultRetention}; {@code {"mode": null}} clears it (returns null). */
  static @Nullable BucketRetention parseDefault(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw B2Error.BAD_REQUEST.exception(
          "defaultRetention must be an object with mode and period");
    }
    JsonNode mode = n.get("mode");
    JsonNode period = n.get("period");
    if (mode == null || mode.isNull()) {
      if (period != null && !period.isNull()) {
        throw B2Error.BAD_REQUEST.exception("defaultRetention: a period needs a mode");
      }
      return null;
    }
    String m = mode(mode.asText(), "defaultRetention.mode");
    if (period == null || !period.isObject()) {
      throw B2Error.BAD_REQUEST.exception(
          "defaultRetention: mode " + m + " needs a period {duration, unit}");
    }
    JsonNode duration = period.get("duration");
    JsonNode unit = period.get("unit");
    if (duration == null || !duration.canConvertToInt() || duration.asInt() < 1) {
      throw B2Error.BAD_REQUEST.exception(
          "defaultRetention.period.duration must be a positive integer");
    }
    if (unit == null || !(unit.asText().equals("days") || unit.asText().equals("years"))) {
      throw B2Error.BAD_REQUEST.exception("defaultRetention.period.unit must be days or years");
    }
    return new BucketRetention(m, duration.asInt(), unit.asText());
  }

  private static String mode(String mode, String field) {
    if (!mode.equals(FileLock.GOVERNANCE) && !mode.equals(FileLock.COMPLIANCE)) {
      throw B2Error.BAD_REQUEST.exception(field + " must be governance or compliance, not " + mode);
    }
    return mode;
  }

  private static String legalHold(String value) {
    if (!value.equals("on") && !value.equals("off")) {
      throw B2Error.BAD_REQUEST.exception("legalHold must be on or off, not " + value);
    }
    return value;
  }

  /**
   * The lock a new version gets: its own retention and legal hold when given (which needs a lock-enabled bucket
   * and the write capabilities), else the bucket's default retention.
   */
  static FileLock forNewVersion(
      Bucket bucket,
      @Nullable Principal who,
      @Nullable String mode,
      @Nullable Long retainUntil,
      @Nullable String hold,
      long now) {
    boolean any = mode != null || retainUntil != null || hold != null;
    if (any && !bucket.fileLockEnabled()) {
      throw B2Error.BAD_REQUEST.exception(
          "file lock is not enabled on bucket "
              + bucket.bucketName()
              + ": retention and legal hold cannot be set");
    }
    FileLock lock = FileLock.NONE;
    if (mode != null || retainUntil != null) {
      if (mode == null || retainUntil == null) {
        throw B2Error.BAD_REQUEST.exception(
            "file retention needs both a mode and a retainUntilTimestamp");
      }
      Objects.requireNonNull(who, "who").require(Capabilities.WRITE_FILE_RETENTIONS);
      if (retainUntil <= now) {
        throw B2Error.BAD_REQUEST.exception("retainUntilTimestamp must be in the future");
      }
      lock = lock.withRetention(mode(mode, "file retention mode"), retainUntil);
    } else if (bucket.fileLockEnabled() && bucket.defaultRetention() != null) {
      BucketRetention d = bucket.defaultRetention();
      lock = lock.withRetention(d.mode(), d.retainUntil(now));
    }
    if (hold != null) {
      Objects.requireNonNull(who, "who").require(Capabilities.WRITE_FILE_LEGAL_HOLDS);
      lock = lock.withLegalHold(legalHold(hold));
    }
    return lock;
  }

  /**
   * Reads the upload headers {@code X-Bz-File-Retention-Mode}, {@code X-Bz-File-Retention-Retain-Until-Timestamp}
   * and {@code X-Bz-File-Legal-Hold}.
   */
  static FileLock fromHeaders(Call call, Bucket bucket, long now) {
    String until = call.header("X-Bz-File-Retention-Retain-Until-Timestamp");
    Long retainUntil = null;
    if (until != null) {
      try {
        retainUntil = Long.parseLong(until.trim());
      } catch (NumberFormatException e) {
        throw B2Error.BAD_REQUEST.exception(
            "X-Bz-File-Retention-Retain-Until-Timestamp must be ms since " + "the epoch: " + until);
      }
    }
    String mode = call.header("X-Bz-File-Retention-Mode");
    String hold = call.header("X-Bz-File-Legal-Hold");
    return forNewVersion(
        bucket,
        call.principal(),
        mode == null ? null : mode.trim(),
        retainUntil,
        hold == null ? null : hold.trim(),
        now);
  }

  /** Reads the JSON fields {@code fileRetention} and {@code legalHold} (start_large_file, copy_file). */
  static FileLock fromJson(Params p, Bucket bucket, Principal who, long now) {
    JsonNode retention = p.get("fileRetention");
    String mode = null;
    Long retainUntil = null;
    if (retention != null) {
      mode = text(retention.get("mode"));
      JsonNode until = retention.get("retainUntilTimestamp");
      if (until != null && !until.isNull()) {
        if (!until.canConvertToLong()) {
          throw B2Error.BAD_REQUEST.exception(
              "fileRetention.retainUntilTimestamp must be ms since the epoch");
        }
        retainUntil = until.asLong();
      }
    }
    return forNewVersion(bucket, who, mode, retainUntil, p.optString("legalHold"), now);
  }

  private static @Nullable String text(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** Fails with 403 access_denied unless the version may be deleted now. */
  static void checkDeletable(
      FileVersion v, @Nullable Principal who, boolean bypassGovernance, long now) {
    FileLock lock = v.lock();
    if (v.isStart()) {
      return; // an unfinished large file holds no data yet; canceling it is always allowed
    }
    if (lock.held()) {
      throw B2Error.ACCESS_DENIED.exception("file " + v.fileName() + " is under legal hold");
    }
    if (!lock.retainedAt(now)) {
      return;
    }
    if (FileLock.COMPLIANCE.equals(lock.mode())) {
      throw B2Error.ACCESS_DENIED.exception(
          "file " + v.fileName() + " is under compliance retention until " + lock.retainUntil());
    }
    if (!bypassGovernance || who == null || !who.key().has(Capabilities.BYPASS_GOVERNANCE)) {
      throw B2Error.ACCESS_DENIED.exception(
          "file "
              + v.fileName()
              + " is under governance retention until "
              + lock.retainUntil()
              + "; deleting it needs bypassGovernance and the bypassGovernance capability");
    }
  }

  /** True when a lifecycle rule may delete the version (never while it is locked). */
  static boolean lifecycleMayDelete(FileVersion v, long now) {
    return !v.lock().held() && !v.lock().retainedAt(now);
  }

  /**
   * Checks a retention change: compliance may only be extended; weakening governance (shorter, removed) needs
   * {@code bypassGovernance} with the capability.
   */
  static void checkRetentionChange(
      FileLock current,
      @Nullable String mode,
      @Nullable Long retainUntil,
      Principal who,
      boolean bypassGovernance,
      long now) {
    if (!current.retainedAt(now)) {
      return;
    }
    Long currentUntil = current.retainUntil();
    boolean shorter =
        mode == null || retainUntil == null || currentUntil == null || retainUntil < currentUntil;
    if (FileLock.COMPLIANCE.equals(current.mode())) {
      if (shorter || !FileLock.COMPLIANCE.equals(mode)) {
        throw B2Error.ACCESS_DENIED.exception(
            "compliance retention can only be extended, until "
                + current.retainUntil()
                + " or later");
      }
      return;
    }
    if (shorter && (!bypassGovernance || !who.key().has(Capabilities.BYPASS_GOVERNANCE))) {
      throw B2Error.ACCESS_DENIED.exception(
          "shortening or removing governance retention needs "
              + "bypassGovernance and the bypassGovernance capability");
    }
  }

  /**
   * Parses a retention value for {@code b2_update_file_retention}: a lock holding only that retention (mode and
   * retain-until both null to remove it).
   */
  static FileLock parseRetention(@Nullable JsonNode retention, long now) {
    if (retention == null || !retention.isObject()) {
      throw B2Error.BAD_REQUEST.exception("required field fileRetention is missing");
    }
    String mode = text(retention.get("mode"));
    JsonNode until = retention.get("retainUntilTimestamp");
    if (mode == null) {
      if (until != null && !until.isNull()) {
        throw B2Error.BAD_REQUEST.exception("fileRetention: a retainUntilTimestamp needs a mode");
      }
      return FileLock.NONE;
    }
    mode(mode, "fileRetention.mode");
    if (until == null || !until.canConvertToLong()) {
      throw B2Error.BAD_REQUEST.exception(
          "fileRetention.retainUntilTimestamp must be ms since the epoch");
    }
    if (until.asLong() <= now) {
      throw B2Error.BAD_REQUEST.exception("retainUntilTimestamp must be in the future");
    }
    return FileLock.NONE.withRetention(mode, until.asLong());
  }

  /** The {@code fileRetention} value object: {@code {mode, retainUntilTimestamp}}. */
  static ObjectNode retentionValue(FileLock lock) {
    ObjectNode value = Json.object();
    value.put("mode", lock.mode());
    if (lock.retainUntil() == null) {
      value.putNull("retainUntilTimestamp");
    } else {
      value.put("retainUntilTimestamp", lock.retainUntil());
    }
    return value;
  }

  /** The bucket's {@code defaultRetention}: {@code {mode, period}} with nulls when unset. */
  static ObjectNode defaultRetentionJson(@Nullable BucketRetention r) {
    ObjectNode n = Json.object();
    if (r == null) {
      n.putNull("mode");
      n.putNull("period");
    } else {
      n.put("mode", r.mode());
      ObjectNode period = n.putObject("period");
      period.put("duration", r.duration());
      period.put("unit", r.unit());
    }
    return n;
  }
}
