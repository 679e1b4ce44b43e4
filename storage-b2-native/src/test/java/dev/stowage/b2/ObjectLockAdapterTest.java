package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateBucketRequest;
import dev.stowage.b2.client.B2DefaultRetention;
import dev.stowage.b2.client.B2UpdateBucketRequest;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter on a bucket with Object Lock: the client sets a default retention, new files get it,
 * and deleting a retained file fails with PERMISSION_DENIED (B2's 403 {@code access_denied})
 * until the retention runs out on the emulator's clock.
 */
@Timeout(30)
class ObjectLockAdapterTest {

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now = Instant.parse("2031-03-01T00:00:00Z");

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

  private final HandClock clock = new HandClock();

  /** The bucket itself is made in the test: creating it with Object Lock is part of what is checked. */
  @RegisterExtension
  final B2EmulatorExtension b2 =
      B2EmulatorExtension.builder()
          .emulator(() -> B2Emulator.builder().clock(clock).tokenLifetime(Duration.ofDays(3650)))
          .perTest();

  @Test
  void delete_underDefaultGovernanceRetention_permissionDeniedUntilExpiry() {
    B2Emulator emulator = b2.emulator();
    try (B2Client client = TestBuckets.client(emulator)) {
      B2Bucket bucket =
          client.createBucket(
              new B2CreateBucketRequest(
                  "locked-adapter", "allPrivate", null, null, null, null, true));
      B2Bucket updated =
          client.updateBucket(
              new B2UpdateBucketRequest(bucket.bucketId(), null, null, null, null, null)
                  .withDefaultRetention(new B2DefaultRetention("governance", 1, "days")));
      assertThat(
              B2DefaultRetention.fromJson(
                  updated.fileLockConfiguration().readable().orElseThrow().defaultRetention()))
          .isEqualTo(new B2DefaultRetention("governance", 1, "days"));
      try (Filesystem fs =
          Filesystem.of(B2Adapter.create(TestBuckets.config(emulator, "locked-adapter").build()))) {
        fs.write("kept.txt", "kept");
        assertThatThrownBy(() -> fs.delete("kept.txt"))
            .isInstanceOf(StorageException.class)
            .extracting(e -> ((StorageException) e).kind())
            .isEqualTo(StorageException.Kind.PERMISSION_DENIED);
        assertThat(fs.read("kept.txt")).isEqualTo("kept".getBytes());
        clock.now = clock.now.plus(Duration.ofDays(1).plusMinutes(1));
        fs.delete("kept.txt");
        assertThat(fs.fileExists("kept.txt")).isFalse();
      }
    }
  }
}
