package dev.stowage.setup;

import dev.stowage.s3.S3ClientFactory;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Sets up a bucket through the S3 API (AWS, B2's S3 endpoint, MinIO, R2…): creates it, sets its ACL and default
 * encryption, CORS and lifecycle rules, and — when the spec asks for per-object visibility — object ownership and
 * the public access block. Application keys cannot be made through S3; use {@link B2BucketSetup} for those.
 *
 * <!-- given: BucketSpec spec -->
 * <pre>{@code
 * try (S3BucketSetup setup = S3BucketSetup.builder()
 *         .endpoint(URI.create("https://s3.us-west-004.backblazeb2.com"))
 *         .region("us-west-004")                 // credentials: the AWS default chain
 *         .build()) {
 *     SetupResult result = setup.run(spec);
 * }
 * }</pre>
 *
 * <p>{@link #plan} validates first (no request for an invalid spec), then sends HeadBucket and one Get call per
 * setting the spec manages. {@link #apply} sends CreateBucket, PutBucketOwnershipControls, PutPublicAccessBlock,
 * PutBucketAcl, PutBucketEncryption, PutBucketCors / DeleteBucketCors and PutBucketLifecycleConfiguration /
 * DeleteBucketLifecycle as needed, in that order. The client comes from {@link S3ClientFactory}, as the S3 adapter's
 * does: configuration bodies carry {@code Content-MD5} and no {@code x-amz-checksum-*} header (B2 rejects those), and
 * every call is bounded by the default time limits. Thread-safe.
 */
public final class S3BucketSetup implements AutoCloseable {
  private final S3Client s3;
  private final boolean ownsClient;
  private final @Nullable String endpoint;
  private final S3BucketCalls calls;

  private S3BucketSetup(Builder b) {
    if (b.client != null) {
      this.s3 = b.client;
      this.ownsClient = false;
    } else {
      var builder =
          S3ClientFactory.builder()
              .region(b.region)
              .credentials(b.credentials)
              .pathStyle(b.pathStyle)
              .contentMd5Only(true);
      if (b.endpoint != null) {
        builder.endpoint(b.endpoint);
      }
      this.s3 = builder.build();
      this.ownsClient = true;
    }
    this.endpoint = b.endpoint == null ? null : b.endpoint.toString();
    this.calls = new S3BucketCalls(s3, b.region);
  }

  /** Returns a builder for AWS in {@code us-east-1} with credentials from the AWS default chain. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the bucket's managed settings and returns what applying {@code spec} would change. Makes no change.
   *
   * @throws InvalidSpecException if the spec breaks the rules (before any request)
   * @throws SetupException if a request fails
   */
  public Plan plan(BucketSpec spec) {
    Objects.requireNonNull(spec, "spec");
    SpecValidator.check(spec, SpecValidator.Target.S3);
    return guarded("plan", () -> S3Planner.plan(spec, calls.read(spec)));
  }

  /**
   * Makes the plan's changes.
   *
   * @throws IllegalArgumentException if the plan was made by a B2 setup
   * @throws SetupException if a request fails
   */
  public SetupResult apply(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    if (!(plan.draft() instanceof S3Draft)) {
      throw new IllegalArgumentException(
          "this plan was made for " + plan.service() + ", not by an S3 setup");
    }
    return guarded(
        "apply",
        () -> {
          calls.apply(plan.spec(), (S3Draft) plan.draft());
          return new SetupResult(
              "s3", plan.bucketName(), null, endpoint, plan.changes(), List.of());
        });
  }

  /** Plans and applies {@code spec} in one step. */
  public SetupResult run(BucketSpec spec) {
    return apply(plan(spec));
  }

  private static <T> T guarded(String step, Supplier<T> body) {
    try {
      return body.get();
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      throw new SetupException(
          step
              + " failed: "
              + e.statusCode()
              + " "
              + code
              + (e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                  ? ""
                  : " (" + e.awsErrorDetails().errorMessage() + ")"),
          e.statusCode(),
          code,
          e);
    } catch (SdkClientException e) {
      throw new SetupException(step + " failed: " + e.getMessage(), 0, null, e);
    }
  }

  /** Closes the S3 client when this setup created it. */
  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }

  /** Configures an {@link S3BucketSetup}. Not thread-safe. */
  public static final class Builder {
    private @Nullable URI endpoint;
    private String region = "us-east-1";
    private AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private boolean pathStyle;
    private @Nullable S3Client client;

    private Builder() {}

    /** Sets the S3 endpoint (B2: {@code https://s3.REGION.backblazeb2.com}); also turns on path-style URLs. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.pathStyle = true;
      return this;
    }

    /** Sets the region (default {@code us-east-1}; B2: the region in the endpoint host). */
    public Builder region(String region) {
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("region must not be blank");
      }
      this.region = region;
      return this;
    }

    /** Uses this access key id and secret instead of the AWS default chain. */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.credentials =
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(accessKeyId, secretAccessKey));
      return this;
    }

    /** Uses this credentials provider. */
    public Builder credentials(AwsCredentialsProvider provider) {
      this.credentials = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** Chooses path-style ({@code endpoint/bucket}) over virtual-host URLs. */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /**
     * Uses an existing client instead of building one (it is not closed by the setup). The caller is then
     * responsible for the checksum settings B2 needs.
     */
    public Builder client(S3Client client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Returns the setup; no request is sent until {@link S3BucketSetup#plan}. */
    public S3BucketSetup build() {
      return new S3BucketSetup(this);
    }
  }
}
