package dev.stowage.setup;

import java.util.ArrayList;
import java.util.List;

/** Turns a spec and the S3 bucket as read into an S3 {@link Plan}. Pure; no I/O. */
final class S3Planner {
  private S3Planner() {}

  static Plan plan(BucketSpec spec, S3State state) {
    List<Change> changes = new ArrayList<>();
    List<CorsRule> wantedCors = spec.corsRules().stream().map(S3Rules::normalize).toList();
    if (!state.exists()) {
      BucketType type = spec.type() == null ? BucketType.PRIVATE : spec.type();
      changes.add(
          new Change(
              Change.Action.CREATE_BUCKET,
              "bucket",
              "'"
                  + spec.name()
                  + "' "
                  + type
                  + (spec.encryption() == Encryption.SSE_B2 ? ", encryption sse-b2 (AES256)" : "")
                  + ", object lock "
                  + (spec.objectLock() ? "on" : "off")));
      ownership(spec, state, changes);
      for (CorsRule r : wantedCors) {
        changes.add(
            new Change(
                Change.Action.ADD_CORS_RULE,
                RuleDiff.CORS.subject(r.corsRuleName()),
                r.describe()));
      }
      for (LifecycleRule r : spec.lifecycleRules()) {
        changes.add(
            new Change(
                Change.Action.ADD_LIFECYCLE_RULE,
                RuleDiff.LIFECYCLE.subject(r.fileNamePrefix()),
                r.describe()));
      }
      return new Plan(
          "s3",
          spec,
          changes,
          new S3Draft(
              true,
              type == BucketType.PUBLIC ? type : null,
              spec.encryption() == Encryption.SSE_B2 ? Encryption.SSE_B2 : null,
              spec.objectAcls(),
              spec.objectAcls(),
              wantedCors.isEmpty() ? null : wantedCors,
              spec.lifecycleRules().isEmpty() ? null : spec.lifecycleRules()));
    }
    BucketType type = null;
    if (spec.type() != null) {
      if (spec.type() == state.type()) {
        changes.add(new Change(Change.Action.UNCHANGED, "bucket.type", state.type().toString()));
      } else {
        type = spec.type();
        changes.add(
            new Change(Change.Action.SET_BUCKET_TYPE, "bucket.type", state.type() + " -> " + type));
      }
    }
    Encryption encryption = null;
    if (spec.encryption() != null) {
      if (spec.encryption() == state.encryption()) {
        changes.add(
            new Change(Change.Action.UNCHANGED, "bucket.encryption", state.encryption().label()));
      } else {
        encryption = spec.encryption();
        changes.add(
            new Change(
                Change.Action.SET_ENCRYPTION,
                "bucket.encryption",
                state.encryption() + " -> " + encryption));
      }
    }
    if (spec.objectLock() && !state.objectLock()) {
      changes.add(
          new Change(
              Change.Action.CONFLICT,
              "bucket.objectLock",
              "object lock can only be enabled when the bucket is created; it stays off"));
    }
    boolean[] acl = ownership(spec, state, changes);
    List<CorsRule> cors = null;
    if (state.corsRules() != null) {
      RuleDiff.Result<CorsRule> d =
          RuleDiff.diff(RuleDiff.CORS, state.corsRules(), wantedCors, spec.replace());
      RuleDiff.checkMergedCors(d.merged());
      changes.addAll(d.changes());
      cors = d.changed() ? d.merged() : null;
    }
    List<LifecycleRule> lifecycle = null;
    if (state.lifecycleRules() != null) {
      RuleDiff.Result<LifecycleRule> d =
          RuleDiff.diff(
              RuleDiff.LIFECYCLE, state.lifecycleRules(), spec.lifecycleRules(), spec.replace());
      RuleDiff.checkMergedLifecycle(spec.lifecycleRules(), d.merged());
      changes.addAll(d.changes());
      lifecycle = d.changed() ? d.merged() : null;
    }
    return new Plan(
        "s3", spec, changes, new S3Draft(false, type, encryption, acl[0], acl[1], cors, lifecycle));
  }

  private static boolean[] ownership(BucketSpec spec, S3State state, List<Change> changes) {
    if (!spec.objectAcls()) {
      return new boolean[] {false, false};
    }
    boolean setOwnership = !state.ownershipAllowsAcls();
    boolean openAcls = !state.publicAclsAllowed();
    changes.add(
        setOwnership
            ? new Change(
                Change.Action.SET_OBJECT_OWNERSHIP,
                "bucket.objectOwnership",
                "BucketOwnerPreferred")
            : new Change(Change.Action.UNCHANGED, "bucket.objectOwnership", "ACLs apply"));
    changes.add(
        openAcls
            ? new Change(
                Change.Action.SET_PUBLIC_ACCESS_BLOCK,
                "bucket.publicAccessBlock",
                "allow public object ACLs")
            : new Change(
                Change.Action.UNCHANGED, "bucket.publicAccessBlock", "public ACLs allowed"));
    return new boolean[] {setOwnership, openAcls};
  }
}
