package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Bucket lifecycle rules: validated as B2 does, and executed on demand against the emulator's clock (never by
 * a background timer, so tests stay deterministic). One run does what B2 would have done by "now":
 * hides current versions older than {@code daysFromUploadingToHiding}, deletes versions hidden for longer than
 * {@code daysFromHidingToDeleting} (and a hide marker left alone for that long), and cancels unfinished large
 * files older than {@code daysFromStartingToCancelingUnfinishedLargeFiles}. A day is 24 hours from the event
 * (B2 itself rounds to midnight UTC).
 */
final class Lifecycle {
  private static final long DAY = 24L * 3600 * 1000;
  private static final List<String> DAYS =
      List.of(
          "daysFromUploadingToHiding",
          "daysFromHidingToDeleting",
          "daysFromStartingToCancelingUnfinishedLargeFiles");

  static ObjectNode toJson(LifecycleRun run) {
    return Json.object()
        .put("hidden", run.hidden())
        .put("deleted", run.deleted())
        .put("canceled", run.canceled());
  }

  private Lifecycle() {}

  /** Checks a bucket's lifecycleRules; answers 400 bad_request naming the first problem. */
  static List<JsonNode> validate(List<JsonNode> rules) {
    if (rules.size() > 100) {
      throw B2Error.BAD_REQUEST.exception("at most 100 lifecycle rules per bucket");
    }
    List<String> prefixes = new ArrayList<>();
    for (JsonNode rule : rules) {
      if (!rule.isObject()) {
        throw B2Error.BAD_REQUEST.exception("a lifecycle rule must be an object");
      }
      JsonNode prefix = rule.get("fileNamePrefix");
      if (prefix == null || !prefix.isTextual()) {
        throw B2Error.BAD_REQUEST.exception("fileNamePrefix is required in a lifecycle rule");
      }
      boolean any = false;
      for (String field : DAYS) {
        JsonNode v = rule.get(field);
        if (v == null || v.isNull()) {
          continue;
        }
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > Integer.MAX_VALUE) {
          throw B2Error.BAD_REQUEST.exception(field + " must be null or a positive integer");
        }
        any = true;
      }
      if (!any) {
        throw B2Error.BAD_REQUEST.exception("a lifecycle rule needs at least one days value");
      }
      for (String other : prefixes) {
        if (other.startsWith(prefix.asText()) || prefix.asText().startsWith(other)) {
          throw B2Error.BAD_REQUEST.exception(
              "lifecycle rules for prefixes '" + other + "' and '" + prefix.asText() + "' overlap");
        }
      }
      prefixes.add(prefix.asText());
    }
    return rules;
  }

  /** Applies every bucket's rules as of {@code now}. */
  static LifecycleRun run(Catalog catalog, long now) {
    int hidden = 0;
    int deleted = 0;
    int canceled = 0;
    synchronized (catalog) {
      for (Bucket bucket : catalog.buckets()) {
        for (JsonNode rule : bucket.lifecycleRules()) {
          Plan plan = plan(catalog, bucket, rule, now);
          for (String name : plan.toHide) {
            long seq = catalog.nextSeq();
            catalog.addVersion(
                FileVersion.hideMarker(
                    catalog.newFileId(bucket.bucketId(), seq, now),
                    bucket.bucketId(),
                    name,
                    now,
                    seq));
            hidden++;
          }
          for (String fileId : plan.toDelete) {
            deleted += catalog.removeVersion(fileId) != null ? 1 : 0;
          }
          for (String fileId : plan.toCancel) {
            canceled += catalog.removeVersion(fileId) != null ? 1 : 0;
          }
        }
      }
    }
    return new LifecycleRun(hidden, deleted, canceled);
  }

  private static final class Plan {
    final List<String> toHide = new ArrayList<>();
    final List<String> toDelete = new ArrayList<>();
    final List<String> toCancel = new ArrayList<>();
  }

  private static Plan plan(Catalog catalog, Bucket bucket, JsonNode rule, long now) {
    String prefix = rule.get("fileNamePrefix").asText();
    Long hideDays = days(rule, DAYS.get(0));
    Long deleteDays = days(rule, DAYS.get(1));
    Long cancelDays = days(rule, DAYS.get(2));
    Plan plan = new Plan();
    catalog.readNames(
        bucket.bucketId(),
        names -> {
          for (Map.Entry<String, List<FileVersion>> e : names.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
              break;
            }
            planName(e.getKey(), e.getValue(), now, hideDays, deleteDays, cancelDays, plan);
          }
          return null;
        });
    return plan;
  }

  private static void planName(
      String name,
      List<FileVersion> versions,
      long now,
      @Nullable Long hideDays,
      @Nullable Long deleteDays,
      @Nullable Long cancelDays,
      Plan plan) {
    List<FileVersion> done = new ArrayList<>();
    for (FileVersion v : versions) {
      if (v.isStart()) {
        if (cancelDays != null && v.uploadTimestamp() + cancelDays * DAY <= now) {
          plan.toCancel.add(v.fileId());
        }
      } else {
        done.add(v);
      }
    }
    if (done.isEmpty()) {
      return;
    }
    FileVersion current = done.get(0);
    if (hideDays != null
        && current.isUpload()
        && current.uploadTimestamp() + hideDays * DAY <= now) {
      plan.toHide.add(name);
    }
    if (deleteDays == null) {
      return;
    }
    int deletedOlder = 0;
    for (int i = 1; i < done.size(); i++) {
      long hiddenAt = done.get(i - 1).uploadTimestamp();
      // a version under Object Lock stays (and so does the hide marker above it)
      if (hiddenAt + deleteDays * DAY <= now && ObjectLock.lifecycleMayDelete(done.get(i), now)) {
        plan.toDelete.add(done.get(i).fileId());
        deletedOlder++;
      }
    }
    if (current.isHide()
        && deletedOlder == done.size() - 1
        && current.uploadTimestamp() + deleteDays * DAY <= now) {
      plan.toDelete.add(current.fileId());
    }
  }

  private static @Nullable Long days(JsonNode rule, String field) {
    JsonNode v = rule.get(field);
    return v == null || v.isNull() ? null : v.asLong();
  }
}
