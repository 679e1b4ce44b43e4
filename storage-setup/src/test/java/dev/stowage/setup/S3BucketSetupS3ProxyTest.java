package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.testing.S3ProxyExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Bucket creation, ACL and default encryption on a real S3 server, embedded S3Proxy 4.1.0 with signature checks on;
 * what the setup did is read back with a plain SDK client, not through the setup under test. (S3Proxy has no
 * per-bucket CORS, lifecycle, ownership-controls or public-access-block API, so those requests are covered by
 * {@link S3BucketSetupRecordingTest} against {@link FakeS3Server}.)
 */
@Timeout(120)
class S3BucketSetupS3ProxyTest {
  private static final String ACCESS = "access-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String SECRET = UUID.randomUUID().toString();
  private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

  @RegisterExtension
  static final S3ProxyExtension S3 =
      S3ProxyExtension.builder().credentials(ACCESS, SECRET).perClass();

  private static S3BucketSetup setup() {
    return S3BucketSetup.builder().endpoint(S3.endpoint()).credentials(ACCESS, SECRET).build();
  }

  @Test
  void run_missingBucket_createsItAndSecondRunChangesNothing() {
    String bucket = "setup-" + UUID.randomUUID().toString().substring(0, 12);
    BucketSpec spec = BucketSpec.builder(bucket).type(BucketType.PRIVATE).build();
    try (S3BucketSetup setup = setup();
        S3Client s3 = rawClient()) {
      SetupResult first = setup.run(spec);

      assertThat(first.applied())
          .extracting(Change::action)
          .containsExactly(Change.Action.CREATE_BUCKET);
      assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket));
      Plan again = setup.plan(spec);
      assertThat(again.hasChanges()).as(again.toString()).isFalse();
      assertThat(again.changes()).extracting(Change::subject).containsExactly("bucket.type");
    }
  }

  @Test
  void run_publicBucket_setsPublicReadAclAndPrivateTakesItBack() {
    String bucket = "setup-" + UUID.randomUUID().toString().substring(0, 12);
    BucketSpec spec = BucketSpec.builder(bucket).type(BucketType.PUBLIC).build();
    try (S3BucketSetup setup = setup();
        S3Client s3 = rawClient()) {
      setup.run(spec);

      assertThat(allUsersPermissions(s3, bucket))
          .as("AllUsers grants after PUBLIC")
          .containsExactly(Permission.READ);
      assertThat(setup.plan(spec).hasChanges()).isFalse();

      BucketSpec closed = spec.toBuilder().type(BucketType.PRIVATE).build();
      assertThat(setup.plan(closed).mutations())
          .extracting(Change::action)
          .containsExactly(Change.Action.SET_BUCKET_TYPE);
      setup.run(closed);

      assertThat(allUsersPermissions(s3, bucket)).as("AllUsers grants after PRIVATE").isEmpty();
    }
  }

  @Test
  void run_privateBucket_grantsNothingToAllUsers() {
    String bucket = "setup-" + UUID.randomUUID().toString().substring(0, 12);
    try (S3BucketSetup setup = setup();
        S3Client s3 = rawClient()) {
      setup.run(BucketSpec.builder(bucket).type(BucketType.PRIVATE).build());

      assertThat(s3.getBucketAcl(b -> b.bucket(bucket)).grants())
          .as("the owner's grant is there")
          .isNotEmpty();
      assertThat(allUsersPermissions(s3, bucket)).isEmpty();
    }
  }

  @Test
  void run_encryption_isStoredOnTheServerAndNoneRemovesIt() {
    String bucket = "setup-" + UUID.randomUUID().toString().substring(0, 12);
    BucketSpec spec = BucketSpec.builder(bucket).encryption(Encryption.SSE_B2).build();
    try (S3BucketSetup setup = setup();
        S3Client s3 = rawClient()) {
      setup.run(spec);

      assertThat(
              s3.getBucketEncryption(b -> b.bucket(bucket))
                  .serverSideEncryptionConfiguration()
                  .rules())
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.applyServerSideEncryptionByDefault().sseAlgorithm())
                      .isEqualTo(ServerSideEncryption.AES256));
      assertThat(setup.plan(spec).hasChanges()).isFalse();

      setup.run(spec.toBuilder().encryption(Encryption.NONE).build());

      assertThatThrownBy(() -> s3.getBucketEncryption(b -> b.bucket(bucket)))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
      assertThat(setup.plan(spec).mutations()).isNotEmpty();
    }
  }

  /** Reads the bucket's ACL with a plain SDK client, not through the setup under test. */
  private static List<Permission> allUsersPermissions(S3Client s3, String bucket) {
    return s3.getBucketAcl(b -> b.bucket(bucket)).grants().stream()
        .filter(
            g ->
                g.grantee() != null
                    && g.grantee().type() == Type.GROUP
                    && ALL_USERS.equals(g.grantee().uri()))
        .map(Grant::permission)
        .toList();
  }

  private static S3Client rawClient() {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(S3.endpoint())
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
        .build();
  }
}
