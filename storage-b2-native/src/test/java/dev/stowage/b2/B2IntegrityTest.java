package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ByteRange;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes corrupted at rest (one bit flipped in the emulator's data directory) are never returned
 * as good: whole reads and ranges that cover the whole file fail with INTEGRITY naming both
 * SHA-1s, for small files and for large files written from bytes, a path and a stream of unknown
 * length. Unflipped files read back intact.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class B2IntegrityTest {
  private static final int PART = 1024;

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () -> B2Emulator.builder().recommendedPartSize(PART).absoluteMinimumPartSize(PART))
          .bucket("integrity")
          .onDisk()
          .perTest();

  @TempDir Path dir;
  private B2Emulator emulator;
  private Filesystem fs;
  private Path data;
  private String prefix;

  @BeforeEach
  void setUp() {
    data = B2.dataDirectory();
    emulator = B2.emulator();
    String bucket = "integrity";
    B2Config config = TestBuckets.config(emulator, bucket).prefix("root").build();
    prefix = "root/";
    fs = Filesystem.of(B2Adapter.create(config));
  }

  @AfterEach
  void tearDown() {
    fs.close();
  }

  @Test
  void read_flippedSmallFile_failsIntegrityWithBothDigests() throws IOException {
    byte[] bytes = bytes(500, 1);
    fs.write("small.bin", bytes);
    assertThat(fs.read("small.bin")).isEqualTo(bytes);
    EmulatorDisk.flip(data, prefix + "small.bin", 7);
    assertCorrupt("small.bin", bytes, null);
    assertCorrupt("small.bin", bytes, ByteRange.from(0));
  }

  @Test
  void read_flippedLargeFileFromBytes_failsIntegrity() throws IOException {
    byte[] bytes = bytes(3 * PART + 100, 2);
    fs.write("bytes.bin", bytes);
    assertThat(EmulatorDisk.segmentLengths(data, prefix + "bytes.bin")).hasSizeGreaterThan(1);
    EmulatorDisk.flip(data, prefix + "bytes.bin", 3);
    assertCorrupt("bytes.bin", bytes, null);
  }

  @Test
  void write_largeFileFromPath_storesSha1AndCatchesFlippedByte() throws IOException {
    byte[] bytes = bytes(4 * PART + 17, 3);
    Path file = dir.resolve("local.bin");
    Files.write(file, bytes);
    FileAttributes a = fs.write("path.bin", file, WriteOptions.DEFAULT);
    assertThat(EmulatorDisk.segmentLengths(data, prefix + "path.bin"))
        .as("stored as parts")
        .hasSizeGreaterThan(1);
    assertThat(a.checksums().get(ChecksumAlgorithm.SHA1))
        .isEqualTo(B2FaultToleranceTest.sha1(bytes));
    assertThat(fs.stat("path.bin").checksums().get(ChecksumAlgorithm.SHA1))
        .isEqualTo(B2FaultToleranceTest.sha1(bytes));
    assertThat(fs.read("path.bin")).isEqualTo(bytes);
    try (InputStream in = fs.readStream("path.bin", ByteRange.from(0))) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    EmulatorDisk.flip(data, prefix + "path.bin", 5);
    assertCorrupt("path.bin", bytes, null);
    assertCorrupt("path.bin", bytes, ByteRange.from(0));
    assertCorrupt("path.bin", bytes, ByteRange.of(0, bytes.length - 1));
  }

  @Test
  void write_largeFileFromUnknownLengthStream_becomesVerifiable() throws IOException {
    byte[] bytes = bytes(5 * PART + 3, 4);
    FileAttributes a =
        fs.write("stream.bin", new ByteArrayInputStream(bytes), WriteOptions.DEFAULT);
    assertThat(a.size()).isEqualTo(bytes.length);
    assertThat(a.checksums().get(ChecksumAlgorithm.SHA1))
        .isEqualTo(B2FaultToleranceTest.sha1(bytes));
    assertThat(EmulatorDisk.uploads(data, prefix + "stream.bin"))
        .as("one version: the unverified one is gone")
        .hasSize(1);
    assertThat(
            EmulatorDisk.uploads(data, prefix + "stream.bin")
                .get(0)
                .path("fileInfo")
                .path("large_file_sha1")
                .asText())
        .isEqualTo(B2FaultToleranceTest.sha1(bytes));
    assertThat(fs.read("stream.bin")).isEqualTo(bytes);
    EmulatorDisk.flip(data, prefix + "stream.bin", bytes.length - 2);
    assertCorrupt("stream.bin", bytes, null);
    assertCorrupt("stream.bin", bytes, ByteRange.from(0));
  }

  @Test
  void read_partialRangeOfFlippedFile_isNotVerifiedButWholeRangeIs() throws IOException {
    byte[] bytes = bytes(800, 5);
    fs.write("range.bin", bytes);
    EmulatorDisk.flip(data, prefix + "range.bin", 700);
    try (InputStream in = fs.readStream("range.bin", ByteRange.of(0, 99))) {
      assertThat(in.readAllBytes())
          .isEqualTo(java.util.Arrays.copyOf(bytes, 100)); // no checksum covers a part
    }
    assertCorrupt("range.bin", bytes, ByteRange.from(0));
  }

  private void assertCorrupt(String path, byte[] original, ByteRange range) {
    String expected = B2FaultToleranceTest.sha1(original);
    assertThatThrownBy(
            () -> {
              try (InputStream in =
                  range == null ? fs.readStream(path) : fs.readStream(path, range)) {
                in.readAllBytes();
              }
            })
        .satisfies(e -> assertIntegrity(e, expected));
    if (range == null) {
      assertThatThrownBy(() -> fs.read(path)).satisfies(e -> assertIntegrity(e, expected));
    }
  }

  /** The failure is INTEGRITY, and its cause chain names the expected and the received SHA-1. */
  static void assertIntegrity(Throwable e, String expectedSha1) {
    assertThat(e).isInstanceOf(StorageException.class);
    assertThat(((StorageException) e).kind()).isEqualTo(StorageException.Kind.INTEGRITY);
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertThat(messages.toString())
        .contains("expected sha1 " + expectedSha1)
        .containsPattern("got (?!" + expectedSha1 + ")[0-9a-f]{40} from the bytes received");
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
