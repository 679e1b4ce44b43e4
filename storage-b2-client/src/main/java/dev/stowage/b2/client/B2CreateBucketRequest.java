package dev.stowage.b2.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code b2_create_bucket} (the client adds the account id).
 *
 * @param bucketName 6..63 letters, digits and {@code -}
 * @param bucketType {@code allPrivate} or {@code allPublic}
 * @param bucketInfo key/value pairs, or null
 * @param corsRules CORS rules as JSON objects, or null
 * @param lifecycleRules lifecycle rules as JSON objects, or null
 * @param defaultServerSideEncryption the default encryption of new files
 *     ({@link B2ServerSideEncryption#sseB2()}, {@link B2ServerSideEncryption#none()}), or null for
 *     B2's default (none)
 * @param fileLockEnabled whether files may be locked; only possible at creation (or by a later
 *     update that turns it on), never undone
 */
public record B2CreateBucketRequest(
    String bucketName,
    String bucketType,
    @Nullable Map<String, String> bucketInfo,
    @Nullable List<Map<String, Object>> corsRules,
    @Nullable List<Map<String, Object>> lifecycleRules,
    @Nullable B2ServerSideEncryption defaultServerSideEncryption,
    boolean fileLockEnabled) {

  public B2CreateBucketRequest {
    Objects.requireNonNull(bucketName, "bucketName");
    Objects.requireNonNull(bucketType, "bucketType");
  }

  /** Makes a request without default encryption and without file lock. */
  public B2CreateBucketRequest(
      String bucketName,
      String bucketType,
      @Nullable Map<String, String> bucketInfo,
      @Nullable List<Map<String, Object>> corsRules,
      @Nullable List<Map<String, Object>> lifecycleRules) {
    this(bucketName, bucketType, bucketInfo, corsRules, lifecycleRules, null, false);
  }

  /** Returns a copy with {@code value} as the default encryption (null: B2's default). */
  public B2CreateBucketRequest withDefaultServerSideEncryption(B2ServerSideEncryption value) {
    return new B2CreateBucketRequest(
        bucketName, bucketType, bucketInfo, corsRules, lifecycleRules, value, fileLockEnabled);
  }

  /** Returns a copy that enables file lock or not. */
  public B2CreateBucketRequest withFileLockEnabled(boolean value) {
    return new B2CreateBucketRequest(
        bucketName,
        bucketType,
        bucketInfo,
        corsRules,
        lifecycleRules,
        defaultServerSideEncryption,
        value);
  }
}
