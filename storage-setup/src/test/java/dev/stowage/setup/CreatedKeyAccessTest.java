package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.b2.B2Adapter;
import dev.stowage.b2.B2Config;
import dev.stowage.b2.client.B2Authorization;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2Exception;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.b2.client.B2UploadFileRequest;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key a setup creates works for its bucket (and prefix) and cannot reach another bucket. */
@Timeout(60)
class CreatedKeyAccessTest {
  private B2Emulator emulator;
  private B2BucketSetup setup;

  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perTest();

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture(B2.emulator());
    emulator = fixture.emulator;
    setup = fixture.setup;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private B2Client clientFor(CreatedKey key) {
    return B2Client.builder()
        .endpoint(URI.create(emulator.url()))
        .credentials(new B2Credentials(key.applicationKeyId(), key.applicationKey()))
        .build();
  }

  private static B2FileVersion put(B2Client client, String bucketId, String name) {
    byte[] body = "payload".getBytes(StandardCharsets.UTF_8);
    return client.uploadFile(
        client.getUploadUrl(bucketId),
        new B2UploadFileRequest(name, "text/plain", body.length, null, Map.of()),
        new ByteArrayInputStream(body));
  }

  @Test
  void createdKey_worksInItsBucketAndIsRefusedElsewhere() {
    SetupResult other = setup.run(BucketSpec.builder("other-bucket-99").build());
    SetupResult result =
        setup.run(
            BucketSpec.builder("app-bucket-01")
                .key(KeySpec.of("app-bucket-key", KeySpec.READ_WRITE))
                .build());
    CreatedKey key = result.createdKeys().get(0);

    try (B2Client client = clientFor(key)) {
      B2Authorization auth = client.authorization();
      assertThat(auth.allowed().bucketId()).isEqualTo(result.bucketId());
      assertThat(auth.allowed().bucketName()).isEqualTo("app-bucket-01");

      put(client, result.bucketId(), "docs/readme.txt");
      assertThat(
              client.listFileNames(B2ListFilesRequest.of(result.bucketId(), "", null, 100)).files())
          .extracting(B2FileVersion::fileName)
          .containsExactly("docs/readme.txt");

      assertThatThrownBy(() -> client.getUploadUrl(other.bucketId()))
          .isInstanceOf(B2Exception.class)
          .satisfies(e -> assertThat(((B2Exception) e).status()).isEqualTo(401));
      assertThatThrownBy(
              () -> client.listFileNames(B2ListFilesRequest.of(other.bucketId(), "", null, 100)))
          .isInstanceOf(B2Exception.class)
          .satisfies(e -> assertThat(((B2Exception) e).status()).isEqualTo(401));
      assertThatThrownBy(() -> client.listBuckets(other.bucketId(), null))
          .isInstanceOf(B2Exception.class);
    }
  }

  private Filesystem filesystem(String bucket, CreatedKey key) {
    return Filesystem.of(
        B2Adapter.create(
            B2Config.builder(bucket)
                .endpoint(URI.create(emulator.url()))
                .credentials(new B2Credentials(key.applicationKeyId(), key.applicationKey()))
                .retry(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1))
                .build()));
  }

  @Test
  void createdKey_worksWithTheB2AdapterAndCannotReachAnotherBucket() {
    setup.run(BucketSpec.builder("other-bucket-77").build());
    SetupResult result =
        setup.run(
            BucketSpec.builder("app-bucket-03")
                .key(KeySpec.of("adapter-key", KeySpec.READ_WRITE))
                .build());
    CreatedKey key = result.createdKeys().get(0);

    Filesystem own = filesystem("app-bucket-03", key);
    own.write("notes/hello.txt", "hello");
    assertThat(own.readString("notes/hello.txt")).isEqualTo("hello");
    own.delete("notes/hello.txt");
    assertThat(own.fileExists("notes/hello.txt")).isFalse();

    assertThatThrownBy(() -> filesystem("other-bucket-77", key).write("x.txt", "nope"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("permission denied");
  }

  @Test
  void createdKeyWithPrefix_isRefusedOutsideThePrefix() {
    SetupResult result =
        setup.run(
            BucketSpec.builder("app-bucket-02")
                .key(KeySpec.of("uploads-only", KeySpec.READ_WRITE).withNamePrefix("uploads/"))
                .build());
    CreatedKey key = result.createdKeys().get(0);

    try (B2Client client = clientFor(key)) {
      assertThat(put(client, result.bucketId(), "uploads/a.txt").fileName())
          .isEqualTo("uploads/a.txt");
      assertThatThrownBy(
              () ->
                  client.listFileNames(
                      B2ListFilesRequest.of(result.bucketId(), "private/", null, 100)))
          .isInstanceOf(B2Exception.class)
          .satisfies(e -> assertThat(((B2Exception) e).status()).isEqualTo(401));
    }
    assertThat(key.capabilities()).containsExactlyInAnyOrderElementsOf(KeySpec.READ_WRITE);
    assertThat(List.of(key.toString())).noneMatch(s -> s.contains(key.applicationKey()));
  }
}
