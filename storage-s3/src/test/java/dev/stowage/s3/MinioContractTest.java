package dev.stowage.s3;

import dev.stowage.Filesystem;
import dev.stowage.tck.FilesystemContract;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole kit on the {@code minio} profile against a real MinIO server in a container. Runs
 * where a Docker engine is reachable; elsewhere the class is skipped with that reason.
 */
@Tag("interop")
@EnabledIf(
    value = "dockerAvailable",
    disabledReason = "no Docker engine reachable: the MinIO (Testcontainers) kit run is skipped")
class MinioContractTest extends FilesystemContract {

  private final SigningKitClock clock = new SigningKitClock();

  static final String IMAGE = "minio/minio:RELEASE.2024-10-13T13-34-11Z";

  private final String user = "stowage" + Long.toHexString(System.nanoTime());
  private final String password = java.util.UUID.randomUUID().toString();
  private GenericContainer<?> minio;

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  protected Filesystem createFilesystem() {
    minio =
        new GenericContainer<>(IMAGE)
            .withEnv("MINIO_ROOT_USER", user)
            .withEnv("MINIO_ROOT_PASSWORD", password)
            .withCommand("server", "/data")
            .withExposedPorts(9000)
            .waitingFor(
                Wait.forHttp("/minio/health/live")
                    .forPort(9000)
                    .withStartupTimeout(Duration.ofMinutes(2)));
    minio.start();
    URI endpoint = URI.create("http://" + minio.getHost() + ":" + minio.getMappedPort(9000));
    String bucket = "stowage-kit";
    try (S3Client admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(user, password)))
            .build()) {
      admin.createBucket(b -> b.bucket(bucket));
    }
    return Filesystem.of(
        S3Adapter.create(
            S3Config.builder(bucket)
                .profile(S3Profile.MINIO)
                .endpoint(endpoint)
                .credentials(user, password)
                .partSize(5 << 20)
                .multipartThreshold(5 << 20)
                .build(),
            clock));
  }

  /** URLs and tickets are signed by a clock the kit sets back to test expiry without waiting. */
  @Override
  public java.util.Optional<dev.stowage.tck.KitClock> clockControl() {
    return java.util.Optional.of(clock);
  }

  @Override
  protected void afterAll() {
    if (minio != null) {
      minio.stop();
    }
  }
}
