package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.Filesystem;
import dev.stowage.Operation;
import dev.stowage.PathRejectedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paths and names (P1–P11): normalisation, traversal, control characters, and names
 * that must round-trip byte for byte through writes, reads and listings.
 */
@ContractGroup("paths")
public interface PathContract extends KitFixture {

  /**
   * P1, P3: leading, trailing, repeated and dot segments, and backslashes, normalise away. A write
   * target with a trailing slash names a directory (W8), so those spellings are only read.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("dev.stowage.tck.PathCases#equivalentSpellings")
  default void path_equivalentSpelling_resolvesToSameFile(String spelling) {
    String dir = newDirectory("p1");
    byte[] data = KitData.utf8("p1 " + spelling);
    boolean trailing = spelling.endsWith("/") || spelling.endsWith("\\");
    fs().write(dir + "/" + (trailing ? "d/a.txt" : spelling), data);
    assertThat(fs().fileExists(dir + "/" + spelling)).isTrue();
    assertThat(fs().stat(dir + "/" + spelling).path()).isEqualTo(dir + "/d/a.txt");
    FilesystemAssert.assertThat(fs()).hasFile(dir + "/d/a.txt", data);
    assertThat(fs().read(dir + "/" + spelling)).isEqualTo(data);
    FilesystemAssert.assertThat(fs()).listsExactly(dir + "/d", dir + "/d/a.txt");
  }

  /** P2: {@code ..} that stays inside the root resolves. */
  @Test
  default void path_dotDotInsideRoot_resolves() {
    String dir = newDirectory("p2");
    fs().write(dir + "/x/y/../../a.txt", "inside");
    FilesystemAssert.assertThat(fs()).hasFile(dir + "/a.txt", "inside").hasNoDirectory(dir + "/x");
  }

  /** P2: {@code ..} climbing above the root fails with a path error before any I/O. */
  @Test
  default void path_dotDotAboveRoot_throwsPathRejected() {
    String dir = newDirectory("p2");
    PathRejectedException e =
        Expect.failure(
            PathRejectedException.class,
            Kind.INVALID_INPUT,
            () -> fs().write(dir + "/../../escaped.txt", "no"));
    assertThat(e.operation()).isEqualTo(Operation.PATH);
    FilesystemAssert.assertThat(fs()).hasNoDirectory(dir).hasNoFile("escaped.txt");
  }

  /** P4: a control character anywhere in a path is rejected, and the message shows it escaped. */
  @ParameterizedTest(name = "[{index}] U+{0}")
  @MethodSource("dev.stowage.tck.PathCases#controlCharacters")
  default void path_controlCharacter_throwsPathRejected(String control) {
    String dir = newDirectory("p4");
    String path = dir + "/bad" + control + "name.txt";
    Expect.failure(PathRejectedException.class, Kind.INVALID_INPUT, () -> fs().write(path, "x"));
    Expect.failure(PathRejectedException.class, Kind.INVALID_INPUT, () -> fs().read(path));
    Expect.failure(PathRejectedException.class, Kind.INVALID_INPUT, () -> fs().fileExists(path));
    FilesystemAssert.assertThat(fs()).hasNoDirectory(dir);
  }

  /** P5–P8: a name round-trips as a file name and as a directory name, in reads and listings. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("dev.stowage.tck.PathCases#portableNames")
  default void name_portable_roundTripsAsFileAndDirectory(String name) {
    assertRoundTrip(fs(), newDirectory("p5"), name);
  }

  /** P10: {@code a..b}, {@code ..txt} and friends are ordinary names, not traversal. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("dev.stowage.tck.PathCases#dotNames")
  default void name_withDots_isOrdinaryName(String name) {
    assertRoundTrip(fs(), newDirectory("p10"), name);
  }

  /** P9: leading/trailing spaces and trailing dots round-trip, or are rejected before any I/O. */
  @ParameterizedTest(name = "[{index}] ''{0}''")
  @MethodSource("dev.stowage.tck.PathCases#edgeWhitespaceNames")
  default void name_edgeWhitespace_roundTripsOrIsRejected(String name) {
    String dir = newDirectory("p9");
    String path = dir + "/" + name;
    try {
      fs().write(path, "edge");
    } catch (PathRejectedException e) {
      assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
      FilesystemAssert.assertThat(fs()).hasNoDirectory(dir);
      return;
    }
    FilesystemAssert.assertThat(fs()).hasFile(path, "edge").listsExactly(dir, path);
  }

  /** P11: a path longer than maxPathBytes fails before any I/O. */
  @Test
  default void path_longerThanLimit_throwsPathRejected() {
    String dir = newDirectory("p11");
    String path =
        HostileCases.longPath(
            dir + "/", capabilities().maxPathBytes() + 1, capabilities().maxSegmentBytes());
    Expect.failure(PathRejectedException.class, Kind.INVALID_INPUT, () -> fs().write(path, "x"));
    FilesystemAssert.assertThat(fs()).hasNoDirectory(dir);
  }

  /** P11: a segment of exactly maxSegmentBytes is accepted; one byte more is rejected. */
  @Test
  default void segment_atLimit_acceptedAndBeyondRejected() {
    int limit = capabilities().maxSegmentBytes();
    assumeTrue(
        capabilities().maxPathBytes() - limit >= 256,
        "requires maxPathBytes at least 256 bytes above maxSegmentBytes (room for the kit's root)");
    String dir = newDirectory("p11");
    String atLimit = dir + "/" + "s".repeat(limit);
    fs().write(atLimit, "ok");
    FilesystemAssert.assertThat(fs()).hasFile(atLimit, "ok");
    String beyond = dir + "/" + "t".repeat(limit + 1);
    Expect.failure(PathRejectedException.class, Kind.INVALID_INPUT, () -> fs().write(beyond, "x"));
    FilesystemAssert.assertThat(fs()).listsExactly(dir, atLimit);
  }

  /** Writes {@code dir/name/name}, then checks reads, existence and both listing levels. */
  private static void assertRoundTrip(Filesystem fs, String dir, String name) {
    String sub = dir + "/" + name;
    String file = sub + "/" + name;
    byte[] data = KitData.utf8("content of " + name);
    fs.write(file, data);
    FilesystemAssert.assertThat(fs).hasFile(file, data).hasDirectory(sub);
    assertThat(fs.stat(file).path()).isEqualTo(file);
    List<StorageAttributes> top = fs.list(dir).toList();
    assertThat(top).extracting(StorageAttributes::path).containsExactly(sub);
    assertThat(top.get(0).isDirectory()).as("%s is a directory", sub).isTrue();
    List<StorageAttributes> inner = fs.list(sub).toList();
    assertThat(inner).extracting(StorageAttributes::path).containsExactly(file);
    assertThat(inner.get(0).isFile()).as("%s is a file", file).isTrue();
    List<String> deep =
        fs.list(dir, true).toList().stream()
            .filter(StorageAttributes::isFile)
            .map(StorageAttributes::path)
            .collect(Collectors.toList());
    assertThat(deep).containsExactly(file);
  }
}
