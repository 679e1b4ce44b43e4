package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stowage.Capability;
import dev.stowage.CopyFailedException;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Copy (C1–C10, C12). */
@ContractGroup("copy")
public interface CopyContract extends KitFixture {

  /** C1: the source stays and the destination has the same bytes. */
  @Test
  default void copy_file_keepsSourceAndDuplicatesBytes() {
    String d = newDirectory("c1");
    byte[] data = KitData.bytes(10_000);
    fs().write(d + "/src.bin", data);
    FileAttributes copied = fs().copy(d + "/src.bin", d + "/dst.bin");
    assertThat(copied.path()).isEqualTo(d + "/dst.bin");
    assertThat(copied.size()).isEqualTo(10_000);
    FilesystemAssert.assertThat(fs()).hasFile(d + "/src.bin", data).hasFile(d + "/dst.bin", data);
    assertStored(d + "/src.bin", data);
    assertStored(d + "/dst.bin", data);
  }

  /** C2: an existing destination is replaced. */
  @Test
  default void copy_ontoExistingFile_replacesIt() {
    String d = newDirectory("c2");
    fs().write(d + "/src.txt", "new content");
    fs().write(d + "/dst.txt", "old, longer content");
    fs().copy(d + "/src.txt", d + "/dst.txt");
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/dst.txt", "new content")
        .listsExactly(d, d + "/src.txt", d + "/dst.txt");
  }

  /** C3: a missing source fails with NOT_FOUND naming source and destination; nothing is created. */
  @Test
  default void copy_missingSource_throwsNotFound() {
    String d = newDirectory("c3");
    CopyFailedException e =
        Expect.failure(
            CopyFailedException.class,
            Kind.NOT_FOUND,
            () -> fs().copy(d + "/missing.txt", d + "/dst.txt"));
    assertThat(e.path()).isEqualTo(d + "/missing.txt");
    assertThat(e.destination()).isEqualTo(d + "/dst.txt");
    FilesystemAssert.assertThat(fs()).hasNoDirectory(d);
  }

  /** C4: a directory as the source fails; nothing is created. */
  @Test
  default void copy_directorySource_throws() {
    String d = newDirectory("c4");
    fs().write(d + "/dir/a.txt", "a");
    Expect.failure(
        CopyFailedException.class,
        Expect.kinds(Kind.IS_A_DIRECTORY, Kind.NOT_FOUND),
        () -> fs().copy(d + "/dir", d + "/dst"));
    FilesystemAssert.assertThat(fs()).listsExactly(d, d + "/dir");
  }

  /** C5: a directory as the destination fails with IS_A_DIRECTORY and leaves it intact. */
  @Test
  default void copy_ontoDirectory_throwsIsADirectory() {
    String d = newDirectory("c5");
    fs().write(d + "/src.txt", "s");
    fs().write(d + "/dir/a.txt", "a");
    Expect.failure(
        CopyFailedException.class,
        Kind.IS_A_DIRECTORY,
        () -> fs().copy(d + "/src.txt", d + "/dir"));
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/dir/a.txt", "a")
        .hasNoFile(d + "/dir")
        .listsExactly(d + "/dir", d + "/dir/a.txt");
  }

