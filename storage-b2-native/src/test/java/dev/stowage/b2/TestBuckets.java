package dev.stowage.b2;

import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateBucketRequest;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/** Creates buckets in an emulator and adapter configurations pointing at them. */
final class TestBuckets {
  private TestBuckets() {}

  static B2Credentials credentials(B2Emulator emulator) {
    return new B2Credentials(emulator.keyId(), emulator.applicationKey());
  }

  static B2Client client(B2Emulator emulator) {
    return B2Client.builder()
        .endpoint(URI.create(emulator.url()))
        .credentials(credentials(emulator))
        .build();
  }

  /** Creates a fresh bucket of {@code type} ({@code allPrivate}/{@code allPublic}) and returns its name. */
  static String create(B2Emulator emulator, String type) {
    try (B2Client client = client(emulator)) {
      B2Bucket b =
          client.createBucket(
              new B2CreateBucketRequest(
                  "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                  type,
                  null,
                  null,
                  null));
      return b.bucketName();
    }
  }

  /** Returns a configuration for {@code bucket} in {@code emulator} with quick retries. */
  static B2Config.Builder config(B2Emulator emulator, String bucket) {
    return B2Config.builder(bucket)
        .endpoint(URI.create(emulator.url()))
        .credentials(credentials(emulator))
        .retry(10, Duration.ofMillis(5), Duration.ofMillis(100));
  }
}
