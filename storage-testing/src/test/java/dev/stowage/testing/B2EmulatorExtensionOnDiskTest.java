package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.EmulatorStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code onDisk()}: the stored bytes are files in a fresh directory per start, deleted on stop. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class B2EmulatorExtensionOnDiskTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () -> B2Emulator.builder().recommendedPartSize(2048).absoluteMinimumPartSize(1024))
          .bucket("on-disk")
          .onDisk()
          .perTest();

  private static final AtomicReference<Path> FIRST = new AtomicReference<>();

  @Test
  @Order(1)
  void upload_onDisk_storesTheBytesAsABlobInTheDataDirectory() throws Exception {
    Path dir = B2.dataDirectory();
    FIRST.set(dir);
    EmulatorStore store = B2.emulator().store();
    byte[] bytes = "stored on disk".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    store.upload(
        store.bucket("on-disk").bucketId(),
        "a.txt",
        null,
        Map.of(),
        new ByteArrayInputStream(bytes));

    try (Stream<Path> blobs = Files.list(dir.resolve("blobs"))) {
      assertThat(blobs.filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList())
          .singleElement()
          .satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(bytes));
    }
  }

  @Test
  @Order(2)
  void nextTest_onDisk_getsAFreshDirectory_andThePreviousIsDeleted() {
    assertThat(B2.dataDirectory()).isNotEqualTo(FIRST.get()).isDirectory();
    assertThat(FIRST.get()).doesNotExist();
  }

  @AfterAll
  static void afterTheLastTest_theDirectoryIsDeleted() {
    assertThat(FIRST.get()).doesNotExist();
  }
}
