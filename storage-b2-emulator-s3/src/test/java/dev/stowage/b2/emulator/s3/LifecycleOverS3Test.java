package dev.stowage.b2.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    @Test
    void deleteObject_hiddenThenLifecycleDays_versionsDeleted() {
        MovableClock clock = new MovableClock();
        try (B2Emulator b2 = B2Emulator.builder().clock(clock).tokenLifetime(Duration.ofDays(365)).start();
             B2S3Face face = B2S3Face.start(b2)) {
            NativeApi api = new NativeApi(b2);
            String bucketId = api.createBucket("lifecycle-s3", "allPrivate", false);
            api.call("b2_update_bucket", Map.of("accountId", b2.keyId(), "bucketId", bucketId, "lifecycleRules",
                    List.of(Map.of("fileNamePrefix", "tmp/", "daysFromHidingToDeleting", 1))));
            NativeApi.Key key = api.createKey("lc", List.of("listFiles", "readFiles", "writeFiles", "deleteFiles"),
                    bucketId, null);
            try (S3Client s3 = S3Client.builder().endpointOverride(face.endpoint()).region(Region.of(B2S3Face.REGION))
                    .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(key.id(), key.secret()))).build()) {
                s3.putObject(b -> b.bucket("lifecycle-s3").key("tmp/a.txt"), RequestBody.fromString("a"));
                s3.putObject(b -> b.bucket("lifecycle-s3").key("keep/b.txt"), RequestBody.fromString("b"));
                s3.deleteObject(b -> b.bucket("lifecycle-s3").key("tmp/a.txt"));
                s3.deleteObject(b -> b.bucket("lifecycle-s3").key("keep/b.txt"));

                clock.advance(Duration.ofDays(2));
                b2.runLifecycle();

                var left = s3.listObjectVersions(b -> b.bucket("lifecycle-s3"));
                assertThat(left.versions()).extracting(v -> v.key()).containsExactly("keep/b.txt");
                assertThat(left.deleteMarkers()).extracting(m -> m.key()).containsExactly("keep/b.txt");
            }
        }
    }
}
