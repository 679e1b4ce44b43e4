package dev.stowage.setup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an S3 bucket looks like now; only the settings the spec manages are read (the others are null or empty).
 *
 * @param exists whether the bucket exists (and this account may use it)
 * @param type the bucket ACL as a type, or null when not read
 * @param encryption the default encryption, or null when not read
 * @param objectLock whether object lock is on (read only when the spec asks for it)
 * @param ownershipAllowsAcls whether object ownership lets per-object ACLs apply (read only for objectAcls)
 * @param publicAclsAllowed whether the public access block lets public ACLs through (read only for objectAcls)
 * @param corsRules the CORS rules in the spec's shape, or null when not read
 * @param lifecycleRules the lifecycle rules in the spec's shape, or null when not read
 */
record S3State(
    boolean exists,
    @Nullable BucketType type,
    @Nullable Encryption encryption,
    boolean objectLock,
    boolean ownershipAllowsAcls,
    boolean publicAclsAllowed,
    @Nullable List<CorsRule> corsRules,
    @Nullable List<LifecycleRule> lifecycleRules) {

  static final S3State MISSING =
      new S3State(false, null, null, false, false, false, List.of(), List.of());
}
