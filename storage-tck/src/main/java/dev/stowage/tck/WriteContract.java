package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stowage.Capability;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes (W1–W16): every source form, overwrites, options and failure atomicity. */
@ContractGroup("write")
public interface WriteContract extends KitFixture {

  /** The ways a caller can hand over bytes. */
  enum Source {
    BYTES,
    STRING_UTF8,
    STREAM_KNOWN_LENGTH,
    STREAM_UNKNOWN_LENGTH,
    LOCAL_FILE,
    OUTPUT_STREAM
  }

  /** W1, W2, W3: every source form stores exactly the bytes given. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Source.class)
  default void write_eachSource_storesExactBytes(Source source) throws IOException {
    String path = newDirectory("w1") + "/data.bin";
    byte[] data =
        source == Source.STRING_UTF8
            ? KitData.utf8("héllo wörld ✓ " + path)
            : KitData.bytes(70_001);
    FileAttributes written = WriteSupport.write(fs(), path, data, source, WriteOptions.DEFAULT);
    assertThat(written.size()).isEqualTo(data.length);
    FilesystemAssert.assertThat(fs()).hasFile(path, data);
    assertStored(path, data);
  }

  /** W1: sizes around common buffer sizes round-trip. */
  @ParameterizedTest(name = "[{index}] {0} bytes")
  @ValueSource(ints = {1, 2, 255, 4095, 4096, 4097, 8192, 65_537, 262_145})
  default void write_bytesOfSize_readBackIdentical(int size) {
    String path = newDirectory("w1") + "/sized.bin";
    byte[] data = KitData.bytes(size);
    fs().write(path, data);
    FilesystemAssert.assertThat(fs()).hasFile(path, data);
    assertThat(fs().fileSize(path)).isEqualTo(size);
  }

  /** W4: a zero-byte write through every source form creates an empty file. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Source.class)
  default void write_zeroBytes_createsEmptyFile(Source source) throws IOException {
    String path = newDirectory("w4") + "/empty.bin";
    FileAttributes written =
        WriteSupport.write(fs(), path, new byte[0], source, WriteOptions.DEFAULT);
    assertThat(written.size()).isZero();
    FilesystemAssert.assertThat(fs()).hasFile(path, new byte[0]);
    assertThat(fs().fileSize(path)).isZero();
  }

  /** W5: an overwrite replaces the content; one entry remains. */
  @Test
  default void write_existingFile_replacesContent() {
    String dir = newDirectory("w5");
    fs().write(dir + "/a.txt", "first version, longer");
    fs().write(dir + "/a.txt", "second");
    FilesystemAssert.assertThat(fs())
        .hasFile(dir + "/a.txt", "second")
        .listsExactly(dir, dir + "/a.txt");
    assertThat(fs().fileSize(dir + "/a.txt")).isEqualTo(6);
  }

  /** W6: an overwrite with another content type changes it. */
  @Test
  @Requires(Capability.CONTENT_TYPE)
  default void write_overwriteWithOtherContentType_changesIt() {
    String path = newDirectory("w6") + "/a.dat";
    fs().write(path, "one", WriteOptions.builder().contentType("text/plain").build());
    fs().write(path, "two", WriteOptions.builder().contentType("application/json").build());
    assertThat(KitData.baseType(fs().stat(path).contentType())).isEqualTo("application/json");
  }

