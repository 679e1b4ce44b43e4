package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import org.junit.jupiter.api.Test;

/** An adapter without a visibility model reports null and refuses to set one. */
class VisibilityModeNoneTest {

  /** Memory with its visibility flags taken away and visibility stripped from stat. */
  private static final class NoVisibility extends ForwardingAdapter {
    NoVisibility(FilesystemAdapter delegate) {
      super(delegate);
    }

    @Override
    public Capabilities capabilities() {
      return super.capabilities()
          .without(Capability.VISIBILITY_PER_OBJECT, Capability.VISIBILITY_BUCKET_LEVEL);
    }

    @Override
    public FileAttributes stat(String path) {
      return super.stat(path).withVisibility(null);
    }
  }

  private final Filesystem fs = Filesystem.of(new NoVisibility(MemoryAdapter.builder().build()));

  @Test
  void visibility_modeNone_returnsNull() {
    fs.write("a.txt", "a");

    assertThat(fs.capabilities().visibilityMode()).isEqualTo(VisibilityMode.NONE);
    assertThat(fs.visibility("a.txt")).isNull();
  }

  @Test
  void visibility_modeNone_missingFile_throwsNotFound() {
    MetadataFailedException e =
        catchThrowableOfType(MetadataFailedException.class, () -> fs.visibility("missing.txt"));

    assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND);
  }

  @Test
  void setVisibility_modeNone_throwsUnsupported() {
    fs.write("a.txt", "a");

    VisibilityFailedException e =
        catchThrowableOfType(
            VisibilityFailedException.class, () -> fs.setVisibility("a.txt", Visibility.PUBLIC));

    assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED);
  }
}
