package dev.stowage.b2.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The bucket's lifecycle rules apply to what the S3 face writes: it is the same store, on the emulator's clock. */
@Timeout(60)
class LifecycleOverS3Test {

  /** A clock the test moves by hand (signatures still use the real time; only B2's rules read this one). */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final MovableClock CLOCK = new MovableClock();

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(() -> B2Emulator.builder().clock(CLOCK).tokenLifetime(Duration.ofDays(365)))
          .bucket("lifecycle-s3")
          .key(
              "lc",
              k ->
                  k.bucket("lifecycle-s3")
                      .capabilities("listFiles", "readFiles", "writeFiles", "deleteFiles"))
          .perClass();

  @Test
  void deleteObject_hiddenThenLifecycleDays_versionsDeleted() {
    B2Emulator b2 = B2.emulator();
    try (B2S3Face face = B2S3Face.start(b2)) {
      NativeApi api = new NativeApi(b2);
      String bucketId = b2.store().bucket("lifecycle-s3").bucketId();
      api.call(
          "b2_update_bucket",
          Map.of(
              "accountId",
              b2.keyId(),
              "bucketId",
              bucketId,
              "lifecycleRules",
              List.of(Map.of("fileNamePrefix", "tmp/", "daysFromHidingToDeleting", 1))));
      NativeApi.Key key = new NativeApi.Key(B2.key("lc").keyId(), B2.key("lc").applicationKey());
      try (S3Client s3 =
          S3Client.builder()
              .endpointOverride(face.endpoint())
              .region(Region.of(B2S3Face.REGION))
              .forcePathStyle(true)
              .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(key.id(), key.secret())))
              .build()) {
        s3.putObject(b -> b.bucket("lifecycle-s3").key("tmp/a.txt"), RequestBody.fromString("a"));
        s3.putObject(b -> b.bucket("lifecycle-s3").key("keep/b.txt"), RequestBody.fromString("b"));
        s3.deleteObject(b -> b.bucket("lifecycle-s3").key("tmp/a.txt"));
        s3.deleteObject(b -> b.bucket("lifecycle-s3").key("keep/b.txt"));

        CLOCK.advance(Duration.ofDays(2));
        b2.runLifecycle();

        var left = s3.listObjectVersions(b -> b.bucket("lifecycle-s3"));
        assertThat(left.versions()).extracting(v -> v.key()).containsExactly("keep/b.txt");
        assertThat(left.deleteMarkers()).extracting(m -> m.key()).containsExactly("keep/b.txt");
      }
    }
  }
}
