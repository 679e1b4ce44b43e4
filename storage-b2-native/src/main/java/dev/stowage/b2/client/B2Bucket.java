package dev.stowage.b2.client;

import java.util.List;
import java.util.Map;

/**
 * A bucket, as the bucket calls return it.
 *
 * @param accountId the owning account
 * @param bucketId the bucket id
 * @param bucketName the globally unique name
 * @param bucketType {@code allPublic}, {@code allPrivate}, {@code snapshot}, …
 * @param bucketInfo user key/value pairs (e.g. a default {@code Cache-Control})
 * @param corsRules the CORS rules, as JSON objects
 * @param lifecycleRules the lifecycle rules, as JSON objects
 * @param options options such as {@code s3}
 * @param revision the revision, for {@code ifRevisionIs}
 */
public record B2Bucket(String accountId, String bucketId, String bucketName, String bucketType,
    Map<String, String> bucketInfo, List<Map<String, Object>> corsRules,
    List<Map<String, Object>> lifecycleRules, List<String> options, long revision) {

  public B2Bucket {
    bucketInfo = Values.map(bucketInfo);
    corsRules = Values.list(corsRules);
    lifecycleRules = Values.list(lifecycleRules);
    options = Values.list(options);
  }

  /** Shows everything but the account id, which is also the master key's id. */
  @Override
  public String toString() {
    return "B2Bucket[accountId=***, bucketId=" + bucketId + ", bucketName=" + bucketName + ", bucketType="
        + bucketType + ", bucketInfo=" + bucketInfo + ", corsRules=" + corsRules + ", lifecycleRules="
        + lifecycleRules + ", options=" + options + ", revision=" + revision + "]";
  }

  /** Returns whether anyone may download files of this bucket without a token. */
  public boolean isPublic() {
    return "allPublic".equals(bucketType);
  }
}
