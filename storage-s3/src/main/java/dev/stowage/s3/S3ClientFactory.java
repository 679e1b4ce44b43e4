package dev.stowage.s3;

import dev.stowage.spi.Timeouts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds AWS SDK S3 clients the way Stowage talks to S3 — the one place that wiring lives, shared
 * by the {@link S3Adapter} and the setup utility.
 *
 * <p>Every client it builds: runs on the Apache 5 HTTP client with the given time limits;
 * computes and validates checksums only where an operation requires them (B2 and other
 * S3-compatible services reject the SDK's defaults); sends bodies with {@code UNSIGNED-PAYLOAD}
 * unless {@link Builder#signPayload} is set; and, with {@link Builder#contentMd5Only}, replaces
 * the {@code x-amz-checksum-*} headers of the operations that require a checksum (DeleteObjects,
 * PutBucketCors, PutBucketLifecycleConfiguration…) by {@code Content-MD5} of the exact body, which
 * every S3 service accepts. Requests are signed after that replacement, so the signature covers
 * what is sent.
 *
 * <!-- given: software.amazon.awssdk.auth.credentials.AwsCredentialsProvider keys -->
 * <pre>{@code
 * try (S3Client s3 = S3ClientFactory.builder()
 *     .endpoint(URI.create("https://s3.us-west-004.backblazeb2.com"))
 *     .region("us-west-004")
 *     .credentials(keys)
 *     .contentMd5Only(true)
 *     .build()) {
 *   // …
 * }
 * }</pre>
 *
 * <p>The builder is not thread-safe; the clients are.
 */
public final class S3ClientFactory {

  private S3ClientFactory() {}

  /**
   * Returns a builder for AWS in {@code us-east-1}: virtual-host addressing, the AWS default
   * credentials chain, {@link Timeouts#DEFAULT}, 50 connections, SDK checksum headers kept.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures the clients {@link S3ClientFactory} builds. */
  public static final class Builder {
    private @Nullable URI endpoint;
    private String region = "us-east-1";
    private @Nullable AwsCredentialsProvider credentials;
    private boolean pathStyle;
    private boolean signPayload;
    private boolean contentMd5Only;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private int maxConnections = 50;
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();

    private Builder() {}

    /** Sets the endpoint of an S3-compatible service; without one the client talks to AWS. */
    public Builder endpoint(URI value) {
      this.endpoint = Objects.requireNonNull(value, "endpoint");
      return this;
    }

    /** Sets the signing region (default {@code us-east-1}). */
    public Builder region(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("region must not be blank");
      }
      this.region = value;
      return this;
    }

    /** Signs with these credentials instead of the AWS default chain. */
    public Builder credentials(AwsCredentialsProvider value) {
      this.credentials = Objects.requireNonNull(value, "credentials");
      return this;
    }

    /** Chooses path-style ({@code endpoint/bucket/key}) over virtual-host addressing. */
    public Builder pathStyle(boolean value) {
      this.pathStyle = value;
      return this;
    }

    /** Signs request bodies (default: {@code UNSIGNED-PAYLOAD}, the body's integrity being checked by its checksum). */
    public Builder signPayload(boolean value) {
      this.signPayload = value;
      return this;
    }

    /**
     * Sends {@code Content-MD5} instead of the SDK's {@code x-amz-checksum-*} headers on the
     * operations that require a checksum (needed for Backblaze B2; accepted everywhere).
     */
    public Builder contentMd5Only(boolean value) {
      this.contentMd5Only = value;
      return this;
    }

    /**
     * Sets the time limits: {@code connect} per connection attempt, {@code idle} as the socket
     * read timeout, {@code operation} per SDK call with its retries and backoff (also the longest
     * wait for a pooled connection).
     */
    public Builder timeouts(Timeouts value) {
      this.timeouts = Objects.requireNonNull(value, "timeouts");
      return this;
    }

    /** Sets the size of the connection pool (at least 1). */
    public Builder maxConnections(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, was " + value);
      }
      this.maxConnections = value;
      return this;
    }

    /** Adds an SDK interceptor, run after Stowage's own. */
    public Builder interceptor(ExecutionInterceptor value) {
      interceptors.add(Objects.requireNonNull(value, "interceptor"));
      return this;
    }

    /**
     * Returns a new client; the caller closes it. Retries are the SDK's standard strategy (3
     * attempts, jittered backoff), all within the operation deadline.
     */
    public S3Client build() {
      Timeouts t = timeouts;
      S3ClientBuilder b =
          S3Client.builder()
              .httpClientBuilder(
                  Apache5HttpClient.builder()
                      .maxConnections(maxConnections)
                      .connectionTimeout(t.connect())
                      .socketTimeout(t.idle())
                      .connectionAcquisitionTimeout(t.operation()))
              .region(Region.of(region))
              .credentialsProvider(
                  credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
              .forcePathStyle(pathStyle)
              .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
              .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
              .overrideConfiguration(
                  o -> {
                    o.apiCallTimeout(t.operation()).retryStrategy(RetryMode.STANDARD);
                    o.addExecutionInterceptor(new CompleteResponses());
                    interceptors.forEach(o::addExecutionInterceptor);
                  });
      if (endpoint != null) {
        b.endpointOverride(endpoint);
      }
      b.putAuthScheme(new SigningScheme(signPayload, contentMd5Only));
      return b.build();
    }
  }
}
