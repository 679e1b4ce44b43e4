package dev.stowage.b2.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code b2_create_bucket} (the client adds the account id).
 *
 * @param bucketName 6..63 letters, digits and {@code -}
 * @param bucketType {@code allPrivate} or {@code allPublic}
 * @param bucketInfo key/value pairs, or null
 * @param corsRules CORS rules as JSON objects, or null
 * @param lifecycleRules lifecycle rules as JSON objects, or null
 */
public record B2CreateBucketRequest(String bucketName, String bucketType, Map<String, String> bucketInfo,
    List<Map<String, Object>> corsRules, List<Map<String, Object>> lifecycleRules) {

  public B2CreateBucketRequest {
    Objects.requireNonNull(bucketName, "bucketName");
    Objects.requireNonNull(bucketType, "bucketType");
  }
}
