package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.memory.MemoryAdapter;
import org.junit.jupiter.api.Test;

/** A failed existence check made on the way reports the operation the caller asked for. */
class FailureAttributionTest {

  private static StorageException denied(Operation operation) {
    return StorageException.of(operation, "x", StorageException.Kind.PERMISSION_DENIED,
        "test denial", null);
  }

  private final FailingAdapter adapter = new FailingAdapter(MemoryAdapter.builder().build());
  private final Filesystem fs = Filesystem.of(adapter);

  @Test
  void delete_existenceCheckDenied_throwsDeleteFailedWithTheKind() {
    adapter.failOn("directoryExists", () -> denied(Operation.EXISTS));

    DeleteFailedException e = catchThrowableOfType(DeleteFailedException.class, () -> fs.delete("x"));

    assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED);
    assertThat(e.operation()).isEqualTo(Operation.DELETE);
    assertThat(e.detail()).isEqualTo("test denial");
    assertThat(e).hasCauseInstanceOf(MetadataFailedException.class);
  }

  @Test
  void createDirectory_existenceCheckDenied_throwsDirectoryFailed() {
    adapter.failOn("fileExists", () -> denied(Operation.EXISTS));

    DirectoryFailedException e =
        catchThrowableOfType(DirectoryFailedException.class, () -> fs.createDirectory("x/y"));

    assertThat(e.operation()).isEqualTo(Operation.CREATE_DIRECTORY);
    assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED);
    assertThat(e.getMessage()).isEqualTo("Unable to create directory 'x/y': permission denied (test denial)");
  }

  @Test
  void fileExists_denied_staysAnExistenceFailure() {
    adapter.failOn("fileExists", () -> denied(Operation.EXISTS));

    MetadataFailedException e =
        catchThrowableOfType(MetadataFailedException.class, () -> fs.fileExists("x"));

    assertThat(e.operation()).isEqualTo(Operation.EXISTS);
  }
}
