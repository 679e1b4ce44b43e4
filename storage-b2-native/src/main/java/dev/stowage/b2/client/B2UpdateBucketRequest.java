package dev.stowage.b2.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 */
public record B2UpdateBucketRequest(String bucketId, String bucketType, Map<String, String> bucketInfo,
    List<Map<String, Object>> corsRules, List<Map<String, Object>> lifecycleRules, Long ifRevisionIs) {

  public B2UpdateBucketRequest {
    Objects.requireNonNull(bucketId, "bucketId");
  }
}
