package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.EmulatorStore;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class B2EmulatorExtensionPerTestTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder().bucket("assets").key("app", k -> k.bucket("assets")).perTest();

  private static final AtomicReference<B2Emulator> FIRST = new AtomicReference<>();

  @BeforeAll
  static void noEmulator_beforeTheFirstTest() {
    assertThatThrownBy(B2::emulator)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only while a test runs");
  }

  @Test
  @Order(1)
  void first_writesAFile() {
    B2Emulator e = B2.emulator();
    FIRST.set(e);
    EmulatorStore store = e.store();
    store.upload(
        store.bucket("assets").bucketId(),
        "left-over.txt",
        null,
        Map.of(),
        new ByteArrayInputStream(new byte[] {1}));
    assertThat(store.versions(store.bucket("assets").bucketId(), null, null, 10)).hasSize(1);
  }

  @Test
  @Order(2)
  void second_getsAFreshEmulatorWithTheDeclaredBucketAndKey(B2Emulator injected) {
    assertThat(injected).isNotSameAs(FIRST.get());
    EmulatorStore store = injected.store();
    assertThat(store.versions(store.bucket("assets").bucketId(), null, null, 10)).isEmpty();
    assertThat(store.key(B2.key("app").keyId())).isNotNull();
    B2Emulator first = FIRST.get();
    Map<String, String> firstMaster =
        Map.of(
            "endpoint",
            first.url(),
            "keyId",
            first.keyId(),
            "applicationKey",
            first.applicationKey());
    assertThatThrownBy(() -> RawB2.authorize(firstMaster))
        .as("the first emulator was stopped")
        .isInstanceOfAny(java.io.IOException.class, IllegalStateException.class);
  }

  @Test
  @Order(3)
  void dataDirectory_inMemoryEmulator_failsNamingOnDisk() {
    assertThatThrownBy(B2::dataDirectory)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("onDisk()");
  }
}
