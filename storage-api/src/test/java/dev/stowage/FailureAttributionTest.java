package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.PrefixedAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Adapters report a kind and a detail; the facade names the operation the caller asked for and
 * its paths, once, whichever adapter call failed on the way.
 */
class FailureAttributionTest {

  private static BackendException denied() {
    return BackendException.of(StorageException.Kind.PERMISSION_DENIED, "test denial");
  }

  private final FailingAdapter adapter = new FailingAdapter(MemoryAdapter.builder().build());
  private final Filesystem fs = Filesystem.of(adapter);

  @Test
  void delete_existenceCheckDenied_throwsDeleteFailedWithTheKind() {
    adapter.failOn("directoryExists", FailureAttributionTest::denied);

    DeleteFailedException e =
        catchThrowableOfType(DeleteFailedException.class, () -> fs.delete("x"));

    assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED);
    assertThat(e.operation()).isEqualTo(Operation.DELETE);
    assertThat(e.path()).isEqualTo("x");
    assertThat(e.detail()).isEqualTo("test denial");
    assertThat(e).hasCauseInstanceOf(BackendException.class);
  }

  @Test
  void createDirectory_existenceCheckDenied_throwsDirectoryFailed() {
    adapter.failOn("fileExists", FailureAttributionTest::denied);

    DirectoryFailedException e =
        catchThrowableOfType(DirectoryFailedException.class, () -> fs.createDirectory("x/y"));

    assertThat(e.operation()).isEqualTo(Operation.CREATE_DIRECTORY);
    assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED);
    assertThat(e.getMessage())
        .isEqualTo("Unable to create directory 'x/y': permission denied (test denial)");
  }

  @Test
  void fileExists_denied_staysAnExistenceFailure() {
    adapter.failOn("fileExists", FailureAttributionTest::denied);

    MetadataFailedException e =
        catchThrowableOfType(MetadataFailedException.class, () -> fs.fileExists("x"));

    assertThat(e.operation()).isEqualTo(Operation.EXISTS);
    assertThat(e.getMessage())
        .isEqualTo("Unable to check existence of 'x': permission denied (test denial)");
  }

  @Test
  void copy_sourceStatFails_namesCopyWithSourceAndDestination() {
    fs.write("a.txt", "x");
    adapter.failOn("copy", () -> BackendException.notFound("no such key"));

    CopyFailedException e =
        catchThrowableOfType(CopyFailedException.class, () -> fs.copy("a.txt", "b.txt"));

    assertThat(e.getMessage())
        .isEqualTo("Unable to copy 'a.txt' to 'b.txt': not found (no such key)");
    assertThat(e.destination()).isEqualTo("b.txt");
  }

  @Test
  void backendFailure_keepsRetryAfterAndTheBackendCause() {
    IOException backend = new IOException("reset");
    adapter.failOn(
        "stat",
        () ->
            BackendException.of(
                StorageException.Kind.RATE_LIMITED, "slow down", Duration.ofSeconds(3), backend));

    MetadataFailedException e =
        catchThrowableOfType(MetadataFailedException.class, () -> fs.stat("a"));

    assertThat(e.operation()).isEqualTo(Operation.STAT);
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e).hasCause(backend);
  }

  @Test
  void prefixedView_failureNamesTheViewsPath() {
    FailingAdapter inner = new FailingAdapter(MemoryAdapter.builder().build());
    inner.failOn("stat", FailureAttributionTest::denied);
    Filesystem view = Filesystem.of(new PrefixedAdapter(inner, "tenants/42"));

    MetadataFailedException e =
        catchThrowableOfType(MetadataFailedException.class, () -> view.stat("a.txt"));

    assertThat(e.getMessage())
        .isEqualTo("Unable to read metadata of 'a.txt': permission denied (test denial)");
  }

  @Test
  void streamFailure_causedByIntegrityBackendException_isIntegrity() {
    Filesystem corrupt =
        Filesystem.of(
            new dev.stowage.spi.ForwardingAdapter(MemoryAdapter.builder().build()) {
              @Override
              public InputStream read(String path, ByteRange range) {
                return new InputStream() {
                  @Override
                  public int read() throws IOException {
                    throw new IOException(
                        "corrupt",
                        BackendException.of(
                            StorageException.Kind.INTEGRITY, "expected md5 00, got 11"));
                  }
                };
              }
            });
    corrupt.write("c.bin", "x");

    ReadFailedException e =
        catchThrowableOfType(ReadFailedException.class, () -> corrupt.read("c.bin"));

    assertThat(e.kind()).isEqualTo(StorageException.Kind.INTEGRITY);
    assertThat(e.getMessage())
        .isEqualTo("Unable to read 'c.bin': integrity (expected md5 00, got 11)");
  }

  @Test
  void backendException_messageIsKindAndDetail() {
    assertThat(
            BackendException.of(StorageException.Kind.NOT_FOUND, "b2 file_not_present, 404")
                .getMessage())
        .isEqualTo("not found (b2 file_not_present, 404)");
    assertThat(BackendException.of(StorageException.Kind.UNAVAILABLE, null).getMessage())
        .isEqualTo("unavailable");
  }
}
