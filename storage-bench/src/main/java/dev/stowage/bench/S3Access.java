package dev.stowage.bench;

import dev.stowage.s3.S3Config;
import dev.stowage.s3.S3Provider;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What the S3 ceilings and peers need to reach the same bucket as the adapter: the adapter's
 * own configuration (endpoint, region, path style, connections), the credentials, and the key
 * prefix of the bench directory. Never printed.
 */
final class S3Access {

  private final S3Config config;
  private final AwsCredentialsProvider credentials;
  private final String keyPrefix;
  private final @Nullable String accessKey;
  private final @Nullable String secretKey;

  S3Access(URI uri, Map<String, String> settings, String benchDirectory) {
    this.config = S3Provider.config(uri, settings);
    this.accessKey = settings.get("accessKey");
    this.secretKey = settings.get("secretKey");
    this.credentials =
        accessKey != null && secretKey != null
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
            : DefaultCredentialsProvider.builder().build();
    this.keyPrefix =
        (config.prefix().isEmpty() ? "" : config.prefix() + "/") + benchDirectory + "/";
  }

  S3Config config() {
    return config;
  }

  AwsCredentialsProvider credentials() {
    return credentials;
  }

  /** Returns the bucket key of {@code key}, a path relative to the bench directory. */
  String objectKey(String key) {
    return keyPrefix + key;
  }

  /** Returns the explicit access key, or null when the default chain supplies it. */
  @Nullable String accessKey() {
    return accessKey;
  }

  /** Returns the explicit secret key, or null when the default chain supplies it. */
  @Nullable String secretKey() {
    return secretKey;
  }

  @Override
  public String toString() {
    return "S3Access[" + config.bucket() + "]";
  }
}
