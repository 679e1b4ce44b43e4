package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.StorageException;
import dev.stowage.b2.client.B2Client;
import dev.stowage.spi.FilesystemProvider;
import dev.stowage.spi.Timeouts;
import dev.stowage.testing.B2EmulatorExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class B2ProviderTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .bucket("provider")
          .key("uploader", k -> k.bucket("provider").prefix("uploads/"))
          .perClass();

  @Test
  void serviceLoader_findsB2Provider() {
    assertThat(
            ServiceLoader.load(FilesystemProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(p -> assertThat(p.scheme()).isEqualTo("b2"));
  }

  @Test
  void config_fullUri_parsesEverySetting() {
    B2Config c =
        B2Provider.config(
            URI.create(
                "b2://my-bucket/some/prefix/?endpoint=http://127.0.0.1:9000"
                    + "&partSize=16Mi&uploadCutoff=100M&copyCutoff=1G&concurrency=8&deleteMode=hide&testMode=fail_some_uploads"
                    + "&listPageSize=500&maxAttempts=3&retryBaseDelay=10&retryMaxDelay=100"),
            Map.of());
    assertThat(c.bucket()).isEqualTo("my-bucket");
    assertThat(c.prefix()).isEqualTo("some/prefix");
    assertThat(c.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(c.partSize()).isEqualTo(16L << 20);
    assertThat(c.uploadCutoff()).isEqualTo(100_000_000L);
    assertThat(c.copyCutoff()).isEqualTo(1_000_000_000L);
    assertThat(c.concurrency()).isEqualTo(8);
    assertThat(c.deleteMode()).isEqualTo(B2DeleteMode.HIDE);
    assertThat(c.testMode()).isEqualTo("fail_some_uploads");
    assertThat(c.listPageSize()).isEqualTo(500);
    assertThat(c.maxAttempts()).isEqualTo(3);
  }

  @Test
  void config_settingsMap_overridesQueryAndCarriesCredentials() {
    B2Config c =
        B2Provider.config(
            URI.create("b2://bkt?concurrency=2"),
            Map.of("concurrency", "6", "keyId", "K1", "applicationKey", "secret-value"));
    assertThat(c.concurrency()).isEqualTo(6);
    assertThat(c.credentials().get().keyId()).isEqualTo("K1");
    assertThat(c.toString()).doesNotContain("secret-value").doesNotContain("K1");
    assertThat(c.prefix()).isEmpty();
  }

  @Test
  void config_credentialsInUri_areRefusedWithoutEchoingThem() {
    assertThatThrownBy(
            () -> B2Provider.config(URI.create("b2://bkt?applicationKey=topsecret"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("applicationKey")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2://id:key@bkt/x"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("key@");
  }

  @Test
  void config_endpointWithUserInfo_isRefusedWithoutEchoingTheSecret() {
    assertThatThrownBy(
            () ->
                B2Provider.config(
                    URI.create("b2://bkt"),
                    Map.of("endpoint", "http://user:EndpointSecret42@127.0.0.1:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint")
        .hasMessageContaining("user info")
        .hasMessageNotContaining("EndpointSecret42")
        .hasMessageNotContaining("user:");
    assertThatThrownBy(
            () ->
                B2Config.builder("bkt")
                    .endpoint(URI.create("https://id:EndpointSecret42@api.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("EndpointSecret42");
    assertThatThrownBy(
            () ->
                B2Client.builder().endpoint(URI.create("https://id:EndpointSecret42@api.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("EndpointSecret42");
    assertThatThrownBy(
            () ->
                B2Provider.config(
                    URI.create("b2://bkt"),
                    Map.of("endpoint", "http://user:Endpoint Secret42@127.0.0.1:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Secret42");
  }

  @Test
  void config_timeoutSettings_setTheThreeLimits() {
    B2Config c =
        B2Provider.config(
            URI.create("b2://bkt?timeout=2m&connectTimeout=500ms&idleTimeout=10s"), Map.of());
    assertThat(c.timeouts())
        .isEqualTo(
            new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(2)));
    assertThat(B2Provider.config(URI.create("b2://bkt"), Map.of()).timeouts())
        .isEqualTo(Timeouts.DEFAULT);
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2://bkt?timeout=0s"), Map.of()))
        .hasMessageStartingWith("timeout");
  }

  @Test
  void config_retryMaxDelayAlone_lowersTheBaseDelay() {
    B2Config c = B2Provider.config(URI.create("b2://bkt?retryMaxDelay=100ms"), Map.of());
    assertThat(c.maxDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(c.baseDelay()).isEqualTo(Duration.ofMillis(100));
    assertThatThrownBy(
            () ->
                B2Provider.config(
                    URI.create("b2://bkt?retryBaseDelay=2s&retryMaxDelay=1s"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void config_memoryBudgetAndUrlScope_areParsed() {
    B2Config c =
        B2Provider.config(
            URI.create("b2://bkt?memoryBudget=32Mi&temporaryUrlScope=exact"), Map.of());
    assertThat(c.memoryBudget()).isEqualTo(32L << 20);
    assertThat(c.temporaryUrlScope()).isEqualTo(B2Config.TemporaryUrlScope.EXACT);
    B2Config d = B2Provider.config(URI.create("b2://bkt"), Map.of());
    assertThat(d.memoryBudget()).isEqualTo(64L << 20);
    assertThat(d.temporaryUrlScope()).isEqualTo(B2Config.TemporaryUrlScope.PREFIX);
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2://bkt?memoryBudget=1k"), Map.of()))
        .hasMessageContaining("memoryBudget");
  }

  @Test
  void config_badValues_nameTheKey() {
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2://bkt?partSize=lots"), Map.of()))
        .hasMessageStartingWith("partSize");
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2://bkt?deleteMode=shred"), Map.of()))
        .hasMessageStartingWith("deleteMode");
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2://bkt?colour=red"), Map.of()))
        .hasMessageStartingWith("colour");
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2://bkt"), Map.of("keyId", "only-id")))
        .hasMessageStartingWith("applicationKey");
    assertThatThrownBy(() -> B2Provider.config(URI.create("b2:///prefix"), Map.of()))
        .hasMessageStartingWith("bucket");
  }

  @Test
  void filesystemsOpen_b2Uri_reachesTheEmulator() {
    URI uri = URI.create(B2.uri("provider") + "/via-uri?maxAttempts=2");
    try (Filesystem fs = Filesystems.open(uri, B2.settings())) {
      fs.write("a.txt", "through the provider");
      assertThat(fs.readString("a.txt")).isEqualTo("through the provider");
    }
    assertThat(B2.filesystem("provider").list("via-uri").toList())
        .extracting(dev.stowage.StorageAttributes::path)
        .containsExactly("via-uri/a.txt");
  }

  @Test
  void filesystemsOpen_keyLimitedToAPrefix_readsAndWritesOnlyInsideIt() {
    try (Filesystem master = Filesystems.open(B2.uri("provider"), B2.settings())) {
      master.write("private/secret.txt", "not for uploaders");
    }
    Filesystem fs = B2.filesystem("provider", "uploader");
    fs.write("uploads/u.txt", "allowed");
    assertThat(fs.readString("uploads/u.txt")).isEqualTo("allowed");
    assertThatThrownBy(() -> fs.readString("private/secret.txt"))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED));
    assertThatThrownBy(() -> fs.write("private/mine.txt", "refused"))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED));
  }

  @Test
  void filesystemsOpen_missingBucket_firstOperationFailsNamingTheBucket() {
    URI uri = URI.create("b2://no-such-bucket-anywhere/p?maxAttempts=2");
    Map<String, String> keys = B2.settings();
    try (Filesystem fs = Filesystems.open(uri, keys)) {
      assertThatThrownBy(() -> fs.stat("reports/q1.txt"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(StorageException.Kind.BUCKET_NOT_FOUND);
                assertThat(e.getMessage())
                    .startsWith("Unable to read metadata of 'reports/q1.txt': bucket not found")
                    .contains("no-such-bucket-anywhere");
              });
    }
    try (Filesystem fs = Filesystems.open(uri, keys)) {
      assertThatThrownBy(() -> fs.write("a.txt", "x"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e ->
                  assertThat(e.getMessage())
                      .startsWith("Unable to write 'a.txt': bucket not found")
                      .contains("no-such-bucket-anywhere"));
    }
  }

  @Test
  void size_units_areDecimalOrBinary() {
    assertThat(B2Provider.size("k", "5")).isEqualTo(5);
    assertThat(B2Provider.size("k", "5k")).isEqualTo(5000);
    assertThat(B2Provider.size("k", "5KiB")).isEqualTo(5120);
    assertThat(B2Provider.size("k", "2GB")).isEqualTo(2_000_000_000L);
    assertThat(B2Provider.size("k", "2Gi")).isEqualTo(2L << 30);
  }
}
