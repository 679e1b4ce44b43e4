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
    return new VerifyingInputStream(
        new ByteArrayInputStream(served), "a/b.txt", truth, length, "the backend");
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
        .cause()
        .isInstanceOf(BackendException.class)
        .satisfies(
            c ->
                assertThat(((BackendException) c).kind())
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
    assertThatThrownBy(
            () -> {
              try (InputStream in = verifying(bad, ChecksumAlgorithm.SHA1, -1)) {
                while (in.read() >= 0) {
                  // drain
                }
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected sha1");
  }

  // Downloads from VerifyingInputStream.BACKGROUND_FROM bytes on are hashed on another thread.

  private static byte[] large(int size) {
    byte[] data = new byte[size];
    new java.util.SplittableRandom(size).nextBytes(data);
    return data;
  }

  private static InputStream verifyingLarge(byte[] truth, byte[] served, long length) {
    return new VerifyingInputStream(
        new ByteArrayInputStream(served),
        "big.bin",
        Checksums.of(truth, ChecksumAlgorithm.SHA1),
        length,
        "the backend");
  }

  @Test
  void read_largeMatchingBytesInOddReads_passThroughUnchanged() throws IOException {
    byte[] data = large(3 * BackgroundHasher.CHUNK * BackgroundHasher.IN_FLIGHT + 12_345);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (InputStream in = verifyingLarge(data, data, data.length)) {
      byte[] buffer = new byte[7_777]; // never aligned with the hasher's chunks
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        java.util.Arrays.fill(buffer, (byte) 0); // the caller reuses its buffer at once
      }
    }
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void read_largeWithLastByteFlipped_failsIntegrity() {
    byte[] data = large(5 * 1024 * 1024 + 3);
    byte[] bad = data.clone();
    bad[bad.length - 1] ^= 1;
    assertThatThrownBy(() -> verifyingLarge(data, bad, data.length).readAllBytes())
        .isInstanceOf(IOException.class)
        .hasMessageContaining(Checksums.of(data, ChecksumAlgorithm.SHA1).hex())
        .hasMessageContaining(Checksums.of(bad, ChecksumAlgorithm.SHA1).hex());
  }

  @Test
  void read_largeOfUnknownLengthWithFirstByteFlipped_failsIntegrity() {
    byte[] data = large(2 * 1024 * 1024);
    byte[] bad = data.clone();
    bad[0] ^= 0x10;
    assertThatThrownBy(() -> verifyingLarge(data, bad, -1).readAllBytes())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected sha1");
  }

  @Test
  void close_beforeTheEnd_returnsAtOnceAndLaterStreamsStillVerify() throws IOException {
    byte[] data = large(8 * 1024 * 1024);
    for (int i = 0; i < 50; i++) { // more abandoned streams than the pool has buffers or threads
      try (InputStream in = verifyingLarge(data, data, data.length)) {
        assertThat(in.readNBytes(3 * BackgroundHasher.CHUNK + 1))
            .hasSize(3 * BackgroundHasher.CHUNK + 1);
      }
    }
    try (InputStream in = verifyingLarge(data, data, data.length)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void read_interruptedWhileEveryBufferWaits_failsInterruptedWithoutHanging() throws Exception {
    byte[] data = large(4 * 1024 * 1024);
    // Fill every buffer, then read on with the interrupt flag set: the wait for a free buffer,
    // or for the digest at the end, gives up instead of blocking.
    InputStream in = verifyingLarge(data, data, data.length);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () -> {
                byte[] buffer = new byte[64 * 1024];
                while (in.read(buffer) >= 0) {
                  // drain until the hasher has to be waited for
                }
              })
          .isInstanceOf(java.io.InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      in.close();
    }
  }
}
