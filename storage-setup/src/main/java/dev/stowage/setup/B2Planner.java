package dev.stowage.setup;

import dev.stowage.b2.client.B2Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Turns a spec, the bucket as read and the account's keys into a B2 {@link Plan}. Pure; no I/O. */
final class B2Planner {
  private B2Planner() {}

  static Plan plan(BucketSpec spec, @Nullable BucketState existing, List<B2Key> keys) {
    List<Change> changes = new ArrayList<>();
    B2Draft draft =
        existing == null ? forNewBucket(spec, changes) : forExistingBucket(spec, existing, changes);
    List<KeySpec> newKeys =
        keys(spec, existing == null ? null : existing.bucketId(), keys, changes);
    draft =
        new B2Draft(
            draft.existing(),
            draft.bucketType(),
            draft.encryption(),
            draft.corsRules(),
            draft.lifecycleRules(),
            newKeys,
            draft.retention());
    return new Plan("b2", spec, changes, draft);
  }

  private static B2Draft forNewBucket(BucketSpec spec, List<Change> changes) {
    BucketType type = spec.type() == null ? BucketType.PRIVATE : spec.type();
    Encryption encryption = spec.encryption() == null ? Encryption.NONE : spec.encryption();
    changes.add(
        new Change(
            Change.Action.CREATE_BUCKET,
            "bucket",
            "'"
                + spec.name()
                + "' "
                + type.b2Name()
                + ", encryption "
                + encryption
                + ", object lock "
                + (spec.objectLock() ? "on" : "off")));
    for (CorsRule r : spec.corsRules()) {
      changes.add(
          new Change(
              Change.Action.ADD_CORS_RULE, RuleDiff.CORS.subject(r.corsRuleName()), r.describe()));
    }
    for (LifecycleRule r : spec.lifecycleRules()) {
      changes.add(
          new Change(
              Change.Action.ADD_LIFECYCLE_RULE,
              RuleDiff.LIFECYCLE.subject(r.fileNamePrefix()),
              r.describe()));
    }
    if (spec.retention() != null) {
      if (!spec.objectLock()) {
        throw InvalidSpecException.of(
            "retention",
            "default retention "
                + spec.retention()
                + " needs object lock, which B2 enables only when the bucket is created: add --object-lock"
                + " (objectLock: true)");
      }
      changes.add(
          new Change(
              Change.Action.SET_RETENTION, "bucket.retention", "none -> " + spec.retention()));
    }
    return new B2Draft(
        null,
        type.b2Name(),
        spec.encryption(),
        spec.corsRules(),
        spec.lifecycleRules(),
        List.of(),
        spec.retention());
  }

  private static B2Draft forExistingBucket(BucketSpec spec, BucketState b, List<Change> changes) {
    String type = null;
    if (spec.type() != null) {
      if (spec.type().b2Name().equals(b.bucketType())) {
        changes.add(new Change(Change.Action.UNCHANGED, "bucket.type", b.bucketType()));
      } else {
        type = spec.type().b2Name();
        changes.add(
            new Change(
                Change.Action.SET_BUCKET_TYPE, "bucket.type", b.bucketType() + " -> " + type));
      }
    }
    Encryption encryption = null;
    if (spec.encryption() != null) {
      if (spec.encryption() == b.encryption()) {
        changes.add(
            new Change(Change.Action.UNCHANGED, "bucket.encryption", b.encryption().label()));
      } else {
        encryption = spec.encryption();
        changes.add(
            new Change(
                Change.Action.SET_ENCRYPTION,
                "bucket.encryption",
                (b.encryption() == null ? "(not readable with this key)" : b.encryption().label())
                    + " -> "
                    + encryption.label()));
      }
    }
    if (spec.objectLock() && !b.fileLockEnabled()) {
      changes.add(
          new Change(
              Change.Action.CONFLICT,
              "bucket.objectLock",
              "object lock can only be enabled when the bucket is created; it stays off"));
    } else if (b.fileLockEnabled()) {
      changes.add(new Change(Change.Action.UNCHANGED, "bucket.objectLock", "on"));
    }
    Retention retention = null;
    if (spec.retention() != null) {
      if (!b.fileLockEnabled()) {
        throw InvalidSpecException.of(
            "retention",
            "bucket '"
                + b.bucketName()
                + "' has no object lock"
                + " (B2 enables it only when a bucket is created), so default retention "
                + spec.retention()
                + " cannot be set");
      }
      if (spec.retention().equals(b.retention())) {
        changes.add(
            new Change(Change.Action.UNCHANGED, "bucket.retention", spec.retention().label()));
      } else {
        retention = spec.retention();
        changes.add(
            new Change(
                Change.Action.SET_RETENTION,
                "bucket.retention",
                (b.retention() == null ? "none" : b.retention().label()) + " -> " + retention));
      }
    }
    RuleDiff.Result<CorsRule> cors =
        RuleDiff.diff(RuleDiff.CORS, b.corsRules(), spec.corsRules(), spec.replace());
    RuleDiff.checkMergedCors(cors.merged());
    RuleDiff.Result<LifecycleRule> life =
        RuleDiff.diff(
            RuleDiff.LIFECYCLE, b.lifecycleRules(), spec.lifecycleRules(), spec.replace());
    RuleDiff.checkMergedLifecycle(spec.lifecycleRules(), life.merged());
    changes.addAll(cors.changes());
    changes.addAll(life.changes());
    return new B2Draft(
        b,
        type,
        encryption,
        cors.changed() ? cors.merged() : null,
        life.changed() ? life.merged() : null,
        List.of(),
        retention);
  }

  private static List<KeySpec> keys(
      BucketSpec spec, @Nullable String bucketId, List<B2Key> existing, List<Change> changes) {
    List<KeySpec> create = new ArrayList<>();
    for (KeySpec k : spec.keys()) {
      String subject = "keys['" + k.keyName() + "']";
      B2Key found =
          existing.stream().filter(e -> k.keyName().equals(e.keyName())).findFirst().orElse(null);
      if (found == null) {
        create.add(k);
        changes.add(
            new Change(
                Change.Action.CREATE_KEY,
                subject,
                k.describe()
                    + (k.allBuckets() ? "" : " restricted to bucket '" + spec.name() + "'")));
      } else if (matches(k, bucketId, found)) {
        changes.add(
            new Change(
                Change.Action.KEY_EXISTS,
                subject,
                "exists (id " + found.applicationKeyId() + "), secret not shown"));
      } else {
        changes.add(
            new Change(
                Change.Action.CONFLICT,
                subject,
                "a key named '"
                    + k.keyName()
                    + "' exists (id "
                    + found.applicationKeyId()
                    + ") with other restrictions: capabilities "
                    + found.capabilities()
                    + ", bucket "
                    + found.bucketId()
                    + ", prefix "
                    + found.namePrefix()
                    + "; it is not recreated (delete it or choose another name)"));
      }
    }
    return create;
  }

  private static boolean matches(KeySpec k, @Nullable String bucketId, B2Key found) {
    boolean bucketOk =
        k.allBuckets()
            ? found.bucketId() == null
            : found.bucketId() != null && found.bucketId().equals(bucketId);
    return bucketOk
        && new HashSet<>(k.capabilities()).equals(new HashSet<>(found.capabilities()))
        && Objects.equals(k.namePrefix(), found.namePrefix());
  }
}
