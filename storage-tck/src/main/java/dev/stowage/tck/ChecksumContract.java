package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.ChecksumFailedException;
import dev.stowage.StorageException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checksums (K1–K4): known digests, every algorithm whether native or streamed, and
 * failures.
 */
@ContractGroup("checksums")
public interface ChecksumContract extends KitFixture {

  /** K1: the default checksum of "foobar" is its MD5. */
  @Test
  default void checksum_default_isMd5OfContent() {
    String path = newDirectory("k1") + "/foobar.txt";
    fs().write(path, "foobar");
    assertThat(fs().checksum(path))
        .isEqualTo(new Checksum(ChecksumAlgorithm.MD5, "3858f62230ac3c915f300c664312c63f"));
  }

  /** K2, K4: every algorithm gives the known digest of "foobar" and of an empty file, native or not. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("dev.stowage.tck.ChecksumCases#foobar")
  default void checksum_algorithm_matchesKnownDigest(
      ChecksumAlgorithm algorithm, String foobar, String empty) {
    String d = newDirectory("k2");
    fs().write(d + "/foobar.txt", "foobar");
    fs().write(d + "/empty", new byte[0]);
    assertThat(fs().checksum(d + "/foobar.txt", algorithm))
        .isEqualTo(new Checksum(algorithm, foobar));
    assertThat(fs().checksum(d + "/empty", algorithm)).isEqualTo(new Checksum(algorithm, empty));
  }

  /** K2: algorithm names are accepted in their usual spellings. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("dev.stowage.tck.ChecksumCases#names")
  default void checksum_byName_acceptsUsualSpellings(String name, ChecksumAlgorithm algorithm) {
    String path = newDirectory("k2") + "/foobar.txt";
    fs().write(path, "foobar");
    assertThat(fs().checksum(path, name)).isEqualTo(fs().checksum(path, algorithm));
  }

  /** K2: a larger file's checksums match ones computed locally (for native and streamed algorithms). */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(ChecksumAlgorithm.class)
  default void checksum_largerFile_matchesLocalDigest(ChecksumAlgorithm algorithm) {
    String path = newDirectory("k2") + "/big.bin";
    byte[] data = KitData.bytes(1_000_003);
    fs().write(path, data);
    assertThat(fs().checksum(path, algorithm).hex()).isEqualTo(KitData.hex(algorithm, data));
  }

  /** K2: an overwrite changes the checksum (no stale native value). */
  @Test
  default void checksum_afterOverwrite_reflectsNewContent() {
    String path = newDirectory("k2") + "/changing.txt";
    fs().write(path, "before");
    fs().checksum(path);
    fs().write(path, "foobar");
    assertThat(fs().checksum(path).hex()).isEqualTo("3858f62230ac3c915f300c664312c63f");
  }

  /** K3: the checksum of a missing file fails with NOT_FOUND. */
  @Test
  default void checksum_missingFile_throwsNotFound() {
    String path = newDirectory("k3") + "/missing.txt";
    ChecksumFailedException e =
        Expect.failure(ChecksumFailedException.class, Kind.NOT_FOUND, () -> fs().checksum(path));
    assertThat(e.path()).isEqualTo(path);
  }

  /** K3: the checksum of a directory fails. */
  @Test
  default void checksum_directory_throws() {
    String d = newDirectory("k3");
    fs().write(d + "/dir/a.txt", "a");
    Expect.failure(
        ChecksumFailedException.class,
        Expect.kinds(Kind.IS_A_DIRECTORY, Kind.NOT_FOUND),
        () -> fs().checksum(d + "/dir", ChecksumAlgorithm.SHA256));
  }
}
