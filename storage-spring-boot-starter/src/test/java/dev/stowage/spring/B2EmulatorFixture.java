package dev.stowage.spring;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateBucketRequest;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import java.net.URI;
import java.util.UUID;

/** The B2 emulator on a loopback port with one private bucket, for tests. */
final class B2EmulatorFixture implements StorageServer {

  private final B2Emulator emulator;
  private final String bucket;

  B2EmulatorFixture() {
    emulator = B2Emulator.builder().start();
    bucket = "boot-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (B2Client client = B2Client.builder().endpoint(URI.create(emulator.url()))
        .credentials(new B2Credentials(emulator.keyId(), emulator.applicationKey())).build()) {
      client.createBucket(new B2CreateBucketRequest(bucket, "allPrivate", null, null, null));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  @Override
  public String bucket() {
    return bucket;
  }

  String endpoint() {
    return emulator.url();
  }

  String keyId() {
    return emulator.keyId();
  }

  String applicationKey() {
    return emulator.applicationKey();
  }

  @Override
  public String secret() {
    return emulator.applicationKey();
  }

  @Override
  public String secretProperty(String prefix, String value) {
    return prefix + ".settings.applicationKey=" + value;
  }

  @Override
  public String[] properties(String prefix, String bucketName, String root) {
    return new String[] {
        prefix + ".uri=b2://" + bucketName + "/" + root,
        prefix + ".settings.endpoint=" + endpoint(),
        prefix + ".settings.keyId=" + keyId(),
        prefix + ".settings.applicationKey=" + applicationKey(),
        prefix + ".settings.maxAttempts=2",
        prefix + ".settings.retryBaseDelay=5ms",
        prefix + ".settings.retryMaxDelay=10ms",
    };
  }

  @Override
  public void close() {
    emulator.close();
  }
}
