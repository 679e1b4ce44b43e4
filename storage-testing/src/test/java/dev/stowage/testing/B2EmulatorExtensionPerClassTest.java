package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.EmulatorStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class B2EmulatorExtensionPerClassTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () -> B2Emulator.builder().recommendedPartSize(10_000).absoluteMinimumPartSize(5_000))
          .bucket("assets")
          .publicBucket("website")
          .key("app", k -> k.bucket("assets").prefix("uploads/"))
          .key(
              "reader",
              k -> k.bucket("assets").capabilities("listBuckets", "listFiles", "readFiles"))
          .perClass();

  private static final Set<B2Emulator> SEEN = ConcurrentHashMap.newKeySet();

  @AfterAll
  static void oneEmulatorServedEveryTest() {
    assertThat(SEEN).hasSize(1);
  }

  @Test
  void buckets_declared_existWithTheirVisibility() {
    SEEN.add(B2.emulator());
    EmulatorStore store = B2.emulator().store();
    assertThat(store.bucket("assets").allPublic()).isFalse();
    assertThat(store.bucket("website").allPublic()).isTrue();
    assertThat(B2.buckets()).containsExactly("assets", "website");
  }

  @Test
  void emulatorParameter_injected_isTheRunningOne(B2Emulator injected) {
    SEEN.add(injected);
    assertThat(injected).isSameAs(B2.emulator());
  }

  @Test
  void settings_master_holdEndpointAndMasterKey() {
    SEEN.add(B2.emulator());
    assertThat(B2.settings())
        .isEqualTo(
            Map.of(
                "endpoint",
                B2.emulator().url(),
                "keyId",
                B2.emulator().keyId(),
                "applicationKey",
                B2.emulator().applicationKey()));
    assertThat(B2.uri("assets")).hasToString("b2://assets");
  }

  @Test
  void key_prefixRestricted_readsInsideItsPrefixOnly() throws Exception {
    SEEN.add(B2.emulator());
    EmulatorStore store = B2.emulator().store();
    String bucketId = store.bucket("assets").bucketId();
    store.upload(bucketId, "uploads/in.txt", "text/plain", Map.of(), text("inside"));
    store.upload(bucketId, "private/out.txt", "text/plain", Map.of(), text("outside"));

    RawB2 app = RawB2.authorize(B2.settings("app"));
    assertThat(app.download("assets", "uploads/in.txt").status()).isEqualTo(200);
    RawB2.Answer outside = app.download("assets", "private/out.txt");
    assertThat(outside.status()).isEqualTo(401);

    RawB2.Answer listOutside =
        app.call("b2_list_file_names", Map.of("bucketId", bucketId, "prefix", "private/"));
    assertThat(listOutside.status()).isEqualTo(401);
    RawB2.Answer listInside =
        app.call("b2_list_file_names", Map.of("bucketId", bucketId, "prefix", "uploads/"));
    assertThat(listInside.status()).isEqualTo(200);
    assertThat(listInside.body().get("files").findValuesAsText("fileName"))
        .containsExactly("uploads/in.txt");
  }

  @Test
  void key_bucketRestricted_cannotUseAnotherBucket() throws Exception {
    SEEN.add(B2.emulator());
    RawB2 app = RawB2.authorize(B2.settings("app"));
    String siteId = B2.emulator().store().bucket("website").bucketId();
    assertThat(app.call("b2_list_file_names", Map.of("bucketId", siteId)).status()).isEqualTo(401);
  }

  @Test
  void key_withoutWriteCapability_cannotUpload() throws Exception {
    SEEN.add(B2.emulator());
    RawB2 reader = RawB2.authorize(B2.settings("reader"));
    String bucketId = B2.emulator().store().bucket("assets").bucketId();
    assertThat(reader.call("b2_get_upload_url", Map.of("bucketId", bucketId)).status())
        .isEqualTo(401);
    assertThat(reader.call("b2_list_file_names", Map.of("bucketId", bucketId)).status())
        .isEqualTo(200);
  }

  @Test
  void key_declared_matchesTheEmulatorsRecord() {
    SEEN.add(B2.emulator());
    B2TestKey app = B2.key("app");
    EmulatorStore.KeyView view = B2.emulator().store().key(app.keyId());
    assertThat(view.namePrefix()).isEqualTo("uploads/");
    assertThat(view.bucketId()).isEqualTo(B2.emulator().store().bucket("assets").bucketId());
    assertThat(view.capabilities()).containsExactlyElementsOf(B2KeySpec.FILE_CAPABILITIES);
    assertThat(app.toString()).doesNotContain(app.applicationKey());
  }

  @Test
  void unknownNames_areRefusedByName() {
    SEEN.add(B2.emulator());
    assertThatThrownBy(() -> B2.settings("nobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody")
        .hasMessageContaining("[app, reader]");
    assertThatThrownBy(() -> B2.uri("missing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void builder_badDeclarations_failAtOnceNamingTheProblem() {
    SEEN.add(B2.emulator());
    assertThatThrownBy(() -> B2EmulatorExtension.builder().key("k", k -> k.prefix("a/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix needs a bucket");
    assertThatThrownBy(() -> B2EmulatorExtension.builder().key("k", k -> k.bucket("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope' is not declared");
    assertThatThrownBy(() -> B2EmulatorExtension.builder().bucket("a1b2c3").bucket("a1b2c3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared twice");
    assertThatThrownBy(() -> B2EmulatorExtension.builder().key("bad name", k -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad name");
    assertThatThrownBy(
            () ->
                B2EmulatorExtension.builder()
                    .bucket("account")
                    .key("k", k -> k.bucket("account").capabilities("writeBuckets"))
                    .perClass()
                    .beforeAll(null))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("writeBuckets");
  }

  @Nested
  class Inner {
    @Test
    void nestedClass_sharesTheOuterEmulator(B2Emulator injected) {
      SEEN.add(injected);
      assertThat(injected.store().bucket("assets")).isNotNull();
    }
  }

  private static ByteArrayInputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
