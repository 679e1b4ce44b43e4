package dev.stowage.tck;

import dev.stowage.Capability;
import dev.stowage.DeleteFailedException;
import dev.stowage.StorageException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Delete (X1–X4, X6). */
@ContractGroup("delete")
public interface DeleteContract extends KitFixture {

  /** X1: a deleted file is gone; its sibling stays. */
  @Test
  default void delete_existingFile_removesOnlyIt() {
    String d = newDirectory("x1");
    fs().write(d + "/a.txt", "a");
    fs().write(d + "/b.txt", "b");
    fs().delete(d + "/a.txt");
    FilesystemAssert.assertThat(fs())
        .hasNoFile(d + "/a.txt")
        .hasFile(d + "/b.txt", "b")
        .listsExactly(d, d + "/b.txt");
    assertStored(d + "/a.txt", null);
    assertStored(d + "/b.txt", KitData.utf8("b"));
  }

  /** X2: deleting a missing file succeeds silently, also twice. */
  @Test
  default void delete_missingFile_succeeds() {
    String d = newDirectory("x2");
    fs().delete(d + "/missing.txt");
    fs().write(d + "/once.txt", "x");
    fs().delete(d + "/once.txt");
    fs().delete(d + "/once.txt");
    FilesystemAssert.assertThat(fs()).hasNoFile(d + "/once.txt");
  }

  /** X3: files with special names are deleted exactly. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"space name.txt", "%20.txt", "日本.txt", "😀", "[x]{y}", "a+b=c&d", "q?.txt"})
  default void delete_specialName_removesExactlyIt(String name) {
    String d = newDirectory("x3");
    fs().write(d + "/" + name, name);
    fs().write(d + "/keep.txt", "keep");
    fs().delete(d + "/" + name);
    FilesystemAssert.assertThat(fs()).hasNoFile(d + "/" + name).listsExactly(d, d + "/keep.txt");
  }

  /** X4: deleting many files one by one removes them all and nothing else. */
  @Test
  default void delete_manyFiles_removesAll() {
    String d = newDirectory("x4");
    List<String> paths = ListSupport.writeMany(fs(), d + "/many", 60, 8);
    fs().write(d + "/keep.txt", "keep");
    paths.forEach(fs()::delete);
    FilesystemAssert.assertThat(fs()).isEmptyAt(d + "/many").hasFile(d + "/keep.txt", "keep");
    if (has(Capability.IMPLICIT_DIRECTORIES)) {
      FilesystemAssert.assertThat(fs()).listsExactly(d, d + "/keep.txt");
    } else {
      FilesystemAssert.assertThat(fs()).listsExactly(d, d + "/keep.txt", d + "/many");
    }
  }

  /** X6: deleting a directory (implied or created) as a file fails with IS_A_DIRECTORY, keeping it. */
  @ParameterizedTest(name = "[{index}] {0} directory")
  @ValueSource(strings = {"implied", "created"})
  default void delete_directoryPath_throwsIsADirectory(String kind) {
    String d = newDirectory("x6");
    if (kind.equals("created")) {
      fs().createDirectory(d + "/dir");
    }
    fs().write(d + "/dir/a.txt", "a");
    Expect.failure(DeleteFailedException.class, Kind.IS_A_DIRECTORY, () -> fs().delete(d + "/dir"));
    FilesystemAssert.assertThat(fs()).hasFile(d + "/dir/a.txt", "a").hasDirectory(d + "/dir");
  }
}
