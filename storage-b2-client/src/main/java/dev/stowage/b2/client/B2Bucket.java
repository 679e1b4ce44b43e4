package dev.stowage.b2.client;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 * @param defaultServerSideEncryption the default encryption of new files, or null when the answer
 *     lacks it
 * @param fileLockConfiguration the file-lock settings, or null when the answer lacks them
 */
public record B2Bucket(
    String accountId,
    String bucketId,
    String bucketName,
    String bucketType,
    Map<String, String> bucketInfo,
    List<Map<String, Object>> corsRules,
    List<Map<String, Object>> lifecycleRules,
    List<String> options,
    long revision,
    @Nullable B2Restricted<B2ServerSideEncryption> defaultServerSideEncryption,
    @Nullable B2Restricted<B2FileLockConfiguration> fileLockConfiguration) {

  public B2Bucket {
    bucketInfo = Values.map(bucketInfo);
    corsRules = Values.list(corsRules);
    lifecycleRules = Values.list(lifecycleRules);
    options = Values.list(options);
  }

  /** Makes a bucket without encryption or file-lock settings (both null), as older callers did. */
  public B2Bucket(
      String accountId,
      String bucketId,
      String bucketName,
      String bucketType,
      Map<String, String> bucketInfo,
      List<Map<String, Object>> corsRules,
      List<Map<String, Object>> lifecycleRules,
      List<String> options,
      long revision) {
    this(
        accountId,
        bucketId,
        bucketName,
        bucketType,
        bucketInfo,
        corsRules,
        lifecycleRules,
        options,
        revision,
        null,
        null);
  }

  /** Shows everything but the account id, which is also the master key's id. */
  @Override
  public String toString() {
    return "B2Bucket[accountId=***, bucketId="
        + bucketId
        + ", bucketName="
        + bucketName
        + ", bucketType="
        + bucketType
        + ", bucketInfo="
        + bucketInfo
        + ", corsRules="
        + corsRules
        + ", lifecycleRules="
        + lifecycleRules
        + ", options="
        + options
        + ", revision="
        + revision
        + ", defaultServerSideEncryption="
        + defaultServerSideEncryption
        + ", fileLockConfiguration="
        + fileLockConfiguration
        + "]";
  }

  /** Returns whether anyone may download files of this bucket without a token. */
  public boolean isPublic() {
    return "allPublic".equals(bucketType);
  }

  /** Returns whether file lock is on; false also when the key may not read the setting. */
  public boolean isFileLockEnabled() {
    return fileLockConfiguration != null
        && fileLockConfiguration
            .readable()
            .map(B2FileLockConfiguration::isFileLockEnabled)
            .orElse(false);
  }
}
