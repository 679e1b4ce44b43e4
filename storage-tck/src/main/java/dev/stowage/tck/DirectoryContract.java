package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.Capability;
import dev.stowage.StorageAttributes;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Directories (D1–D8). */
@ContractGroup("directories")
public interface DirectoryContract extends KitFixture {

  /** D1, D3: a created directory exists, is listed by its parent, and is empty. */
  @Test
  default void createDirectory_new_isListableAndEmpty() {
    String d = newDirectory("d1");
    fs().createDirectory(d + "/new");
    FilesystemAssert.assertThat(fs())
        .hasDirectory(d + "/new")
        .hasNoFile(d + "/new")
        .listsExactly(d, d + "/new")
        .isEmptyAt(d + "/new");
    assertThat(fs().list(d).toList()).allMatch(StorageAttributes::isDirectory);
  }

  /** D2: creating a directory twice, or one that has files, succeeds and changes nothing. */
  @Test
  default void createDirectory_existing_isIdempotent() {
    String d = newDirectory("d2");
    fs().createDirectory(d + "/x");
    fs().createDirectory(d + "/x");
    fs().write(d + "/y/file.txt", "f");
    fs().createDirectory(d + "/y");
    FilesystemAssert.assertThat(fs())
        .listsExactly(d, d + "/x", d + "/y")
        .listsExactly(d + "/y", d + "/y/file.txt")
        .hasFile(d + "/y/file.txt", "f");
  }

  /** D2: creating a nested directory creates its parents. */
  @Test
  default void createDirectory_nested_createsParents() {
    String d = newDirectory("d2");
    fs().createDirectory(d + "/a/b/c");
    FilesystemAssert.assertThat(fs())
        .hasDirectory(d + "/a")
        .hasDirectory(d + "/a/b")
        .hasDirectory(d + "/a/b/c")
        .listsExactly(d + "/a", d + "/a/b");
  }

  /** D3: a directory implied by a nested file exists. */
  @Test
  default void directoryExists_afterNestedWrite_isTrue() {
    String d = newDirectory("d3");
    assertThat(fs().directoryExists(d)).isFalse();
    fs().write(d + "/p/q/r.txt", "r");
    FilesystemAssert.assertThat(fs())
        .hasDirectory(d)
        .hasDirectory(d + "/p")
        .hasDirectory(d + "/p/q");
  }

  /** D4: deleteDirectory removes every descendant and the directory itself. */
  @Test
  default void deleteDirectory_withContents_removesEverything() {
    String d = ListSupport.tree(fs(), newDirectory("d4"));
    fs().deleteDirectory(d);
    FilesystemAssert.assertThat(fs())
        .hasNoDirectory(d)
        .hasNoFile(d + "/a.txt")
        .hasNoFile(d + "/sub/deeper/e.txt")
        .hasNoDirectory(d + "/made")
        .isEmptyAt(d);
  }

  /** D4: deleting a created empty directory removes its marker. */
  @Test
  default void deleteDirectory_emptyCreated_isGone() {
    String d = newDirectory("d4");
    fs().createDirectory(d + "/empty");
    fs().deleteDirectory(d + "/empty");
    FilesystemAssert.assertThat(fs()).hasNoDirectory(d + "/empty").isEmptyAt(d);
  }

  /** D5: deleting a missing directory succeeds. */
  @Test
  default void deleteDirectory_missing_succeeds() {
    String d = newDirectory("d5");
    fs().deleteDirectory(d + "/never/was");
    FilesystemAssert.assertThat(fs()).hasNoDirectory(d);
  }

  /** D6: deleting {@code a} leaves {@code ab/}, {@code a.txt} and {@code ab.txt} alone. */
  @Test
  default void deleteDirectory_siblingsWithCommonPrefix_untouched() {
    String d = newDirectory("d6");
    for (String p : List.of("a/in.txt", "ab/keep.txt", "a.txt", "ab.txt", "a-/keep.txt", "a0")) {
      fs().write(d + "/" + p, p);
    }
    fs().deleteDirectory(d + "/a");
    FilesystemAssert.assertThat(fs())
        .hasNoDirectory(d + "/a")
        .listsExactly(d, d + "/ab", d + "/a.txt", d + "/ab.txt", d + "/a-", d + "/a0")
        .hasFile(d + "/ab/keep.txt", "ab/keep.txt")
        .hasFile(d + "/a-/keep.txt", "a-/keep.txt");
  }

  /**
   * D7: deleting the last file of an implied directory removes the directory where directories
   * are implicit, and keeps it where they are real. A created directory always stays.
   */
  @Test
  default void delete_lastFileOfDirectory_directoryFollowsDeclaredSemantics() {
    String d = newDirectory("d7");
    fs().write(d + "/implied/only.txt", "x");
    fs().createDirectory(d + "/made");
    fs().write(d + "/made/only.txt", "x");
    fs().delete(d + "/implied/only.txt");
    fs().delete(d + "/made/only.txt");
    if (has(Capability.IMPLICIT_DIRECTORIES)) {
      FilesystemAssert.assertThat(fs()).hasNoDirectory(d + "/implied").listsExactly(d, d + "/made");
    } else {
      FilesystemAssert.assertThat(fs())
          .hasDirectory(d + "/implied")
          .listsExactly(d, d + "/implied", d + "/made");
    }
    FilesystemAssert.assertThat(fs()).hasDirectory(d + "/made").isEmptyAt(d + "/made");
  }

  /** D8: deleting a directory of more than 1000 files (several batches) removes them all. */
  @Test
  @Tag("slow")
  default void deleteDirectory_moreThanOneBatch_removesEverything() {
    assumeTrue(slowCasesEnabled(), "slow cases are off (stowage.tck.slow=false)");
    String d = newDirectory("d8");
    ListSupport.writeMany(fs(), d + "/bulk", 1050, 16);
    fs().write(d + "/bulk/nested/deeper.txt", "x");
    fs().write(d + "/sibling.txt", "stay");
    fs().deleteDirectory(d + "/bulk");
    FilesystemAssert.assertThat(fs())
        .hasNoDirectory(d + "/bulk")
        .isEmptyAt(d + "/bulk")
        .listsExactly(d, d + "/sibling.txt");
  }
}
