package dev.stowage.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

  private static final byte[] FOOBAR = "foobar".getBytes(UTF_8);

  @Test
  void of_knownDigests() {
    assertThat(Checksums.of(FOOBAR, ChecksumAlgorithm.MD5).hex())
        .isEqualTo("3858f62230ac3c915f300c664312c63f");
    assertThat(Checksums.of(FOOBAR, ChecksumAlgorithm.SHA1).hex())
        .isEqualTo("8843d7f92416211de9ebb963ff4ce28125932878");
    assertThat(Checksums.of(FOOBAR, ChecksumAlgorithm.SHA256).hex())
        .isEqualTo("c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2");
  }

  @Test
  void crc32c_isEightHexDigits() {
    // The standard CRC-32C check value: "123456789" -> e3069283.
    assertThat(Checksums.of("123456789".getBytes(UTF_8), ChecksumAlgorithm.CRC32C).hex())
        .isEqualTo("e3069283");
    assertThat(Checksums.of(new byte[0], ChecksumAlgorithm.CRC32C).hex()).isEqualTo("00000000");
  }

  @Test
  void compute_streamEqualsBytes() throws IOException {
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
      assertThat(Checksums.compute(new ByteArrayInputStream(big), a))
          .isEqualTo(Checksums.of(big, a));
    }
  }

  @Test
  void hasher_incrementalEqualsWhole() {
    Checksums.Hasher h = Checksums.hasher(ChecksumAlgorithm.SHA1);
    h.update(FOOBAR, 0, 3);
    h.update(FOOBAR, 3, 3);
    assertThat(h.finish()).isEqualTo(Checksums.of(FOOBAR, ChecksumAlgorithm.SHA1));
  }
}