  /** W6: an overwrite with another visibility changes it. */
  @Test
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void write_overwriteWithOtherVisibility_changesIt() {
    String path = newDirectory("w6") + "/a.txt";
    fs().write(path, "one", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs().write(path, "two", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(fs().visibility(path)).isEqualTo(Visibility.PRIVATE);
  }

  /** W7: writing below missing parents creates them. */
  @Test
  default void write_deepMissingParents_createsDirectories() {
    String dir = newDirectory("w7");
    fs().write(dir + "/a/b/c/d/e.txt", "deep");
    FilesystemAssert.assertThat(fs())
        .hasFile(dir + "/a/b/c/d/e.txt", "deep")
        .hasDirectory(dir + "/a")
        .hasDirectory(dir + "/a/b/c/d")
        .listsExactly(dir + "/a", dir + "/a/b");
  }

  /** W8: writing to a directory path, with or without a trailing slash, fails and writes nothing. */
  @Test
  default void write_directoryPathWithTrailingSlash_throwsIsADirectory() {
    String dir = newDirectory("w8");
    fs().write(dir + "/sub/x.txt", "x");
    Expect.failure(
        WriteFailedException.class, Kind.IS_A_DIRECTORY, () -> fs().write(dir + "/sub/", "no"));
    FilesystemAssert.assertThat(fs()).hasNoFile(dir + "/sub").listsExactly(dir, dir + "/sub");
  }

  /** W8: a write target with a trailing slash names a directory even where nothing exists yet. */
  @Test
  default void write_newPathWithTrailingSlash_throwsIsADirectory() {
    String dir = newDirectory("w8");
    Expect.failure(
        WriteFailedException.class, Kind.IS_A_DIRECTORY, () -> fs().write(dir + "/new/", "no"));
    FilesystemAssert.assertThat(fs()).hasNoFile(dir + "/new").hasNoDirectory(dir);
  }

  /** W9: the attributes a write returns match a later stat. */
  @Test
  default void write_returnedAttributes_matchStat() {
    String path = newDirectory("w9") + "/a.txt";
    Instant before = Instant.now().minus(Duration.ofMinutes(10));
    FileAttributes written = fs().write(path, "attributes");
    FileAttributes stat = fs().stat(path);
    assertThat(written.path()).isEqualTo(path);
    assertThat(stat.path()).isEqualTo(path);
    assertThat(written.size()).isEqualTo(stat.size()).isEqualTo(10);
    if (has(Capability.ETAG)) {
      assertThat(stat.etag()).isNotBlank().isEqualTo(written.etag());
    }
    if (has(Capability.VERSION_ID)) {
      assertThat(stat.version()).isNotBlank().isEqualTo(written.version());
    }
    if (has(Capability.LAST_MODIFIED)) {
      assertThat(stat.lastModified()).isAfter(before);
    }
    written
        .checksums()
        .forEach(
            (algorithm, hex) ->
                assertThat(stat.checksums())
                    .as("stat checksum %s", algorithm)
                    .containsEntry(algorithm, hex));
  }

  /** W10: an explicit content type is stored and returned by stat and mimeType. */
  @Test
  @Requires(Capability.CONTENT_TYPE)
  default void write_explicitContentType_isStored() {
    String path = newDirectory("w10") + "/data.bin";
    fs().write(
            path, "{}", WriteOptions.builder().contentType("application/vnd.stowage+json").build());
    assertThat(KitData.baseType(fs().stat(path).contentType()))
        .isEqualTo("application/vnd.stowage+json");
    assertThat(KitData.baseType(fs().mimeType(path))).isEqualTo("application/vnd.stowage+json");
  }

  /** W11: Cache-Control round-trips. */
  @Test
  @Requires(Capability.CACHE_CONTROL)
  default void write_cacheControl_roundTrips() {
    String path = newDirectory("w11") + "/a.txt";
    fs().write(path, "x", WriteOptions.builder().cacheControl("public, max-age=3600").build());
    assertThat(fs().stat(path).cacheControl()).isEqualTo("public, max-age=3600");
  }

  /** W11: Content-Disposition round-trips, including a non-ASCII filename parameter. */
  @Test
  @Requires(Capability.CONTENT_DISPOSITION)
  default void write_contentDisposition_roundTrips() {
    String path = newDirectory("w11") + "/a.txt";
    String value = "attachment; filename=\"report.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt";
    fs().write(path, "x", WriteOptions.builder().contentDisposition(value).build());
    assertThat(fs().stat(path).contentDisposition()).isEqualTo(value);
  }

  /** W11: Content-Encoding round-trips and the stored bytes are not decoded. */
  @Test
  @Requires(Capability.CONTENT_ENCODING)
  default void write_contentEncoding_roundTripsWithoutDecoding() {
    String path = newDirectory("w11") + "/a.txt.gz";
    byte[] notReallyGzip = KitData.bytes(100);
    fs().write(path, notReallyGzip, WriteOptions.builder().contentEncoding("gzip").build());
    assertThat(fs().stat(path).contentEncoding()).isEqualTo("gzip");
    assertThat(fs().read(path)).isEqualTo(notReallyGzip);
  }

  /** W11: user metadata round-trips with lowercase keys and UTF-8 values. */
  @Test
  @Requires(Capability.USER_METADATA)
  default void write_userMetadata_roundTripsLowercased() {
    String path = newDirectory("w11") + "/a.txt";
    fs().write(
            path,
            "x",
            WriteOptions.builder()
                .userMetadata("Author", "Zoë 👩‍💻")
                .userMetadata("x-count", "42")
                .build());
    assertThat(fs().stat(path).userMetadata())
        .containsExactlyInAnyOrderEntriesOf(Map.of("author", "Zoë 👩‍💻", "x-count", "42"));
  }

  /** W12: create-only succeeds when absent and fails with ALREADY_EXISTS when present. */
  @Test
  @Requires(Capability.CREATE_ONLY)
  default void write_createOnly_failsWhenPresent() {
    String path = newDirectory("w12") + "/a.txt";
    WriteOptions createOnly = WriteOptions.builder().createOnly(true).build();
    fs().write(path, "first", createOnly);
    Expect.failure(
        WriteFailedException.class,
        Kind.ALREADY_EXISTS,
        () -> fs().write(path, "second", createOnly));
    FilesystemAssert.assertThat(fs()).hasFile(path, "first");
  }

  /**
   * W13: a source that fails part-way leaves nothing: a stream of known or unknown length that
   * throws, or an output stream whose producer fails and aborts it (past the first 8 KiB, so the
   * adapter's upload has started).
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(
      value = Source.class,
      names = {"STREAM_KNOWN_LENGTH", "STREAM_UNKNOWN_LENGTH", "OUTPUT_STREAM"})
  default void write_sourceFailsMidway_leavesNothing(Source source) {
    String dir = newDirectory("w13");
    if (source == Source.OUTPUT_STREAM) {
      WriteSupport.abortMidway(fs(), dir + "/broken.bin");
      WriteSupport.assertLeftNothing(this, dir, "broken.bin");
      return;
    }
    InputStream failing = WriteSupport.failingAfter(KitData.bytes(50_000), 20_000);
    Throwable thrown =
        catchThrowable(
            () -> {
              if (source == Source.STREAM_KNOWN_LENGTH) {
                fs().write(dir + "/broken.bin", failing, 50_000, WriteOptions.DEFAULT);
              } else {
                fs().write(dir + "/broken.bin", failing, WriteOptions.DEFAULT);
              }
            });
    assertThat(thrown).isInstanceOf(WriteFailedException.class);
    Expect.wellFormed((StorageException) thrown);
    WriteSupport.assertLeftNothing(this, dir, "broken.bin");
  }

  /** W13: an output stream's bytes are invisible until close, then become the file. */
  @Test
  default void openOutputStream_beforeClose_nothingVisible() throws IOException {
    String path = newDirectory("w13") + "/streamed.bin";
    byte[] data = KitData.bytes(100_000);
    try (OutputStream out = fs().openOutputStream(path, WriteOptions.DEFAULT)) {
      out.write(data, 0, 60_000);
      out.flush();
      assertThat(fs().fileExists(path)).as("visible before close").isFalse();
      out.write(data, 60_000, 40_000);
    }
    FilesystemAssert.assertThat(fs()).hasFile(path, data);
  }

  /** W14: a stream shorter than its declared length fails with INVALID_INPUT and writes nothing. */
  @Test
  default void write_streamShorterThanDeclared_throwsInvalidInput() {
    String dir = newDirectory("w14");
    Expect.failure(
        WriteFailedException.class,
        Kind.INVALID_INPUT,
        () ->
            fs().write(
                    dir + "/short.bin",
                    new ByteArrayInputStream(new byte[100]),
                    101,
                    WriteOptions.DEFAULT));
    WriteSupport.assertLeftNothing(this, dir, "short.bin");
  }

  /** W14: a stream longer than its declared length stores exactly the declared bytes. */
  @Test
  default void write_streamLongerThanDeclared_storesDeclaredLength() throws IOException {
    String path = newDirectory("w14") + "/long.bin";
    byte[] data = KitData.bytes(1000);
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    fs().write(path, in, 600, WriteOptions.DEFAULT);
    FilesystemAssert.assertThat(fs()).hasFile(path, java.util.Arrays.copyOf(data, 600));
  }

  /** W15: a stream is read from its current position, as documented. */
  @Test
  default void write_advancedStream_readFromCurrentPosition() throws IOException {
    String path = newDirectory("w15") + "/rest.bin";
    ByteArrayInputStream in = new ByteArrayInputStream(KitData.utf8("skip-keep"));
    assertThat(in.skip(5)).isEqualTo(5);
    fs().write(path, in, WriteOptions.DEFAULT);
    FilesystemAssert.assertThat(fs()).hasFile(path, "keep");
  }

  /** W16: the caller's stream is not closed, for known and unknown lengths. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(
      value = Source.class,
      names = {"STREAM_KNOWN_LENGTH", "STREAM_UNKNOWN_LENGTH"})
  default void write_callerStream_isNotClosed(Source source) throws IOException {
    String path = newDirectory("w16") + "/a.bin";
    byte[] data = KitData.bytes(1234);
    WriteSupport.CloseTracking in = new WriteSupport.CloseTracking(data);
    if (source == Source.STREAM_KNOWN_LENGTH) {
      fs().write(path, in, data.length, WriteOptions.DEFAULT);
    } else {
      fs().write(path, in, WriteOptions.DEFAULT);
    }
    assertThat(in.closed).as("the caller's stream was closed").isFalse();
    FilesystemAssert.assertThat(fs()).hasFile(path, data);
  }

  /** W17: a path of exactly maxPathBytes UTF-8 bytes is written and read back; one byte more is refused. */
  @Test
  default void write_pathOfMaxPathBytes_isAcceptedAndOneMoreRefused() {
    String dir = newDirectory("w17");
    int max = capabilities().maxPathBytes();
    String longest = WriteSupport.pathOfBytes(dir + "/", max, capabilities().maxSegmentBytes());
    assertThat(longest.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .as("the path's UTF-8 bytes")
        .hasSize(max);
    fs().write(longest, "at the limit");
    FilesystemAssert.assertThat(fs()).hasFile(longest, "at the limit");
    String tooLong = longest + "b";
    Expect.failure(
        dev.stowage.PathRejectedException.class,
        Kind.INVALID_INPUT,
        () -> fs().write(tooLong, "over"));
    assertThat(fs().fileExists(longest)).isTrue();
  }

  /** W1: a local file is uploaded whole. */
  @Test
  default void write_localPath_uploadsWholeFile() throws IOException {
    String path = newDirectory("w1") + "/from-disk.bin";
    byte[] data = KitData.bytes(300_000);
    Path local = Files.createTempFile("stowage-tck", ".bin");
    try {
      Files.write(local, data);
      fs().write(path, local, WriteOptions.DEFAULT);
    } finally {
      Files.deleteIfExists(local);
    }
    FilesystemAssert.assertThat(fs()).hasFile(path, data);
    assertThat(fs().list(path.substring(0, path.lastIndexOf('/'))).toList())
        .extracting(StorageAttributes::path)
        .containsExactly(path);
  }
}
