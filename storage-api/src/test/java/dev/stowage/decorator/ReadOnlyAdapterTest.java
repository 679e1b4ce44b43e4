package dev.stowage.decorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.Filesystem;
import dev.stowage.RecordingAdapter;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.WriteSource;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReadOnlyAdapterTest {

  private final MemoryAdapter memory = MemoryAdapter.create();
  private final RecordingAdapter recording = new RecordingAdapter(memory);
  private final ReadOnlyAdapter readOnly = new ReadOnlyAdapter(recording);
  private final Filesystem fs = Filesystem.of(readOnly);

  private void assertUnsupported(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.UNSUPPORTED);
  }

  private void assertRefused(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).kind())
        .isEqualTo(Kind.UNSUPPORTED);
  }

  @Test
  void capabilities_dropWriteAndUploadTickets() {
    assertThat(readOnly.capabilities().features())
        .doesNotContain(Capability.WRITE, Capability.PREPARE_UPLOAD, Capability.CREATE_ONLY)
        .contains(Capability.RANGE_READ, Capability.CONTENT_TYPE);
  }

  @Test
  void everyMutator_throwsUnsupportedWithoutTouchingTheBackend() {
    Filesystem.of(memory).write("f", "x");
    assertUnsupported(() -> fs.write("f", "y"));
    assertUnsupported(() -> fs.copy("f", "g"));
    assertUnsupported(() -> fs.move("f", "g"));
    assertUnsupported(() -> fs.delete("f"));
    assertUnsupported(() -> fs.setVisibility("f", Visibility.PUBLIC));
    assertUnsupported(() -> fs.createDirectory("d"));
    assertUnsupported(() -> fs.deleteDirectory("d"));
    assertUnsupported(() -> fs.prepareUpload("f", Duration.ofMinutes(1), null));
    assertThat(recording.calls()).isEmpty();
    assertThat(Filesystem.of(memory).readString("f")).isEqualTo("x");
  }

  @Test
  void mutatorsCalledDirectly_alsoRefuse() {
    assertRefused(() -> readOnly.write("f", WriteSource.of(new byte[0]), WriteOptions.DEFAULT));
    assertRefused(() -> readOnly.delete("f"));
    assertRefused(() -> readOnly.deleteDirectory("d"));
    assertThat(recording.calls()).isEmpty();
  }

  @Test
  void reads_passThrough() {
    Filesystem.of(memory).write("dir/f", "content");
    assertThat(fs.readString("dir/f")).isEqualTo("content");
    assertThat(fs.list("dir").toList()).hasSize(1);
    assertThat(fs.checksum("dir/f", ChecksumAlgorithm.SHA256).hex()).hasSize(64);
    assertThat(fs.fileExists("dir/f")).isTrue();
  }
}
