package dev.stowage.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the SDK client and presigner from an {@link S3Config}; the only place that knows SDK wiring. */
final class S3Clients {

  private S3Clients() {}

  /**
   * Returns the credentials to sign with: explicit keys, the configured provider, or the default
   * chain. For B2, which refuses its master key, the key id the chain resolves is checked now.
   */
  static AwsCredentialsProvider credentials(S3Config config) {
    AwsCredentialsProvider provider;
    if (config.accessKeyId().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey()));
    }
    provider =
        new HintingCredentialsProvider(
            config.credentialsProvider() != null
                ? config.credentialsProvider()
                : DefaultCredentialsProvider.builder().build());
    if (config.profile() != S3Profile.B2) {
      return provider; // resolved on first use, as usual
    }
    String keyId;
    try {
      keyId = provider.resolveCredentials().accessKeyId();
    } catch (SdkClientException e) {
      return provider; // nothing resolvable yet; the first request reports what to set
    }
    config.profile().checkAccessKeyId(keyId);
    return provider;
  }

  /**
   * Returns the adapter's client, built by {@link S3ClientFactory}: checksum headers replaced by
   * {@code Content-MD5} where the profile says so.
   *
   * <p>Time limits: the connection timeout is {@code connect}, the socket (read) timeout is
   * {@code idle}, and the API call timeout — one call with all its retries and backoff — is
   * {@code operation}. The call of a GetObject ends when the response headers are in, so reading
   * a body is bounded by {@code idle} only. Retries are the SDK's standard strategy (3 attempts,
   * 100 ms base backoff with jitter): a refused connection fails in well under a second.
   */
  static S3Client client(S3Config config, AwsCredentialsProvider credentials) {
    S3ClientFactory.Builder b =
        S3ClientFactory.builder()
            .region(config.region())
            .credentials(credentials)
            .pathStyle(config.pathStyle())
            .signPayload(config.signPayload())
            .contentMd5Only(config.profile().replacesChecksumHeaders())
            .timeouts(config.timeouts())
            .maxConnections(config.maxConnections());
    config.endpoint().ifPresent(b::endpoint);
    config.interceptors().forEach(b::interceptor);
    return b.build();
  }

  /** Returns a presigner addressing the bucket the same way as the client. */
  static S3Presigner presigner(S3Config config, AwsCredentialsProvider credentials) {
    S3Presigner.Builder b =
        S3Presigner.builder()
            .region(Region.of(config.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
    config.endpoint().ifPresent(b::endpointOverride);
    return b.build();
  }
}
