package dev.stowage.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One B2 lifecycle rule: what happens to the files whose names start with {@code fileNamePrefix}. The field names
 * are B2's, so a rule copied from {@code b2_list_buckets} output reads unchanged.
 *
 * <p>Each {@code days*} value is null (no such action) or at least 1; at least one must be set. These rules are
 * checked by the setup's validator, not here, so that one run reports every problem at once.
 *
 * @param fileNamePrefix which files the rule covers; {@code ""} covers the whole bucket (required)
 * @param daysFromUploadingToHiding hides the current version this many days after upload (S3: {@code Expiration})
 * @param daysFromHidingToDeleting deletes a version this many days after it was hidden or superseded
 *     (S3: {@code NoncurrentVersionExpiration})
 * @param daysFromStartingToCancelingUnfinishedLargeFiles cancels large files left unfinished this long
 *     (S3: {@code AbortIncompleteMultipartUpload})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LifecycleRule(
    String fileNamePrefix,
    @Nullable Integer daysFromUploadingToHiding,
    @Nullable Integer daysFromHidingToDeleting,
    @Nullable Integer daysFromStartingToCancelingUnfinishedLargeFiles) {

  /** Returns a rule that deletes prior versions {@code days} days after they were hidden. */
  public static LifecycleRule keepPriorVersions(String prefix, int days) {
    return new LifecycleRule(prefix, null, days, null);
  }

  /** Returns a copy that also sets every action {@code other} sets; null where neither does. */
  LifecycleRule merge(LifecycleRule other) {
    return new LifecycleRule(
        fileNamePrefix,
        firstNonNull(other.daysFromUploadingToHiding, daysFromUploadingToHiding),
        firstNonNull(other.daysFromHidingToDeleting, daysFromHidingToDeleting),
        firstNonNull(
            other.daysFromStartingToCancelingUnfinishedLargeFiles,
            daysFromStartingToCancelingUnfinishedLargeFiles));
  }

  private static @Nullable Integer firstNonNull(@Nullable Integer a, @Nullable Integer b) {
    return a != null ? a : b;
  }

  /** Returns a short human description, e.g. {@code prefix "" : delete hidden after 1 day}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (daysFromUploadingToHiding != null) {
      parts.add("hide after " + days(daysFromUploadingToHiding));
    }
    if (daysFromHidingToDeleting != null) {
      parts.add("delete hidden after " + days(daysFromHidingToDeleting));
    }
    if (daysFromStartingToCancelingUnfinishedLargeFiles != null) {
      parts.add(
          "cancel unfinished large files after "
              + days(daysFromStartingToCancelingUnfinishedLargeFiles));
    }
    return "prefix \""
        + Objects.toString(fileNamePrefix, "")
        + "\": "
        + (parts.isEmpty() ? "no action" : String.join(", ", parts));
  }

  private static String days(int n) {
    return n == 1 ? "1 day" : n + " days";
  }
}
