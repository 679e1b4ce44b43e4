package dev.stowage.decorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Capability;
import dev.stowage.CopyFailedException;
import dev.stowage.FailingAdapter;
import dev.stowage.Filesystem;
import dev.stowage.MoveFailedException;
import dev.stowage.PathRejectedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.memory.MemoryAdapter;
import org.junit.jupiter.api.Test;

class MountManagerTest {

  private final dev.stowage.memory.CountingMultipartListener leftUploads =
      new dev.stowage.memory.CountingMultipartListener();
  private final MemoryAdapter left = MemoryAdapter.builder().multipartListener(leftUploads).build();
  private final MemoryAdapter right = MemoryAdapter.create();
  private final MountManager mm =
      MountManager.builder()
          .mount("left", Filesystem.of(left))
          .mount("right", Filesystem.of(right))
          .build();

  @Test
  void routes_byMountName() {
    mm.write("left://a/b.txt", "L");
    mm.write("right://a/b.txt", "R");
    assertThat(Filesystem.of(left).readString("a/b.txt")).isEqualTo("L");
    assertThat(mm.readString("right://a/b.txt")).isEqualTo("R");
    assertThat(mm.fileExists("left://a/b.txt")).isTrue();
    assertThat(mm.directoryExists("right://a")).isTrue();
  }

  @Test
  void unknownMountOrMissingScheme_isRejected() {
    assertThatThrownBy(() -> mm.read("nope://x"))
        .isInstanceOf(PathRejectedException.class)
        .hasMessageContaining("no mount named 'nope'");
    assertThatThrownBy(() -> mm.read("plain/path")).isInstanceOf(PathRejectedException.class);
    assertThatThrownBy(() -> mm.read("://x")).isInstanceOf(PathRejectedException.class);
  }

  @Test
  void listing_isReprefixed() {
    mm.write("left://d/1", "x");
    mm.write("left://d/e/2", "x");
    assertThat(mm.list("left://d", true).toList())
        .extracting(StorageAttributes::path)
        .containsExactly("left://d/1", "left://d/e", "left://d/e/2");
  }

  @Test
  void crossMountCopy_streamsAndCarriesVisibilityAndContentType() {
    mm.write(
        "left://s.bin",
        new byte[] {1, 2, 3},
        WriteOptions.builder()
            .visibility(Visibility.PUBLIC)
            .contentType("image/x-test")
            .cacheControl("max-age=9")
            .build());
    mm.copy("left://s.bin", "right://copied/d.bin");
    assertThat(mm.read("right://copied/d.bin")).containsExactly(1, 2, 3);
    assertThat(mm.visibility("right://copied/d.bin")).isEqualTo(Visibility.PUBLIC);
    assertThat(mm.mimeType("right://copied/d.bin")).isEqualTo("image/x-test");
    assertThat(mm.stat("right://copied/d.bin").cacheControl()).isEqualTo("max-age=9");
    assertThat(mm.fileExists("left://s.bin")).isTrue();
  }

  @Test
  void crossMountCopy_optionsOverrideCarriedValues() {
    mm.write("left://s", "x", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    mm.copy("left://s", "right://d", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(mm.visibility("right://d")).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void crossMountMove_copiesThenDeletes() {
    mm.write("left://s", "moving");
    mm.move("left://s", "right://d");
    assertThat(mm.fileExists("left://s")).isFalse();
    assertThat(mm.readString("right://d")).isEqualTo("moving");
  }

  @Test
  void crossMountMove_failedDelete_keepsDestinationAndReportsMoveFailure() {
    Filesystem.of(left).write("s", "x");
    MountManager failing =
        MountManager.builder()
            .mount(
                "left",
                Filesystem.of(
                    new FailingAdapter(left)
                        .failOn("delete", () -> new IllegalStateException("delete broke"))))
            .mount("right", Filesystem.of(right))
            .build();
    assertThatThrownBy(() -> failing.move("left://s", "right://d"))
        .isInstanceOf(MoveFailedException.class);
    assertThat(Filesystem.of(right).fileExists("d")).isTrue();
    assertThat(Filesystem.of(left).fileExists("s")).isTrue();
  }

  @Test
  void crossMountCopy_missingSource_isCopyFailureNotFound() {
    assertThatThrownBy(() -> mm.copy("left://none", "right://d"))
        .isInstanceOf(CopyFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void sameMountCopyAndMove_areDelegated() {
    mm.write("left://s", "x");
    mm.copy("left://s", "left://c");
    mm.move("left://c", "left://m");
    assertThat(Filesystem.of(left).fileExists("m")).isTrue();
    assertThat(leftUploads.partsUploaded()).isZero();
  }

  @Test
  void at_returnsAViewOfOneMount() {
    mm.write("right://deep/dir/f", "x");
    Filesystem view = mm.at("right://deep");
    assertThat(view.readString("dir/f")).isEqualTo("x");
  }

  @Test
  void capabilities_areWhatEveryMountCan() {
    MountManager mixed =
        MountManager.builder()
            .mount("mem", Filesystem.of(left))
            .mount("ro", Filesystem.of(new ReadOnlyAdapter(right)))
            .build();
    assertThat(mixed.capabilities().has(Capability.WRITE)).isFalse();
    assertThat(mixed.capabilities().has(Capability.RANGE_READ)).isTrue();
  }

  @Test
  void builder_validatesNames() {
    assertThatThrownBy(() -> MountManager.builder().mount("a:b", Filesystem.of(left)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                MountManager.builder()
                    .mount("x", Filesystem.of(left))
                    .mount("x", Filesystem.of(right)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MountManager.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
