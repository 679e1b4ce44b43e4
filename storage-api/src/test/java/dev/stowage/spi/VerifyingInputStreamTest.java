package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {

  private static final byte[] DATA = "the quick brown fox".getBytes(StandardCharsets.UTF_8);

  private static InputStream verifying(byte[] served, ChecksumAlgorithm algorithm, long length) {
    Checksum truth = Checksums.of(DATA, algorithm);
    return new VerifyingInputStream(new ByteArrayInputStream(served), "a/b.txt", truth, length,
        "the backend");
  }

  @Test
  void read_matchingBytes_passThrough() throws IOException {
    try (InputStream in = verifying(DATA, ChecksumAlgorithm.SHA1, DATA.length)) {
      assertThat(in.readAllBytes()).isEqualTo(DATA);
    }
  }

  @Test
  void read_flippedByte_failsIntegrityNamingBothDigests() {
    byte[] bad = DATA.clone();
    bad[3] ^= 1;
    String expected = Checksums.of(DATA, ChecksumAlgorithm.MD5).hex();
    String actual = Checksums.of(bad, ChecksumAlgorithm.MD5).hex();
    assertThatThrownBy(() -> verifying(bad, ChecksumAlgorithm.MD5, DATA.length).readAllBytes())
        .isInstanceOf(IOException.class)
        .hasMessageContaining(expected)
        .hasMessageContaining(actual)
        .hasMessageContaining("a/b.txt")
        .cause().isInstanceOf(StorageException.class)
        .satisfies(c -> assertThat(((StorageException) c).kind())
            .isEqualTo(StorageException.Kind.INTEGRITY));
  }

  @Test
  void read_shortBody_failsIntegrityNamingTheLengths() {
    byte[] shorter = java.util.Arrays.copyOf(DATA, DATA.length - 2);
    assertThatThrownBy(() -> verifying(shorter, ChecksumAlgorithm.SHA1, DATA.length).readAllBytes())
        .hasMessageContaining("received " + shorter.length + " of " + DATA.length);
  }

  @Test
  void skip_hashesSkippedBytes() throws IOException {
    try (InputStream in = verifying(DATA, ChecksumAlgorithm.SHA256, -1)) {
      assertThat(in.skip(5)).isEqualTo(5);
      assertThat(in.readAllBytes()).hasSize(DATA.length - 5);
    }
  }

  @Test
  void read_singleBytes_verifiesToo() {
    byte[] bad = DATA.clone();
    bad[0] ^= 0x40;
    assertThatThrownBy(() -> {
      try (InputStream in = verifying(bad, ChecksumAlgorithm.SHA1, -1)) {
        while (in.read() >= 0) {
          // drain
        }
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("expected sha1");
  }
}
