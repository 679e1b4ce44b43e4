package dev.stowage.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** The S3 requests behind a plan (reading the managed settings) and behind apply (changing them). */
final class S3BucketCalls {
  private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

  private final S3Client s3;
  private final String region;

  S3BucketCalls(S3Client s3, String region) {
    this.s3 = s3;
    this.region = region;
  }

  S3State read(BucketSpec spec) {
    String name = spec.name();
    try {
      s3.headBucket(b -> b.bucket(name));
    } catch (NoSuchBucketException e) {
      return S3State.MISSING;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return S3State.MISSING;
      }
      if (e.statusCode() == 403) {
        throw new SetupException(
            "bucket '"
                + name
                + "' exists but this account may not use it (owned by"
                + " another account?)",
            403,
            "AccessDenied",
            e);
      }
      throw e;
    }
    BucketType type = spec.type() == null ? null : readType(name);
    Encryption encryption = spec.encryption() == null ? null : readEncryption(name);
    boolean lock =
        spec.objectLock()
            && orDefault(
                () ->
                    s3.getObjectLockConfiguration(b -> b.bucket(name))
                            .objectLockConfiguration()
                            .objectLockEnabled()
                        == ObjectLockEnabled.ENABLED,
                false);
    boolean ownership =
        spec.objectAcls()
            && orDefault(
                () ->
                    s3
                        .getBucketOwnershipControls(b -> b.bucket(name))
                        .ownershipControls()
                        .rules()
                        .stream()
                        .anyMatch(
                            r -> r.objectOwnership() != ObjectOwnership.BUCKET_OWNER_ENFORCED),
                false);
    boolean publicAcls =
        spec.objectAcls()
            && orDefault(
                () -> {
                  var c =
                      s3.getPublicAccessBlock(b -> b.bucket(name)).publicAccessBlockConfiguration();
                  return !Boolean.TRUE.equals(c.blockPublicAcls())
                      && !Boolean.TRUE.equals(c.ignorePublicAcls());
                },
                true);
    List<CorsRule> cors = null;
    if (!spec.corsRules().isEmpty() || spec.replace()) {
      List<CORSRule> raw =
          orDefault(() -> s3.getBucketCors(b -> b.bucket(name)).corsRules(), List.of());
      cors = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        cors.add(S3Rules.fromS3(raw.get(i), i));
      }
    }
    List<LifecycleRule> lifecycle = null;
    if (!spec.lifecycleRules().isEmpty() || spec.replace()) {
      lifecycle =
          orDefault(
                  () -> s3.getBucketLifecycleConfiguration(b -> b.bucket(name)).rules(),
                  List.<software.amazon.awssdk.services.s3.model.LifecycleRule>of())
              .stream()
              .map(S3Rules::fromS3)
              .toList();
    }
    return new S3State(true, type, encryption, lock, ownership, publicAcls, cors, lifecycle);
  }

  private BucketType readType(String name) {
    List<Grant> grants = s3.getBucketAcl(b -> b.bucket(name)).grants();
    boolean open =
        grants.stream()
            .anyMatch(
                g ->
                    g.grantee() != null
                        && ALL_USERS.equals(g.grantee().uri())
                        && (g.permission() == Permission.READ
                            || g.permission() == Permission.FULL_CONTROL));
    return open ? BucketType.PUBLIC : BucketType.PRIVATE;
  }

  private Encryption readEncryption(String name) {
    return orDefault(
        () -> {
          List<ServerSideEncryptionRule> rules =
              s3.getBucketEncryption(b -> b.bucket(name))
                  .serverSideEncryptionConfiguration()
                  .rules();
          boolean aes =
              rules.stream()
                  .anyMatch(
                      r ->
                          r.applyServerSideEncryptionByDefault() != null
                              && r.applyServerSideEncryptionByDefault().sseAlgorithm()
                                  == ServerSideEncryption.AES256);
          return aes ? Encryption.SSE_B2 : Encryption.NONE;
        },
        Encryption.NONE);
  }

  /** Runs a Get call; a 404 ("no such configuration") means the default. */
  private static <T> T orDefault(Supplier<T> get, T fallback) {
    try {
      return get.get();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return fallback;
      }
      throw e;
    }
  }

  void apply(BucketSpec spec, S3Draft d) {
    String name = spec.name();
    if (d.create()) {
      CreateBucketRequest.Builder b = CreateBucketRequest.builder().bucket(name);
      if (spec.objectLock()) {
        b.objectLockEnabledForBucket(true);
      }
      if (!region.equals("us-east-1")) {
        b.createBucketConfiguration(
            c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
      }
      s3.createBucket(b.build());
    }
    if (d.ownership()) {
      s3.putBucketOwnershipControls(
          b ->
              b.bucket(name)
                  .ownershipControls(
                      o ->
                          o.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
    }
    if (d.openPublicAcls()) {
      s3.putPublicAccessBlock(
          b ->
              b.bucket(name)
                  .publicAccessBlockConfiguration(
                      c ->
                          c.blockPublicAcls(false)
                              .ignorePublicAcls(false)
                              .blockPublicPolicy(false)
                              .restrictPublicBuckets(false)));
    }
    if (d.type() != null) {
      s3.putBucketAcl(
          b ->
              b.bucket(name)
                  .acl(
                      d.type() == BucketType.PUBLIC
                          ? BucketCannedACL.PUBLIC_READ
                          : BucketCannedACL.PRIVATE));
    }
    if (d.encryption() == Encryption.SSE_B2) {
      s3.putBucketEncryption(
          b ->
              b.bucket(name)
                  .serverSideEncryptionConfiguration(
                      c ->
                          c.rules(
                              r ->
                                  r.applyServerSideEncryptionByDefault(
                                      x -> x.sseAlgorithm(ServerSideEncryption.AES256)))));
    } else if (d.encryption() == Encryption.NONE) {
      s3.deleteBucketEncryption(b -> b.bucket(name));
    }
    if (d.corsRules() != null) {
      if (d.corsRules().isEmpty()) {
        s3.deleteBucketCors(b -> b.bucket(name));
      } else {
        List<CORSRule> rules = d.corsRules().stream().map(S3Rules::toS3).toList();
        s3.putBucketCors(b -> b.bucket(name).corsConfiguration(c -> c.corsRules(rules)));
      }
    }
    if (d.lifecycleRules() != null) {
      if (d.lifecycleRules().isEmpty()) {
        s3.deleteBucketLifecycle(b -> b.bucket(name));
      } else {
        var rules = d.lifecycleRules().stream().map(S3Rules::toS3).toList();
        s3.putBucketLifecycleConfiguration(
            b -> b.bucket(name).lifecycleConfiguration(c -> c.rules(rules)));
      }
    }
  }
}
