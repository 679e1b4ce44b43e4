package dev.stowage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FilesystemReadTest {

  private final MemoryAdapter memory = MemoryAdapter.create();
  private final Filesystem fs = Filesystem.of(memory);

  private static Kind kindOf(Throwable e) {
    return ((StorageException) e).kind();
  }

  @Test
  void read_missingFile_throwsNotFound() {
    assertThatThrownBy(() -> fs.read("missing"))
        .isInstanceOf(ReadFailedException.class)
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void read_directory_throwsIsADirectory() {
    fs.write("dir/file", "x");
    assertThatThrownBy(() -> fs.read("dir"))
        .isInstanceOf(ReadFailedException.class)
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThatThrownBy(() -> fs.readStream("dir/"))
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
  }

  @Test
  void readString_withCharset_decodes() {
    fs.write("latin", "café".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(fs.readString("latin", StandardCharsets.ISO_8859_1)).isEqualTo("café");
  }

  @Test
  void readStream_ranges_returnExactBytes() throws IOException {
    fs.write("r", "0123456789");
    assertThat(range("r", ByteRange.of(2, 4))).isEqualTo("234");
    assertThat(range("r", ByteRange.of(8, 100))).isEqualTo("89");
    assertThat(range("r", ByteRange.from(7))).isEqualTo("789");
    assertThat(range("r", ByteRange.last(3))).isEqualTo("789");
    assertThat(range("r", ByteRange.last(50))).isEqualTo("0123456789");
    assertThat(range("r", ByteRange.last(0))).isEmpty();
    assertThat(range("r", null)).isEqualTo("0123456789");
  }

  @Test
  void readStream_lastZeroOfMissingFile_throwsNotFound() {
    assertThatThrownBy(() -> fs.readStream("nope", ByteRange.last(0)))
        .isInstanceOf(ReadFailedException.class)
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void readStream_startPastEnd_throwsRangeNotSatisfiableWhenDeclared() {
    fs.write("r", "0123456789");
    assertThatThrownBy(() -> fs.readStream("r", ByteRange.from(10)))
        .isInstanceOf(ReadFailedException.class)
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.RANGE_NOT_SATISFIABLE);
  }

  @Test
  void readStream_startPastEnd_isEmptyWhenNotDeclared() throws IOException {
    Capabilities lenient = memory.capabilities().without(Capability.RANGE_NOT_SATISFIABLE);
    Filesystem f = Filesystem.of(new RecordingAdapter(memory, lenient));
    f.write("r", "0123456789");
    try (InputStream in = f.readStream("r", ByteRange.of(20, 30))) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void readStream_adapterIoFailureMidway_throwsReadFailedUnavailable() {
    fs.write("big", "x".repeat(1000));
    Filesystem f =
        Filesystem.of(new FailingAdapter(memory).failReadsAfter(100, new IOException("reset")));
    assertThatThrownBy(() -> f.read("big"))
        .isInstanceOf(ReadFailedException.class)
        .hasRootCauseMessage("reset")
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void readStream_transferTo_movesEveryByte() throws IOException {
    String text = "y".repeat(100_000);
    fs.write("moved", text);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (InputStream in = fs.readStream("moved")) {
      assertThat(in.transferTo(out)).isEqualTo(100_000);
    }
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void readStream_transferToFailingReader_throwsReadFailedUnavailable() {
    fs.write("big", "x".repeat(1000));
    Filesystem f =
        Filesystem.of(new FailingAdapter(memory).failReadsAfter(100, new IOException("reset")));
    assertThatThrownBy(
            () -> {
              try (InputStream in = f.readStream("big")) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
              }
            })
        .isInstanceOf(ReadFailedException.class)
        .hasRootCauseMessage("reset")
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void readStream_transferToFailingSink_throwsTheSinksOwnException() throws IOException {
    fs.write("big", "x".repeat(1000));
    IOException full = new IOException("disk full");
    java.io.OutputStream sink =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw full;
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw full;
          }
        };
    try (InputStream in = fs.readStream("big")) {
      assertThatThrownBy(() -> in.transferTo(sink)).isSameAs(full);
    }
  }

  @Test
  void readStream_integrityFailure_keepsIntegrityKind() {
    fs.write("big", "x".repeat(1000));
    IOException bad =
        new IOException(
            "sha1 mismatch", ReadFailedException.at("big", Kind.INTEGRITY, "checksum", null));
    Filesystem f = Filesystem.of(new FailingAdapter(memory).failReadsAfter(10, bad));
    assertThatThrownBy(() -> f.read("big"))
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.INTEGRITY);
  }

  @Test
  void readStream_partialReadThenClose_doesNotFail() throws IOException {
    fs.write("p", "x".repeat(10_000));
    InputStream in = fs.readStream("p");
    assertThat(in.read()).isEqualTo('x');
    in.close();
  }

  @Test
  void read_readsDoNotChangeMetadata() {
    fs.write("f", "content");
    FileAttributes before = fs.stat("f");
    fs.read("f");
    fs.readStream("f", ByteRange.of(1, 2));
    assertThat(fs.stat("f")).isEqualTo(before);
  }

  private String range(String path, ByteRange range) throws IOException {
    try (InputStream in = fs.readStream(path, range)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  /** An adapter whose streams count bulk reads, or fail them with {@code failure} when set. */
  private static Filesystem bulkCounting(
      MemoryAdapter memory, AtomicInteger bulkReads, IOException failure) {
    return Filesystem.of(
        new ForwardingAdapter(memory) {
          @Override
          public InputStream read(String path, ByteRange range) {
            byte[] data;
            try (InputStream in = super.read(path, range)) {
              data = in.readAllBytes();
            } catch (IOException e) {
              throw new AssertionError(e);
            }
            return new ByteArrayInputStream(data) {
              @Override
              public synchronized byte[] readAllBytes() {
                if (failure != null) {
                  throw new UncheckedIOException(failure); // the only way out of this signature
                }
                bulkReads.incrementAndGet();
                return super.readAllBytes();
              }

              @Override
              public byte[] readNBytes(int len) throws IOException {
                if (failure != null) {
                  throw failure;
                }
                bulkReads.incrementAndGet();
                return super.readNBytes(len);
              }
            };
          }
        });
  }

  @Test
  void read_bytes_takesTheAdapterStreamsBulkRead() {
    memory.write("bulk", WriteSource.of("0123456789".getBytes(UTF_8)), WriteOptions.DEFAULT);
    AtomicInteger bulkReads = new AtomicInteger();
    Filesystem counted = bulkCounting(memory, bulkReads, null);

    assertThat(counted.readString("bulk")).isEqualTo("0123456789");
    try (InputStream in = counted.readStream("bulk")) {
      assertThat(in.readNBytes(4)).isEqualTo("0123".getBytes(UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }

    assertThat(bulkReads).hasValue(2);
  }

  @Test
  void readStream_bulkReadFailing_throwsReadFailedUnavailable() {
    memory.write("bulk", WriteSource.of("0123456789".getBytes(UTF_8)), WriteOptions.DEFAULT);
    Filesystem failing =
        bulkCounting(memory, new AtomicInteger(), new IOException("connection reset"));

    assertThatThrownBy(
            () -> {
              try (InputStream in = failing.readStream("bulk")) {
                in.readNBytes(4);
              }
            })
        .isInstanceOf(ReadFailedException.class)
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.UNAVAILABLE);
    assertThatThrownBy(() -> failing.read("bulk"))
        .isInstanceOf(ReadFailedException.class)
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void read_bytes_closesTheAdapterStreamAndIgnoresAFailingClose() {
    memory.write("closing", WriteSource.of("abc".getBytes(UTF_8)), WriteOptions.DEFAULT);
    AtomicInteger closes = new AtomicInteger();
    Filesystem closing =
        Filesystem.of(
            new ForwardingAdapter(memory) {
              @Override
              public InputStream read(String path, ByteRange range) {
                return new java.io.FilterInputStream(super.read(path, range)) {
                  @Override
                  public void close() throws IOException {
                    closes.incrementAndGet();
                    throw new IOException("already gone");
                  }
                };
              }
            });

    assertThat(closing.readString("closing")).isEqualTo("abc");
    assertThat(closes).hasValue(1);
  }

  @Test
  void read_bytes_ioFailureMidRead_throwsReadFailedUnavailableAndCloses() {
    memory.write("broken", WriteSource.of("abc".getBytes(UTF_8)), WriteOptions.DEFAULT);
    AtomicInteger closes = new AtomicInteger();
    Filesystem broken =
        Filesystem.of(
            new ForwardingAdapter(memory) {
              @Override
              public InputStream read(String path, ByteRange range) {
                return new InputStream() {
                  @Override
                  public int read() throws IOException {
                    throw new IOException("reset");
                  }

                  @Override
                  public void close() {
                    closes.incrementAndGet();
                  }
                };
              }
            });

    assertThatThrownBy(() -> broken.read("broken"))
        .isInstanceOf(ReadFailedException.class)
        .extracting(FilesystemReadTest::kindOf)
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(closes).hasValue(1);
  }
}
