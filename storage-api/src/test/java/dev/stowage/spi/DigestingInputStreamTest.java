package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigestingInputStreamTest {

  private static byte[] random(int size) {
    byte[] data = new byte[size];
    new SplittableRandom(size).nextBytes(data);
    return data;
  }

  @Test
  void checksum_afterOddSizedReadsAndSkips_isTheDigestOfEveryByte() throws IOException {
    byte[] data = random(9 * BackgroundHasher.CHUNK + 77);
    DigestingInputStream in =
        new DigestingInputStream(new ByteArrayInputStream(data), ChecksumAlgorithm.SHA1);
    byte[] buffer = new byte[10_007];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      Arrays.fill(buffer, (byte) 0x5a); // the reader reuses its buffer at once
      total += in.skip(3);
      int single = in.read();
      total += single < 0 ? 0 : 1;
    }

    assertThat(total).isEqualTo(data.length);
    assertThat(in.checksum()).isEqualTo(Checksums.of(data, ChecksumAlgorithm.SHA1));
  }

  @Test
  void checksum_withPrependedHead_coversHeadAndRest() throws IOException {
    byte[] data = random(3 * 1024 * 1024);
    int head = 1024 * 1024 + 5;
    try (DigestingInputStream in =
        new DigestingInputStream(
            new ByteArrayInputStream(data, head, data.length - head), ChecksumAlgorithm.MD5)) {
      in.prepend(Arrays.copyOf(data, head));
      in.readAllBytes();
      assertThat(in.checksum()).isEqualTo(Checksums.of(data, ChecksumAlgorithm.MD5));
    }
  }

  @Test
  void checksum_calledTwice_isRefused() throws IOException {
    try (InputStream raw = new ByteArrayInputStream(new byte[10]);
        DigestingInputStream in = new DigestingInputStream(raw, ChecksumAlgorithm.SHA1)) {
      in.readAllBytes();
      in.checksum();
      assertThatThrownBy(in::checksum).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void checksum_afterClose_stillCoversEveryByteRead() throws IOException {
    byte[] data = random(2 * 1024 * 1024 + 3);
    DigestingInputStream in =
        new DigestingInputStream(new ByteArrayInputStream(data), ChecksumAlgorithm.SHA1);
    in.readAllBytes();
    in.close(); // uploaders close their source before the caller asks for the digest

    assertThat(in.checksum()).isEqualTo(Checksums.of(data, ChecksumAlgorithm.SHA1));
  }
}
