package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.memory.MemoryAdapter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The optional features of {@link FilesystemAdapter} default to "unsupported", by name. */
class AdapterDefaultsTest {

  private final MemoryAdapter memory = MemoryAdapter.create();

  @Test
  void temporaryUrlAndPrepareUpload_notOverridden_failUnsupportedNamingTheAdapter() {
    assertThatThrownBy(() -> memory.temporaryUrl("a.txt", Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED))
        .hasMessageContaining("MemoryAdapter has no temporary URLs");
    assertThatThrownBy(
            () ->
                memory.prepareUpload(
                    "a.txt", Duration.ofMinutes(1), UploadConstraints.contentType("text/plain")))
        .isInstanceOfSatisfying(
            BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED))
        .hasMessageContaining("browser upload tickets");
  }

  @Test
  void checksum_notOverridden_isEmptySoTheFacadeStreams() {
    assertThat(onlyDefaults().checksum("f", ChecksumAlgorithm.SHA256)).isEmpty();
    assertThatThrownBy(() -> onlyDefaults().publicUrl("f"))
        .isInstanceOfSatisfying(
            BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED))
        .hasMessageContaining("has no public URLs");
  }

  /** An adapter that implements nothing itself: only the interface's default methods answer. */
  private static FilesystemAdapter onlyDefaults() {
    return (FilesystemAdapter)
        Proxy.newProxyInstance(
            AdapterDefaultsTest.class.getClassLoader(),
            new Class<?>[] {FilesystemAdapter.class},
            (proxy, method, args) -> {
              if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
              }
              throw new AssertionError("not a default method: " + method.getName());
            });
  }
}
