package dev.stowage.b2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.testing.B2EmulatorExtension;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Default encryption and file lock round-trip through the emulator's bucket calls. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BucketSettingsEmulatorTest {

  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perClass();

  private B2Client client;

  @BeforeEach
  void setUp() {
    client =
        B2Client.builder()
            .endpoint(URI.create(B2.emulator().url()))
            .credentials(new B2Credentials(B2.emulator().keyId(), B2.emulator().applicationKey()))
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static String name() {
    return "s-" + UUID.randomUUID().toString().substring(0, 12);
  }

  private B2Bucket readBack(String name) {
    return client.listBuckets(null, name).get(0);
  }

  @Test
  void createBucket_sseB2AndFileLock_readsBackBoth() {
    String name = name();
    B2Bucket created =
        client.createBucket(
            new B2CreateBucketRequest(name, "allPrivate", null, null, null)
                .withDefaultServerSideEncryption(B2ServerSideEncryption.sseB2())
                .withFileLockEnabled(true));

    for (B2Bucket b : new B2Bucket[] {created, readBack(name)}) {
      assertThat(b.defaultServerSideEncryption().readable())
          .contains(B2ServerSideEncryption.sseB2());
      assertThat(b.fileLockConfiguration().readable().orElseThrow().isFileLockEnabled()).isTrue();
      assertThat(b.isFileLockEnabled()).isTrue();
    }
  }

  @Test
  void createBucket_legacyRequest_hasNoEncryptionAndNoLock() {
    String name = name();
    client.createBucket(new B2CreateBucketRequest(name, "allPrivate", null, null, null));

    B2Bucket b = readBack(name);
    assertThat(b.defaultServerSideEncryption().isClientAuthorizedToRead()).isTrue();
    assertThat(b.defaultServerSideEncryption().value().isSseB2()).isFalse();
    assertThat(b.isFileLockEnabled()).isFalse();
  }

  @Test
  void updateBucket_encryptionOnThenOff_eachReadsBack() {
    String name = name();
    B2Bucket b =
        client.createBucket(new B2CreateBucketRequest(name, "allPrivate", null, null, null));

    B2Bucket on =
        client.updateBucket(
            new B2UpdateBucketRequest(b.bucketId(), null, null, null, null, b.revision())
                .withDefaultServerSideEncryption(B2ServerSideEncryption.sseB2()));
    assertThat(on.revision()).isEqualTo(b.revision() + 1);
    assertThat(readBack(name).defaultServerSideEncryption().value().isSseB2()).isTrue();

    B2Bucket off =
        client.updateBucket(
            new B2UpdateBucketRequest(b.bucketId(), null, null, null, null, on.revision())
                .withDefaultServerSideEncryption(B2ServerSideEncryption.none()));
    assertThat(off.defaultServerSideEncryption().value().isSseB2()).isFalse();
    assertThat(readBack(name).defaultServerSideEncryption().value().isSseB2()).isFalse();
  }

  @Test
  void updateBucket_withoutEncryptionField_keepsEncryption() {
    String name = name();
    B2Bucket b =
        client.createBucket(
            new B2CreateBucketRequest(name, "allPrivate", null, null, null)
                .withDefaultServerSideEncryption(B2ServerSideEncryption.sseB2()));

    client.updateBucket(
        new B2UpdateBucketRequest(b.bucketId(), "allPublic", null, null, null, b.revision()));

    B2Bucket after = readBack(name);
    assertThat(after.isPublic()).isTrue();
    assertThat(after.defaultServerSideEncryption().value().isSseB2()).isTrue();
  }

  @Test
  void updateBucket_fileLockOn_turnsItOn() {
    String name = name();
    B2Bucket b =
        client.createBucket(new B2CreateBucketRequest(name, "allPrivate", null, null, null));

    client.updateBucket(
        new B2UpdateBucketRequest(b.bucketId(), null, null, null, null, b.revision())
            .withFileLockEnabled(true));

    assertThat(readBack(name).isFileLockEnabled()).isTrue();
  }

  @Test
  void updateBucket_fileLockOff_throwsBadRequestAndChangesNothing() {
    String name = name();
    B2Bucket b =
        client.createBucket(
            new B2CreateBucketRequest(name, "allPrivate", null, null, null)
                .withFileLockEnabled(true));

    assertThatThrownBy(
            () ->
                client.updateBucket(
                    new B2UpdateBucketRequest(b.bucketId(), null, null, null, null, b.revision())
                        .withFileLockEnabled(false)))
        .isInstanceOfSatisfying(
            B2Exception.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("bad_request");
            });

    B2Bucket after = readBack(name);
    assertThat(after.revision()).isEqualTo(b.revision());
    assertThat(after.isFileLockEnabled()).isTrue();
  }

  @Test
  void createBucket_unknownEncryptionMode_throwsBadRequestAndCreatesNothing() {
    String name = name();
    assertThatThrownBy(
            () ->
                client.createBucket(
                    new B2CreateBucketRequest(name, "allPrivate", null, null, null)
                        .withDefaultServerSideEncryption(
                            new B2ServerSideEncryption("SSE-C", "AES256"))))
        .isInstanceOfSatisfying(B2Exception.class, e -> assertThat(e.status()).isEqualTo(400));

    assertThat(client.listBuckets(null, name)).isEmpty();
  }
}
