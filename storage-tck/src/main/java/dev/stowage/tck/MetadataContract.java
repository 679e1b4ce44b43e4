package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.MetadataFailedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Existence and metadata (M1–M8, M10). */
@ContractGroup("metadata")
public interface MetadataContract extends KitFixture {

  /** M1: fileExists follows the file through write and delete. */
  @Test
  default void fileExists_afterWriteAndDelete_tracksFile() {
    String path = newDirectory("m1") + "/a.txt";
    assertThat(fs().fileExists(path)).isFalse();
    assertThat(fs().exists(path)).isFalse();
    fs().write(path, "a");
    assertThat(fs().fileExists(path)).isTrue();
    assertThat(fs().exists(path)).isTrue();
    fs().delete(path);
    assertThat(fs().fileExists(path)).isFalse();
    assertThat(fs().exists(path)).isFalse();
  }

  /** M2: fileExists is false for directories, directoryExists false for files; exists true for both. */
  @Test
  default void exists_filesAndDirectories_areDistinguished() {
    String dir = newDirectory("m2");
    fs().write(dir + "/sub/a.txt", "a");
    fs().createDirectory(dir + "/made");
    assertThat(fs().fileExists(dir + "/sub")).isFalse();
    assertThat(fs().fileExists(dir + "/made")).isFalse();
    assertThat(fs().directoryExists(dir + "/sub/a.txt")).isFalse();
    assertThat(fs().directoryExists(dir + "/sub")).isTrue();
    assertThat(fs().directoryExists(dir + "/made")).isTrue();
    assertThat(fs().exists(dir + "/sub")).isTrue();
    assertThat(fs().exists(dir + "/made")).isTrue();
    assertThat(fs().exists(dir + "/sub/a.txt")).isTrue();
  }

  /** M3: fileSize is exact. */
  @ParameterizedTest(name = "[{index}] {0} bytes")
  @ValueSource(ints = {0, 1, 1000, 123_457})
  default void fileSize_ofFile_isExact(int size) {
    String path = newDirectory("m3") + "/a.bin";
    fs().write(path, KitData.bytes(size));
    assertThat(fs().fileSize(path)).isEqualTo(size);
    assertThat(fs().stat(path).size()).isEqualTo(size);
  }

  /** M3, M6, M8: metadata of a directory fails; the directory is never reported as a file. */
  @Test
  default void stat_directory_throwsAndIsNeverAFile() {
    String dir = newDirectory("m6");
    fs().write(dir + "/implied/a.txt", "a");
    fs().createDirectory(dir + "/made");
    for (String d : List.of(dir + "/implied", dir + "/made", dir + "/implied/")) {
      Expect.failure(
          MetadataFailedException.class,
          Expect.kinds(Kind.IS_A_DIRECTORY, Kind.NOT_FOUND),
          () -> fs().stat(d));
      Expect.failure(
          MetadataFailedException.class,
          Expect.kinds(Kind.IS_A_DIRECTORY, Kind.NOT_FOUND),
          () -> fs().fileSize(d));
    }
    List<StorageAttributes> listed = fs().list(dir).sortByPath().toList();
    assertThat(listed)
        .extracting(StorageAttributes::path)
        .containsExactly(dir + "/implied", dir + "/made");
    assertThat(listed).allMatch(StorageAttributes::isDirectory);
  }

  /** M4: lastModified is a plausible current time (not zero, not in another unit). */
  @Test
  @Requires(Capability.LAST_MODIFIED)
  default void lastModified_newFile_isNearNow() {
    String path = newDirectory("m4") + "/a.txt";
    fs().write(path, "a");
    Instant modified = fs().lastModified(path);
    assertThat(modified)
        .isBetween(
            Instant.now().minus(Duration.ofMinutes(10)),
            Instant.now().plus(Duration.ofMinutes(10)));
    assertThat(fs().stat(path).lastModified()).isEqualTo(modified);
  }

  /** M5: every metadata read of a missing file fails with NOT_FOUND. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"stat", "fileSize", "lastModified", "mimeType", "visibility"})
  default void metadata_missingFile_throwsNotFound(String call) {
    String path = newDirectory("m5") + "/missing.txt";
    StorageException e =
        Expect.failure(
            MetadataFailedException.class,
            Kind.NOT_FOUND,
            () -> {
              switch (call) {
                case "stat":
                  fs().stat(path);
                  break;
                case "fileSize":
                  fs().fileSize(path);
                  break;
                case "lastModified":
                  fs().lastModified(path);
                  break;
                case "mimeType":
                  fs().mimeType(path);
                  break;
                default:
                  fs().visibility(path);
              }
            });
    assertThat(e.path()).isEqualTo(path);
  }

  /** M6: a parent implied by a nested write is a directory in existence checks and listings. */
  @Test
  default void directoryExists_impliedParent_isTrue() {
    String dir = newDirectory("m6");
    fs().write(dir + "/a/b/c.txt", "c");
    FilesystemAssert.assertThat(fs())
        .hasDirectory(dir)
        .hasDirectory(dir + "/a")
        .hasDirectory(dir + "/a/b")
        .hasNoFile(dir + "/a")
        .hasNoDirectory(dir + "/a/b/c.txt")
        .hasNoDirectory(dir + "/a/b/c");
  }

  /** M7: the root is a directory. */
  @Test
  default void root_isADirectory() {
    assertThat(fs().directoryExists("")).isTrue();
    assertThat(fs().exists("")).isTrue();
    assertThat(fs().directoryExists("/")).isTrue();
  }

  /** M10: declared ETags and version ids are present; stored checksums match the content. */
  @Test
  default void stat_declaredExtras_arePresentAndCorrect() {
    String path = newDirectory("m10") + "/a.txt";
    fs().write(path, "foobar");
    FileAttributes stat = fs().stat(path);
    if (has(Capability.ETAG)) {
      assertThat(stat.etag()).as("etag").isNotBlank().doesNotContain("\"");
    }
    if (has(Capability.VERSION_ID)) {
      assertThat(stat.version()).as("version").isNotBlank();
    }
    for (ChecksumAlgorithm algorithm :
        Set.of(ChecksumAlgorithm.MD5, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
      if (stat.checksums().containsKey(algorithm)) {
        assertThat(stat.checksums().get(algorithm))
            .as("stored %s", algorithm)
            .isEqualTo(KitData.hex(algorithm.standardName(), KitData.utf8("foobar")));
      }
    }
  }
}
