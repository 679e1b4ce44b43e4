package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.FileAttributes;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads (R1–R11): whole files, strings, streams and byte ranges. */
@ContractGroup("read")
public interface ReadContract extends KitFixture {

  /** R1: read, readString and readString with a charset return what was written. */
  @Test
  default void read_existingFile_returnsContent() {
    String path = newDirectory("r1") + "/a.txt";
    fs().write(path, "grüße, 世界");
    assertThat(fs().read(path)).isEqualTo(KitData.utf8("grüße, 世界"));
    assertThat(fs().readString(path)).isEqualTo("grüße, 世界");
    fs().write(path, "ça va".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(fs().readString(path, StandardCharsets.ISO_8859_1)).isEqualTo("ça va");
  }

  /** R2: a stream yields every byte and can be closed. */
  @Test
  default void readStream_wholeFile_yieldsAllBytes() throws IOException {
    String path = newDirectory("r2") + "/a.bin";
    byte[] data = KitData.bytes(200_000);
    fs().write(path, data);
    try (InputStream in = fs().readStream(path)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  /** R1: an empty file reads as no bytes, whole and from offset 0. */
  @Test
  default void read_emptyFile_returnsNoBytes() {
    String path = newDirectory("r1") + "/empty";
    fs().write(path, new byte[0]);
    assertThat(fs().read(path)).isEmpty();
    assertThat(fs().readString(path)).isEmpty();
    assertThat(KitData.readAll(fs().readStream(path))).isEmpty();
  }

  /** R1: an empty file read from offset 0 with no end yields nothing (the one satisfiable range). */
  @Test
  @Requires(Capability.RANGE_READ)
  default void readStream_emptyFileFromZero_yieldsNothing() {
    String path = newDirectory("r1") + "/empty";
    fs().write(path, new byte[0]);
    assertThat(KitData.readAll(fs().readStream(path, ByteRange.from(0)))).isEmpty();
  }

  /** R3: each read form of a missing file fails with NOT_FOUND. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"read", "readString", "readStream"})
  default void read_missingFile_throwsNotFound(String form) {
    String path = newDirectory("r3") + "/missing.txt";
    ReadFailedException e =
        Expect.failure(
            ReadFailedException.class,
            Kind.NOT_FOUND,
            () -> {
              switch (form) {
                case "read":
                  fs().read(path);
                  break;
                case "readString":
                  fs().readString(path);
                  break;
                default:
                  KitData.readAll(fs().readStream(path));
              }
            });
    assertThat(e.path()).isEqualTo(path);
  }

  /** R4: reading a directory fails with IS_A_DIRECTORY or NOT_FOUND, never returns bytes. */
  @Test
  default void read_directory_throwsIsADirectoryOrNotFound() {
    String dir = newDirectory("r4");
    fs().write(dir + "/sub/a.txt", "a");
    Expect.failure(
        ReadFailedException.class,
        Expect.kinds(Kind.IS_A_DIRECTORY, Kind.NOT_FOUND),
        () -> fs().read(dir + "/sub"));
  }

  /** R5–R8: spans, open ends, clamped ends and suffixes select exactly the expected bytes. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("dev.stowage.tck.ReadCases#satisfiableRanges")
  @Requires(Capability.RANGE_READ)
  default void readStream_range_returnsExactBytes(ByteRange range, int from, int to) {
    String path = newDirectory("r5") + "/hundred.bin";
    byte[] data = KitData.bytes(ReadCases.SIZE);
    fs().write(path, data);
    assertThat(KitData.readAll(fs().readStream(path, range)))
        .isEqualTo(Arrays.copyOfRange(data, from, to));
  }

  /** R9: a range starting at or past the end fails, or yields nothing, as declared. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("dev.stowage.tck.ReadCases#unsatisfiableRanges")
  @Requires(Capability.RANGE_READ)
  default void readStream_rangePastEnd_behavesAsDeclared(ByteRange range) {
    String path = newDirectory("r9") + "/hundred.bin";
    fs().write(path, KitData.bytes(ReadCases.SIZE));
    if (has(Capability.RANGE_NOT_SATISFIABLE)) {
      Expect.failure(
          ReadFailedException.class,
          Kind.RANGE_NOT_SATISFIABLE,
          () -> KitData.readAll(fs().readStream(path, range)));
    } else {
      assertThat(KitData.readAll(fs().readStream(path, range))).isEmpty();
    }
  }

  /**
   * How many partly read streams R10 opens and closes: more than any connection pool of the
   * bundled adapters holds (the S3 adapter's default is 50 connections; the B2 client's and the
   * local adapter's handles are unpooled), so a stream whose close leaks its connection or file
   * handle makes a later read wait for one that never comes back, or fail.
   */
  int LEAK_READS = 100;

  /** R10: closing a partly read stream works, more times than any pool holds (no leaked connection or handle). */
  @Test
  default void readStream_partialReadThenClose_doesNotLeak() throws IOException {
    String path = newDirectory("r10") + "/big.bin";
    byte[] data = KitData.bytes(256 * 1024);
    fs().write(path, data);
    for (int i = 0; i < LEAK_READS; i++) {
      try (InputStream in = fs().readStream(path)) {
        assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOf(data, 10));
      }
    }
    assertThat(fs().read(path)).isEqualTo(data);
  }

  /** R11: reads and range reads leave size, ETag, checksums and modification time unchanged. */
  @Test
  default void read_repeatedly_doesNotAlterMetadata() {
    String path = newDirectory("r11") + "/a.bin";
    fs().write(path, KitData.bytes(5000));
    FileAttributes before = fs().stat(path);
    fs().read(path);
    KitData.readAll(fs().readStream(path));
    if (has(Capability.RANGE_READ)) {
      KitData.readAll(fs().readStream(path, ByteRange.of(10, 20)));
    }
    FileAttributes after = fs().stat(path);
    assertThat(after)
        .usingRecursiveComparison()
        .comparingOnlyFields("size", "etag", "lastModified", "checksums", "version")
        .isEqualTo(before);
  }
}
