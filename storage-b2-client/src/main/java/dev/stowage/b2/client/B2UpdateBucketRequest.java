package dev.stowage.b2.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code b2_update_bucket} (the client adds the account id); null fields are left
 * unchanged, and a list that is sent replaces the old one whole.
 *
 * @param bucketId the bucket
 * @param bucketType a new type, or null
 * @param bucketInfo new info, or null
 * @param corsRules new CORS rules, or null
 * @param lifecycleRules new lifecycle rules, or null
 * @param ifRevisionIs fail with 409 {@code conflict} unless the bucket is at this revision, or null
 * @param defaultServerSideEncryption a new default encryption
 *     ({@link B2ServerSideEncryption#sseB2()}, {@link B2ServerSideEncryption#none()}), or null
 * @param fileLockEnabled {@code true} turns file lock on (it cannot be turned off), or null
 * @param defaultRetention a new default retention (the bucket needs file lock), or null
 */
public record B2UpdateBucketRequest(
    String bucketId,
    @Nullable String bucketType,
    @Nullable Map<String, String> bucketInfo,
    @Nullable List<Map<String, Object>> corsRules,
    @Nullable List<Map<String, Object>> lifecycleRules,
    @Nullable Long ifRevisionIs,
    @Nullable B2ServerSideEncryption defaultServerSideEncryption,
    @Nullable Boolean fileLockEnabled,
    @Nullable B2DefaultRetention defaultRetention) {

  public B2UpdateBucketRequest {
    Objects.requireNonNull(bucketId, "bucketId");
  }

  /** Makes a request that leaves the default retention unchanged. */
  public B2UpdateBucketRequest(
      String bucketId,
      @Nullable String bucketType,
      @Nullable Map<String, String> bucketInfo,
      @Nullable List<Map<String, Object>> corsRules,
      @Nullable List<Map<String, Object>> lifecycleRules,
      @Nullable Long ifRevisionIs,
      @Nullable B2ServerSideEncryption defaultServerSideEncryption,
      @Nullable Boolean fileLockEnabled) {
    this(
        bucketId,
        bucketType,
        bucketInfo,
        corsRules,
        lifecycleRules,
        ifRevisionIs,
        defaultServerSideEncryption,
        fileLockEnabled,
        null);
  }

  /** Makes a request that leaves the default encryption and file lock unchanged. */
  public B2UpdateBucketRequest(
      String bucketId,
      @Nullable String bucketType,
      @Nullable Map<String, String> bucketInfo,
      @Nullable List<Map<String, Object>> corsRules,
      @Nullable List<Map<String, Object>> lifecycleRules,
      @Nullable Long ifRevisionIs) {
    this(bucketId, bucketType, bucketInfo, corsRules, lifecycleRules, ifRevisionIs, null, null);
  }

  /** Returns a copy with {@code value} as the new default encryption (null: unchanged). */
  public B2UpdateBucketRequest withDefaultServerSideEncryption(B2ServerSideEncryption value) {
    return new B2UpdateBucketRequest(
        bucketId,
        bucketType,
        bucketInfo,
        corsRules,
        lifecycleRules,
        ifRevisionIs,
        value,
        fileLockEnabled,
        defaultRetention);
  }

  /** Returns a copy that sends {@code fileLockEnabled} (null: not sent, unchanged). */
  public B2UpdateBucketRequest withFileLockEnabled(Boolean value) {
    return new B2UpdateBucketRequest(
        bucketId,
        bucketType,
        bucketInfo,
        corsRules,
        lifecycleRules,
        ifRevisionIs,
        defaultServerSideEncryption,
        value,
        defaultRetention);
  }

  /** Returns a copy that sends {@code value} as the default retention (null: not sent, unchanged). */
  public B2UpdateBucketRequest withDefaultRetention(B2DefaultRetention value) {
    return new B2UpdateBucketRequest(
        bucketId,
        bucketType,
        bucketInfo,
        corsRules,
        lifecycleRules,
        ifRevisionIs,
        defaultServerSideEncryption,
        fileLockEnabled,
        value);
  }
}
