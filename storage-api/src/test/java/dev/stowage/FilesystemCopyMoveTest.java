package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.MemoryAdapter;
import org.junit.jupiter.api.Test;

class FilesystemCopyMoveTest {

  private final MemoryAdapter memory = MemoryAdapter.create();
  private final RecordingAdapter recording = new RecordingAdapter(memory);
  private final Filesystem fs = Filesystem.of(recording);

  private static Kind kindOf(Throwable e) {
    return ((StorageException) e).kind();
  }

  @Test
  void copy_keepsSourceAndMetadata() {
    fs.write(
        "s",
        "data",
        WriteOptions.builder()
            .contentType("text/x")
            .visibility(Visibility.PUBLIC)
            .userMetadata("k", "v")
            .build());
    FileAttributes c = fs.copy("s", "deep/new/d");
    assertThat(c.path()).isEqualTo("deep/new/d");
    assertThat(fs.readString("s")).isEqualTo("data");
    assertThat(fs.readString("deep/new/d")).isEqualTo("data");
    FileAttributes d = fs.stat("deep/new/d");
    assertThat(d.contentType()).isEqualTo("text/x");
    assertThat(d.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(d.userMetadata()).containsEntry("k", "v");
  }

  @Test
  void copy_optionsThatAreSet_replaceSourceValues() {
    fs.write(
        "s",
        "data",
        WriteOptions.builder().contentType("text/x").visibility(Visibility.PUBLIC).build());
    fs.copy("s", "d", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(fs.stat("d").visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(fs.stat("d").contentType()).isEqualTo("text/x");
    fs.copy("s", "e", WriteOptions.builder().contentType("text/y").build());
    assertThat(fs.stat("e").contentType()).isEqualTo("text/y");
    assertThat(fs.stat("e").visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void copy_overwritesDestination() {
    fs.write("s", "new");
    fs.write("d", "old");
    fs.copy("s", "d");
    assertThat(fs.readString("d")).isEqualTo("new");
  }

  @Test
  void copyAndMove_missingSource_failNotFound() {
    assertThatThrownBy(() -> fs.copy("none", "d"))
        .isInstanceOf(CopyFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
    assertThatThrownBy(() -> fs.move("none", "d"))
        .isInstanceOf(MoveFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void copyAndMove_directorySource_failIsADirectory() {
    fs.write("dir/f", "x");
    assertThatThrownBy(() -> fs.copy("dir", "d"))
        .isInstanceOf(CopyFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThatThrownBy(() -> fs.move("dir", "d"))
        .isInstanceOf(MoveFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
  }

  @Test
  void copyAndMove_ontoDirectory_failIsADirectory() {
    fs.write("s", "x");
    fs.write("dir/f", "x");
    assertThatThrownBy(() -> fs.copy("s", "dir"))
        .isInstanceOf(CopyFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThatThrownBy(() -> fs.move("s", "dir"))
        .isInstanceOf(MoveFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThat(fs.fileExists("s")).isTrue();
  }

  @Test
  void move_removesSourceAndOverwritesDestination() {
    fs.write("s", "moving", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs.write("d", "old");
    fs.move("s", "d");
    assertThat(fs.fileExists("s")).isFalse();
    assertThat(fs.readString("d")).isEqualTo("moving");
    assertThat(fs.visibility("d")).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void samePathIgnore_isNoOpReturningStat() {
    fs.write("s", "x");
    recording.clear();
    FileAttributes a = fs.copy("s", "./s");
    assertThat(a.path()).isEqualTo("s");
    assertThat(fs.move("s", "/s").path()).isEqualTo("s");
    assertThat(fs.readString("s")).isEqualTo("x");
    assertThat(recording.calls()).doesNotContain("copy s", "move s");
  }

  @Test
  void samePathIgnore_missingSource_failsNotFoundAsCopy() {
    assertThatThrownBy(() -> fs.copy("none", "none"))
        .isInstanceOf(CopyFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void samePathTry_passesToAdapter() {
    Filesystem f = Filesystem.builder(recording).samePathPolicy(SamePathPolicy.TRY).build();
    f.write("s", "x");
    f.move("s", "s");
    assertThat(recording.calls()).contains("move s");
    assertThat(f.readString("s")).isEqualTo("x");
  }

  @Test
  void delete_directoryPath_failsIsADirectoryAndKeepsIt() {
    fs.write("dir/f", "x");
    fs.createDirectory("made");
    assertThatThrownBy(() -> fs.delete("dir"))
        .isInstanceOf(DeleteFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThatThrownBy(() -> fs.delete("made/"))
        .isInstanceOf(DeleteFailedException.class)
        .extracting(FilesystemCopyMoveTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThat(fs.fileExists("dir/f")).isTrue();
    assertThat(recording.calls()).doesNotContain("delete dir", "delete made");
  }

  @Test
  void delete_fileSharingItsNameWithADirectory_deletesTheFile() {
    Filesystem unchecked = Filesystem.builder(memory).checkDirectoryConflicts(false).build();
    unchecked.write("both/f", "x");
    unchecked.write("both", "y");
    fs.delete("both");
    assertThat(fs.fileExists("both")).isFalse();
    assertThat(fs.fileExists("both/f")).isTrue();
  }

  @Test
  void at_viewIsConfinedAndRelative() {
    fs.write("tenant/a.txt", "x");
    Filesystem view = fs.at("tenant/");
    assertThat(view.readString("a.txt")).isEqualTo("x");
    view.write("sub/b.txt", "y");
    assertThat(fs.readString("tenant/sub/b.txt")).isEqualTo("y");
    assertThat(view.list("", true).toList())
        .extracting(StorageAttributes::path)
        .containsExactly("a.txt", "sub", "sub/b.txt");
    assertThat(view.stat("sub/b.txt").path()).isEqualTo("sub/b.txt");
    assertThatThrownBy(() -> view.read("../tenant/a.txt"))
        .isInstanceOf(PathRejectedException.class);
    assertThatThrownBy(() -> view.read("missing"))
        .isInstanceOf(ReadFailedException.class)
        .extracting(e -> ((StorageException) e).path())
        .isEqualTo("missing");
  }

  @Test
  void at_closingTheViewKeepsTheParentOpen() {
    boolean[] closed = {false};
    Filesystem parent =
        Filesystem.of(
            new dev.stowage.spi.ForwardingAdapter(memory) {
              @Override
              public void close() {
                closed[0] = true;
              }
            });
    parent.at("x").close();
    assertThat(closed[0]).isFalse();
    parent.close();
    assertThat(closed[0]).isTrue();
  }
}
