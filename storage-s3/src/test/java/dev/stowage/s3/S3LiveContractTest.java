package dev.stowage.s3;

import dev.stowage.Filesystem;
import dev.stowage.tck.FilesystemContract;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The whole kit against a real bucket, enabled only when {@code STOWAGE_S3_BUCKET} is set.
 *
 * <p>Environment: {@code STOWAGE_S3_BUCKET} (required; the kit works below a random
 * {@code tck-*} directory and removes it afterwards), {@code STOWAGE_S3_ENDPOINT} (absent: AWS),
 * {@code STOWAGE_S3_PROFILE} ({@code aws}, {@code b2}, {@code minio}, {@code r2},
 * {@code generic}), {@code STOWAGE_S3_REGION}, {@code STOWAGE_S3_PREFIX}, and credentials from
 * the AWS default chain, e.g. {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}
 * (for B2: an application key id and key, never the master key).
 */
@Tag("live")
@EnabledIfEnvironmentVariable(
    named = "STOWAGE_S3_BUCKET",
    matches = ".+",
    disabledReason = "STOWAGE_S3_BUCKET is not set: no live S3 endpoint to test")
class S3LiveContractTest extends FilesystemContract {

  private final SigningKitClock clock = new SigningKitClock();

  @Override
  protected Filesystem createFilesystem() {
    S3Config.Builder b = S3Config.builder(System.getenv("STOWAGE_S3_BUCKET"));
    String endpoint = System.getenv("STOWAGE_S3_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpoint(URI.create(endpoint.trim()));
    }
    String profile = System.getenv("STOWAGE_S3_PROFILE");
    if (profile != null && !profile.isBlank()) {
      b.profile(S3Profile.of(profile));
    }
    String region = System.getenv("STOWAGE_S3_REGION");
    if (region != null && !region.isBlank()) {
      b.region(region);
    }
    String prefix = System.getenv("STOWAGE_S3_PREFIX");
    if (prefix != null && !prefix.isBlank()) {
      b.prefix(prefix);
    }
    return Filesystem.of(S3Adapter.create(b.partSize(5 << 20).build(), clock));
  }

  /** URLs and tickets are signed by a clock the kit sets back to test expiry without waiting. */
  @Override
  public java.util.Optional<dev.stowage.tck.KitClock> clockControl() {
    return java.util.Optional.of(clock);
  }
}