  /** C6: copying a file onto itself succeeds or fails with PRECONDITION_FAILED; the file survives. */
  @Test
  default void copy_ontoItself_keepsFile() {
    String d = newDirectory("c6");
    fs().write(d + "/self.txt", "myself");
    Throwable thrown = catchThrowable(() -> fs().copy(d + "/self.txt", d + "/./self.txt"));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(CopyFailedException.class);
      assertThat(((CopyFailedException) thrown).kind()).isEqualTo(Kind.PRECONDITION_FAILED);
    }
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/self.txt", "myself")
        .listsExactly(d, d + "/self.txt");
  }

  /** C7: copying into a missing nested directory creates it. */
  @Test
  default void copy_intoNewNestedPath_createsParents() {
    String d = newDirectory("c7");
    fs().write(d + "/src.txt", "s");
    fs().copy(d + "/src.txt", d + "/x/y/z/dst.txt");
    FilesystemAssert.assertThat(fs()).hasFile(d + "/x/y/z/dst.txt", "s").hasDirectory(d + "/x/y");
  }

  /** C8: a copy keeps the source's visibility. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Visibility.class)
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void copy_byDefault_keepsVisibility(Visibility visibility) {
    String d = newDirectory("c8");
    fs().write(d + "/src.txt", "s", WriteOptions.builder().visibility(visibility).build());
    fs().copy(d + "/src.txt", d + "/dst.txt");
    assertThat(fs().visibility(d + "/dst.txt")).isEqualTo(visibility);
  }

  /** C8: an explicit visibility replaces the source's. */
  @Test
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void copy_withVisibility_overridesSource() {
    String d = newDirectory("c8");
    fs().write(d + "/src.txt", "s", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs().copy(
            d + "/src.txt",
            d + "/dst.txt",
            WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(fs().visibility(d + "/dst.txt")).isEqualTo(Visibility.PRIVATE);
    assertThat(fs().visibility(d + "/src.txt")).isEqualTo(Visibility.PUBLIC);
  }

  /** C9: a copy keeps content type and user metadata. */
  @Test
  @Requires({Capability.CONTENT_TYPE, Capability.USER_METADATA})
  default void copy_byDefault_keepsMetadata() {
    String d = newDirectory("c9");
    fs().write(
            d + "/src.dat",
            "s",
            WriteOptions.builder()
                .contentType("application/x-stowage")
                .userMetadata("origin", "kit")
                .build());
    FileAttributes copied = fs().copy(d + "/src.dat", d + "/dst.dat");
    FileAttributes stat = fs().stat(d + "/dst.dat");
    assertThat(KitData.baseType(stat.contentType())).isEqualTo("application/x-stowage");
    assertThat(stat.userMetadata()).containsExactlyEntriesOf(Map.of("origin", "kit"));
    assertThat(copied.size()).isEqualTo(1);
  }

  /** C9: options that are set replace the source's content type and user metadata. */
  @Test
  @Requires({Capability.CONTENT_TYPE, Capability.USER_METADATA})
  default void copy_withMetadata_replacesIt() {
    String d = newDirectory("c9");
    fs().write(
            d + "/src.dat",
            "s",
            WriteOptions.builder()
                .contentType("application/x-stowage")
                .userMetadata("origin", "kit")
                .build());
    fs().copy(
            d + "/src.dat",
            d + "/dst.dat",
            WriteOptions.builder().contentType("text/csv").userMetadata("replaced", "yes").build());
    FileAttributes stat = fs().stat(d + "/dst.dat");
    assertThat(KitData.baseType(stat.contentType())).isEqualTo("text/csv");
    assertThat(stat.userMetadata()).containsExactlyEntriesOf(Map.of("replaced", "yes"));
    assertThat(fs().stat(d + "/src.dat").userMetadata())
        .containsExactlyEntriesOf(Map.of("origin", "kit"));
  }

  /** C10: names with non-ASCII and reserved characters copy exactly. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"日本語.txt", "emoji 😀.txt", "100% [draft] #1?.txt", "ünïcödé/ñ.txt"})
  default void copy_specialNames_copiesExactly(String name) {
    String d = newDirectory("c10");
    fs().write(d + "/src/" + name, name);
    fs().copy(d + "/src/" + name, d + "/dst/" + name);
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/dst/" + name, name)
        .hasFile(d + "/src/" + name, name);
  }

  /** C12: a create-only copy fails with ALREADY_EXISTS onto an existing file and works otherwise. */
  @Test
  @Requires(Capability.CREATE_ONLY)
  default void copy_createOnly_failsWhenDestinationExists() {
    String d = newDirectory("c12");
    WriteOptions createOnly = WriteOptions.builder().createOnly(true).build();
    fs().write(d + "/src.txt", "src");
    fs().write(d + "/taken.txt", "taken");
    Expect.failure(
        CopyFailedException.class,
        Kind.ALREADY_EXISTS,
        () -> fs().copy(d + "/src.txt", d + "/taken.txt", createOnly));
    fs().copy(d + "/src.txt", d + "/free.txt", createOnly);
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/taken.txt", "taken")
        .hasFile(d + "/free.txt", "src");
  }
}
