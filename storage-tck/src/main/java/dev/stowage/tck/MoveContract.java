package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stowage.Capability;
import dev.stowage.FileAttributes;
import dev.stowage.MoveFailedException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import org.junit.jupiter.api.Test;

/** Move (V1–V6). */
@ContractGroup("move")
public interface MoveContract extends KitFixture {

  /** V1: the source is gone and the destination has its bytes. */
  @Test
  default void move_file_relocatesIt() {
    String d = newDirectory("v1");
    byte[] data = KitData.bytes(5000);
    fs().write(d + "/src.bin", data);
    FileAttributes moved = fs().move(d + "/src.bin", d + "/dst.bin");
    assertThat(moved.path()).isEqualTo(d + "/dst.bin");
    assertThat(moved.size()).isEqualTo(5000);
    FilesystemAssert.assertThat(fs())
        .hasNoFile(d + "/src.bin")
        .hasFile(d + "/dst.bin", data)
        .listsExactly(d, d + "/dst.bin");
    assertStored(d + "/src.bin", null);
    assertStored(d + "/dst.bin", data);
  }

  /** V2: a missing source fails with NOT_FOUND; nothing is created. */
  @Test
  default void move_missingSource_throwsNotFound() {
    String d = newDirectory("v2");
    MoveFailedException e =
        Expect.failure(
            MoveFailedException.class,
            Kind.NOT_FOUND,
            () -> fs().move(d + "/missing.txt", d + "/dst.txt"));
    assertThat(e.path()).isEqualTo(d + "/missing.txt");
    assertThat(e.destination()).isEqualTo(d + "/dst.txt");
    FilesystemAssert.assertThat(fs()).hasNoDirectory(d);
  }

  /** V3: an existing destination is replaced. */
  @Test
  default void move_ontoExistingFile_replacesIt() {
    String d = newDirectory("v3");
    fs().write(d + "/src.txt", "new");
    fs().write(d + "/dst.txt", "old and longer");
    fs().move(d + "/src.txt", d + "/dst.txt");
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/dst.txt", "new")
        .listsExactly(d, d + "/dst.txt");
  }

  /** V4: moving a file onto itself succeeds or fails with PRECONDITION_FAILED; the file survives. */
  @Test
  default void move_ontoItself_keepsFile() {
    String d = newDirectory("v4");
    fs().write(d + "/self.txt", "myself");
    Throwable thrown = catchThrowable(() -> fs().move(d + "/self.txt", d + "/sub/../self.txt"));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MoveFailedException.class);
      assertThat(((MoveFailedException) thrown).kind()).isEqualTo(Kind.PRECONDITION_FAILED);
    }
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/self.txt", "myself")
        .listsExactly(d, d + "/self.txt");
  }

  /** V5: a move keeps visibility, and an explicit one replaces it. */
  @Test
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void move_visibility_keptOrOverridden() {
    String d = newDirectory("v5");
    fs().write(d + "/a.txt", "a", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs().write(d + "/b.txt", "b", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs().move(d + "/a.txt", d + "/a2.txt");
    fs().move(
            d + "/b.txt",
            d + "/b2.txt",
            WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(fs().visibility(d + "/a2.txt")).isEqualTo(Visibility.PUBLIC);
    assertThat(fs().visibility(d + "/b2.txt")).isEqualTo(Visibility.PRIVATE);
  }

  /** V5: a move keeps the content type. */
  @Test
  @Requires(Capability.CONTENT_TYPE)
  default void move_byDefault_keepsContentType() {
    String d = newDirectory("v5");
    fs().write(
            d + "/a.dat", "a", WriteOptions.builder().contentType("application/x-stowage").build());
    fs().move(d + "/a.dat", d + "/b.dat");
    assertThat(KitData.baseType(fs().stat(d + "/b.dat").contentType()))
        .isEqualTo("application/x-stowage");
  }

  /** V6: moving into a missing nested directory creates it; the old parent follows its semantics. */
  @Test
  default void move_intoNewNestedPath_createsParents() {
    String d = newDirectory("v6");
    fs().write(d + "/old/src.txt", "s");
    fs().move(d + "/old/src.txt", d + "/new/deep/dst.txt");
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/new/deep/dst.txt", "s")
        .hasNoFile(d + "/old/src.txt");
    assertThat(fs().directoryExists(d + "/old")).isEqualTo(!has(Capability.IMPLICIT_DIRECTORIES));
  }

  /** A directory as the destination fails with IS_A_DIRECTORY; the source stays. */
  @Test
  default void move_ontoDirectory_throwsIsADirectory() {
    String d = newDirectory("v3");
    fs().write(d + "/src.txt", "s");
    fs().createDirectory(d + "/dir");
    Expect.failure(
        MoveFailedException.class,
        Kind.IS_A_DIRECTORY,
        () -> fs().move(d + "/src.txt", d + "/dir"));
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/src.txt", "s")
        .hasDirectory(d + "/dir")
        .isEmptyAt(d + "/dir");
  }
}
