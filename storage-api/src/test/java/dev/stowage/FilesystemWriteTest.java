package dev.stowage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.MemoryAdapter;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FilesystemWriteTest {

  private final MemoryAdapter memory = MemoryAdapter.create();
  private final RecordingAdapter recording = new RecordingAdapter(memory);
  private final Filesystem fs = Filesystem.of(recording);

  /** A stream that counts what was read from it and whether it was closed. */
  static final class TrackedStream extends FilterInputStream {
    final AtomicLong read = new AtomicLong();
    final AtomicBoolean closed = new AtomicBoolean();

    TrackedStream(byte[] data) {
      super(new ByteArrayInputStream(data));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        read.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void write_bytes_roundTripsAndReturnsStat() {
    FileAttributes written = fs.write("a/b.bin", bytes(100));
    assertThat(fs.read("a/b.bin")).isEqualTo(bytes(100));
    FileAttributes stat = fs.stat("a/b.bin");
    assertThat(written.size()).isEqualTo(100).isEqualTo(stat.size());
    assertThat(written.etag()).isEqualTo(stat.etag());
    assertThat(written.path()).isEqualTo("a/b.bin");
  }

  @Test
  void write_string_isUtf8() {
    fs.write("t.txt", "héllo ☃");
    assertThat(fs.read("t.txt")).isEqualTo("héllo ☃".getBytes(UTF_8));
    assertThat(fs.readString("t.txt")).isEqualTo("héllo ☃");
  }

  @Test
  void write_zeroBytes_createsEmptyFile() {
    fs.write("empty", new byte[0]);
    fs.write("empty-stream", new ByteArrayInputStream(new byte[0]), WriteOptions.DEFAULT);
    fs.write("empty-known", new ByteArrayInputStream(new byte[0]), 0, WriteOptions.DEFAULT);
    assertThat(fs.fileSize("empty")).isZero();
    assertThat(fs.fileSize("empty-stream")).isZero();
    assertThat(fs.fileSize("empty-known")).isZero();
  }

  @Test
  void write_knownLengthStream_readsExactlyLengthAndDoesNotClose() {
    TrackedStream in = new TrackedStream(bytes(1000));
    fs.write("k", in, 600, WriteOptions.builder().contentType("application/x-test").build());
    assertThat(fs.read("k")).isEqualTo(Arrays.copyOf(bytes(1000), 600));
    assertThat(in.read.get()).isEqualTo(600);
    assertThat(in.closed).isFalse();
  }

  @Test
  void write_knownLengthStreamWithDetection_doesNotReadPastLength() {
    TrackedStream in = new TrackedStream(bytes(20_000));
    fs.write("k.bin", in, 10_000, WriteOptions.DEFAULT);
    assertThat(in.read.get()).isEqualTo(10_000);
    assertThat(fs.fileSize("k.bin")).isEqualTo(10_000);
  }

  @Test
  void write_shortStream_failsInvalidInputAndWritesNothing() {
    TrackedStream in = new TrackedStream(bytes(100));
    assertThatThrownBy(() -> fs.write("short", in, 101, WriteOptions.DEFAULT))
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.INVALID_INPUT);
    assertThat(memory.fileExists("short")).isFalse();
    assertThat(in.closed).isFalse();
  }

  @Test
  void write_shortStreamLargerThanDetectionHead_failsInvalidInputAndWritesNothing() {
    TrackedStream in = new TrackedStream(bytes(50_000));
    assertThatThrownBy(
            () ->
                fs.write(
                    "short.txt", in, 60_000, WriteOptions.builder().contentType("x/y").build()))
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.INVALID_INPUT);
    assertThat(memory.fileExists("short.txt")).isFalse();
  }

  @Test
  void write_shortStreamThroughMultipart_failsInvalidInputAndWritesNothing() {
    MemoryAdapter parts = MemoryAdapter.builder().multipart(1000, 300).build();
    Filesystem f = Filesystem.of(parts);
    assertThatThrownBy(
            () -> f.write("big", new ByteArrayInputStream(bytes(2500)), 3000, WriteOptions.DEFAULT))
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.INVALID_INPUT);
    assertThat(parts.fileExists("big")).isFalse();
  }

  @Test
  void write_streamFailingMidway_leavesNothing() {
    InputStream failing =
        new InputStream() {
          private int n;

          @Override
          public int read() throws IOException {
            if (n++ > 20_000) {
              throw new IOException("source broke");
            }
            return 'x';
          }
        };
    assertThatThrownBy(() -> fs.write("broken", failing, WriteOptions.DEFAULT))
        .isInstanceOf(WriteFailedException.class);
    assertThat(memory.fileExists("broken")).isFalse();
  }

  @Test
  void write_unknownLengthStream_isNotClosed() {
    TrackedStream in = new TrackedStream(bytes(5000));
    fs.write("u", in, WriteOptions.DEFAULT);
    assertThat(fs.read("u")).isEqualTo(bytes(5000));
    assertThat(in.closed).isFalse();
  }

  @Test
  void write_streamFromItsCurrentPosition() throws IOException {
    InputStream in = new ByteArrayInputStream("skipme:payload".getBytes(UTF_8));
    in.skipNBytes(7);
    fs.write("p", in, WriteOptions.DEFAULT);
    assertThat(fs.readString("p")).isEqualTo("payload");
  }

  @Test
  void write_localFile_roundTrips(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("src.bin");
    Files.write(f, bytes(70_000));
    FileAttributes a = fs.write("from-file", f, WriteOptions.DEFAULT);
    assertThat(a.size()).isEqualTo(70_000);
    assertThat(fs.read("from-file")).isEqualTo(bytes(70_000));
  }

  @Test
  void write_missingLocalFile_failsInvalidInputBeforeIo(@TempDir Path dir) {
    assertThatThrownBy(() -> fs.write("x", dir.resolve("nope"), WriteOptions.DEFAULT))
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.INVALID_INPUT);
    assertThat(recording.calls()).isEmpty();
  }

  @Test
  void write_overwrite_replacesContentAndMetadata() {
    fs.write(
        "o",
        "one",
        WriteOptions.builder().contentType("text/a").visibility(Visibility.PUBLIC).build());
    fs.write(
        "o",
        "two",
        WriteOptions.builder().contentType("text/b").visibility(Visibility.PRIVATE).build());
    assertThat(fs.readString("o")).isEqualTo("two");
    assertThat(fs.mimeType("o")).isEqualTo("text/b");
    assertThat(fs.visibility("o")).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void write_createOnly_failsAlreadyExistsWhenPresent() {
    WriteOptions createOnly = WriteOptions.builder().createOnly(true).build();
    fs.write("c", "first", createOnly);
    assertThatThrownBy(() -> fs.write("c", "second", createOnly))
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.ALREADY_EXISTS);
    assertThat(fs.readString("c")).isEqualTo("first");
  }

  @Test
  void write_contentMetadata_roundTrips() {
    fs.write(
        "m",
        "x",
        WriteOptions.builder()
            .cacheControl("max-age=60")
            .contentDisposition("attachment")
            .contentEncoding("identity")
            .userMetadata("owner", "me")
            .build());
    FileAttributes a = fs.stat("m");
    assertThat(a.cacheControl()).isEqualTo("max-age=60");
    assertThat(a.contentDisposition()).isEqualTo("attachment");
    assertThat(a.contentEncoding()).isEqualTo("identity");
    assertThat(a.userMetadata()).containsEntry("owner", "me");
  }

  @Test
  void write_whereADirectoryExists_failsIsADirectory() {
    fs.write("d/child", "x");
    assertThatThrownBy(() -> fs.write("d", "y"))
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.IS_A_DIRECTORY);
    fs.createDirectory("empty-dir");
    assertThatThrownBy(() -> fs.write("empty-dir", "y"))
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThat(memory.fileExists("d")).isFalse();
  }

  @Test
  void write_directoryConflictCheckDisabled_passesToAdapter() {
    Filesystem unchecked = Filesystem.builder(memory).checkDirectoryConflicts(false).build();
    unchecked.write("d/child", "x");
    unchecked.write("d", "y");
    assertThat(memory.fileExists("d")).isTrue();
  }

  @Test
  void write_defaultVisibility_appliesToPerObjectAdapters() {
    Filesystem pub = Filesystem.builder(memory).defaultVisibility(Visibility.PUBLIC).build();
    pub.write("v", "x");
    assertThat(pub.visibility("v")).isEqualTo(Visibility.PUBLIC);
    pub.write("w", "x", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(pub.visibility("w")).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void write_adapterRuntimeFailure_isWrappedUnexpected() {
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory).failOn("write", () -> new IllegalStateException("bug")));
    assertThatThrownBy(() -> f.write("x", "y"))
        .isInstanceOf(WriteFailedException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.UNEXPECTED);
  }

  @Test
  void write_adapterStorageException_passesThroughUnchanged() {
    WriteFailedException original = WriteFailedException.at("x", Kind.QUOTA_EXCEEDED, "cap", null);
    Filesystem f = Filesystem.of(new FailingAdapter(memory).failOn("write", () -> original));
    assertThatThrownBy(() -> f.write("x", "y")).isSameAs(original);
  }

  @Test
  void write_uncheckedIoFromAdapter_isUnavailable() {
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory)
                .failOn("write", () -> new java.io.UncheckedIOException(new IOException("reset"))));
    assertThatThrownBy(() -> f.write("x", "y"))
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void openOutputStream_smallFile_appearsOnlyOnClose() throws IOException {
    OutputStream out = fs.openOutputStream("os/small.txt", WriteOptions.DEFAULT);
    out.write("hello ".getBytes(UTF_8));
    out.write('!');
    assertThat(memory.fileExists("os/small.txt")).isFalse();
    out.close();
    assertThat(fs.readString("os/small.txt")).isEqualTo("hello !");
    out.close();
  }

  @Test
  void openOutputStream_largeFile_streamsThroughBackgroundWrite() throws IOException {
    byte[] data = bytes(1_000_000);
    try (OutputStream out = fs.openOutputStream("os/large.bin", WriteOptions.DEFAULT)) {
      for (int i = 0; i < data.length; i += 777) {
        out.write(data, i, Math.min(777, data.length - i));
      }
      assertThat(memory.fileExists("os/large.bin")).isFalse();
    }
    assertThat(fs.read("os/large.bin")).isEqualTo(data);
  }

  @Test
  void openOutputStream_largeFileThroughMultipart_roundTrips() throws IOException {
    dev.stowage.memory.CountingMultipartListener parts =
        new dev.stowage.memory.CountingMultipartListener();
    Filesystem f =
        Filesystem.of(
            MemoryAdapter.builder().multipart(100_000, 40_000).multipartListener(parts).build());
    byte[] data = bytes(250_001);
    try (OutputStream out = f.openOutputStream("big", WriteOptions.DEFAULT)) {
      out.write(data);
    }
    assertThat(f.read("big")).isEqualTo(data);
    assertThat(parts.partsUploaded()).isEqualTo(7);
  }

  @Test
  void openOutputStream_adapterFailure_surfacesFromCloseAndLeavesNothing() {
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory)
                .failOn(
                    "write", () -> WriteFailedException.at("x", Kind.UNAVAILABLE, "down", null)));
    OutputStream out = f.openOutputStream("x", WriteOptions.DEFAULT);
    assertThatThrownBy(
            () -> {
              out.write(bytes(100_000));
              out.close();
            })
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(memory.fileExists("x")).isFalse();
  }

  @Test
  void openOutputStream_adapterFailureOnSmallFile_surfacesFromClose() {
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory).failOn("write", () -> new IllegalStateException("bug")));
    OutputStream out = f.openOutputStream("x", WriteOptions.DEFAULT);
    assertThatThrownBy(out::close)
        .isInstanceOf(WriteFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.UNEXPECTED);
  }

  @Test
  void openOutputStream_writeAfterClose_fails() throws IOException {
    OutputStream out = fs.openOutputStream("closed", WriteOptions.DEFAULT);
    out.close();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(WriteFailedException.class);
  }
}
