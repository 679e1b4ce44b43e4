package dev.stowage.tck;

import dev.stowage.ChecksumAlgorithm;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Known checksums (K1, K2). */
final class ChecksumCases {

  private ChecksumCases() {}

  /** Rows of (algorithm, digest of "foobar", digest of the empty file). */
  static Stream<Arguments> foobar() {
    return Stream.of(
        Arguments.of(
            ChecksumAlgorithm.MD5,
            "3858f62230ac3c915f300c664312c63f",
            "d41d8cd98f00b204e9800998ecf8427e"),
        Arguments.of(
            ChecksumAlgorithm.SHA1,
            "8843d7f92416211de9ebb963ff4ce28125932878",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        Arguments.of(
            ChecksumAlgorithm.SHA256,
            "c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Arguments.of(ChecksumAlgorithm.CRC32C, "0d5f5c7f", "00000000"));
  }

  /** Rows of (name as a caller may spell it, algorithm). */
  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("md5", ChecksumAlgorithm.MD5),
        Arguments.of("MD5", ChecksumAlgorithm.MD5),
        Arguments.of("sha1", ChecksumAlgorithm.SHA1),
        Arguments.of("SHA-1", ChecksumAlgorithm.SHA1),
        Arguments.of("sha256", ChecksumAlgorithm.SHA256),
        Arguments.of("SHA-256", ChecksumAlgorithm.SHA256),
        Arguments.of("crc32c", ChecksumAlgorithm.CRC32C));
  }
}
