package dev.stowage.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ByteRange;
import dev.stowage.DirectoryListing;
import dev.stowage.Filesystem;
import dev.stowage.Operation;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageException;
import dev.stowage.UploadStream;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.ForwardingAdapter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the decorator records for a controlled sequence of calls on the memory adapter. */
class ObservedFilesystemTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private ObservedFilesystem observed(Filesystem fs) {
    return ObservedFilesystem.builder(fs, meters).adapter("memory").name("test").build();
  }

  private ObservedFilesystem observedMemory() {
    return observed(Filesystem.of(MemoryAdapter.create()));
  }

  private double bytesRead() {
    return meters.get(ObservationNames.BYTES_READ).counter().count();
  }

  private double bytesWritten() {
    return meters.get(ObservationNames.BYTES_WRITTEN).counter().count();
  }

  private long count(String operation, String outcome, String kind) {
    Timer timer =
        meters
            .find(ObservationNames.OPERATION_OBSERVATION)
            .tag("operation", operation)
            .tag("outcome", outcome)
            .tag("error.kind", kind)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  private long active(String operation) {
    LongTaskTimer timer =
        meters
            .find(ObservationNames.OPERATION_OBSERVATION + ".active")
            .tag("operation", operation)
            .longTaskTimer();
    return timer == null ? 0 : timer.activeTasks();
  }

  @Test
  void writesAndReads_controlledSequence_countExactlyTheBytesMoved(@TempDir Path dir)
      throws IOException {
    Path local = dir.resolve("local.bin");
    Files.write(local, new byte[300]);
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("a.bin", new byte[10]);
      fs.write("s.txt", "h\u00e9llo"); // 6 bytes in UTF-8
      fs.write("u.bin", new ByteArrayInputStream(new byte[1000]), WriteOptions.DEFAULT);
      fs.write("k.bin", new ByteArrayInputStream(new byte[700]), 500, WriteOptions.DEFAULT);
      fs.write("p.bin", local, WriteOptions.DEFAULT);
      assertThat(bytesWritten()).isEqualTo(10 + 6 + 1000 + 500 + 300);
      assertThat(bytesRead()).isZero();

      assertThat(fs.read("a.bin")).hasSize(10);
      assertThat(fs.readString("s.txt")).isEqualTo("h\u00e9llo");
      try (InputStream in = fs.readStream("u.bin")) {
        assertThat(in.readAllBytes()).hasSize(1000);
      }
      try (InputStream in = fs.readStream("k.bin", ByteRange.of(0, 99))) {
        assertThat(in.read(new byte[50])).isEqualTo(50); // closed half-read
      }
      try (InputStream in = fs.readStream("p.bin")) {
        assertThat(in.transferTo(new ByteArrayOutputStream())).isEqualTo(300);
      }
      try (InputStream in = fs.readStream("a.bin")) {
        assertThat(in.read()).isZero();
        assertThat(in.readNBytes(4)).hasSize(4);
      }
      assertThat(bytesRead()).isEqualTo(10 + 6 + 1000 + 50 + 300 + 5);
      assertThat(bytesWritten()).isEqualTo(10 + 6 + 1000 + 500 + 300);
      assertThat(count("write", "success", "none")).isEqualTo(5);
      assertThat(count("read", "success", "none")).isEqualTo(2);
      assertThat(count("read_stream", "success", "none")).isEqualTo(4);
    }
  }

  @Test
  void write_streamEndsEarly_errorInvalidInputAndNoBytesCounted() {
    try (ObservedFilesystem fs = observedMemory()) {
      assertThatThrownBy(
              () ->
                  fs.write(
                      "short.bin",
                      new ByteArrayInputStream(new byte[50]),
                      100,
                      WriteOptions.DEFAULT))
          .isInstanceOf(WriteFailedException.class);
      assertThat(count("write", "error", "INVALID_INPUT")).isEqualTo(1);
      assertThat(count("write", "success", "none")).isZero();
      assertThat(bytesWritten()).isZero();
    }
  }

  @Test
  void failures_areTimedWithTheirKind() {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("f.txt", "x");
      assertThatThrownBy(() -> fs.read("missing.txt")).isInstanceOf(ReadFailedException.class);
      assertThatThrownBy(() -> fs.stat("missing.txt")).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> fs.read("../escape")).isInstanceOf(StorageException.class);
      assertThatThrownBy(
              () -> fs.write("f.txt", "y", WriteOptions.builder().createOnly(true).build()))
          .isInstanceOf(WriteFailedException.class);
      assertThat(count("read", "error", "NOT_FOUND")).isEqualTo(1);
      assertThat(count("stat", "error", "NOT_FOUND")).isEqualTo(1);
      assertThat(count("read", "error", "INVALID_INPUT")).isEqualTo(1);
      assertThat(count("write", "error", "ALREADY_EXISTS")).isEqualTo(1);
      Timer failed =
          meters
              .get(ObservationNames.OPERATION_OBSERVATION)
              .tag("error.kind", "NOT_FOUND")
              .tag("operation", "read")
              .timer();
      assertThat(failed.getId().getTag("adapter")).isEqualTo("memory");
      assertThat(failed.getId().getTag("filesystem")).isEqualTo("test");
      assertThat(bytesRead()).isZero();
    }
  }

  @Test
  void readStream_observedUntilClosed() throws IOException {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("f.bin", new byte[64]);
      InputStream in = fs.readStream("f.bin");
      assertThat(active("read_stream")).isEqualTo(1);
      assertThat(count("read_stream", "success", "none")).isZero();
      in.readAllBytes();
      in.close();
      in.close();
      assertThat(active("read_stream")).isZero();
      assertThat(count("read_stream", "success", "none")).isEqualTo(1);
    }
  }

  @Test
  void readStream_failingMidway_endsWithError() throws IOException {
    Filesystem failing =
        Filesystem.of(
            new ForwardingAdapter(MemoryAdapter.create()) {
              @Override
              public InputStream read(String path, ByteRange range) {
                InputStream real = super.read(path, range);
                return new InputStream() {
                  private int left = 3;

                  @Override
                  public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                  }

                  @Override
                  public int read(byte[] b, int off, int len) throws IOException {
                    if (left == 0) {
                      throw new IOException("connection reset");
                    }
                    int n = real.read(b, off, Math.min(len, left));
                    left -= Math.max(n, 0);
                    return n;
                  }
                };
              }
            });
    try (ObservedFilesystem fs = observed(failing)) {
      fs.write("f.bin", new byte[10]);
      InputStream in = fs.readStream("f.bin");
      assertThat(in.read(new byte[10])).isEqualTo(3);
      assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(ReadFailedException.class);
      assertThat(count("read_stream", "error", "UNAVAILABLE")).isEqualTo(1);
      assertThat(active("read_stream")).isZero();
      assertThat(bytesRead()).isEqualTo(3);
    }
  }

  @Test
  void readStream_callersSinkFails_notAReadFailure() throws IOException {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("f.bin", new byte[100]);
      try (InputStream in = fs.readStream("f.bin")) {
        java.io.OutputStream broken =
            new java.io.OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("disk full");
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
              }
            };
        assertThatThrownBy(() -> in.transferTo(broken))
            .isInstanceOf(IOException.class)
            .hasMessage("disk full");
        assertThat(active("read_stream"))
            .as("still open: the read itself did not fail")
            .isEqualTo(1);
      }
      assertThat(count("read_stream", "success", "none")).isEqualTo(1);
      assertThat(count("read_stream", "error", "UNAVAILABLE")).isZero();
      assertThat(bytesRead()).isZero();
    }
  }

  @Test
  void openOutputStream_closed_countsExactBytesAndEndsTheWriteAsSuccess() {
    try (ObservedFilesystem fs = observedMemory()) {
      UploadStream out = fs.openOutputStream("o.txt", WriteOptions.DEFAULT);
      out.write("abc".getBytes(StandardCharsets.UTF_8));
      out.write('d');
      out.write("xxefghxx".getBytes(StandardCharsets.UTF_8), 2, 4);
      assertThat(active("write")).as("observed until closed").isEqualTo(1);
      assertThat(bytesWritten()).as("nothing counted before the commit").isZero();
      out.close();
      assertThat(fs.readString("o.txt")).isEqualTo("abcdefgh");
      assertThat(bytesWritten()).isEqualTo(8);
      assertThat(count("write", "success", "none")).isEqualTo(1);
      assertThat(active("write")).isZero();
      out.close();
      assertThat(count("write", "success", "none"))
          .as("a second close records nothing")
          .isEqualTo(1);
      assertThat(
              meters
                  .find(ObservationNames.OPERATION_OBSERVATION)
                  .tag("operation", "open_output_stream")
                  .timer())
          .isNull();
    }
  }

  @Test
  void openOutputStream_aborted_endsAsCancelledErrorAndCountsNothing() {
    try (ObservedFilesystem fs = observedMemory()) {
      UploadStream out = fs.openOutputStream("o.txt", WriteOptions.DEFAULT);
      out.write(new byte[50]);
      out.abort();
      out.close();
      assertThat(fs.fileExists("o.txt")).isFalse();
      assertThat(count("write", "error", "CANCELLED")).isEqualTo(1);
      assertThat(count("write", "success", "none")).isZero();
      assertThat(active("write")).isZero();
      assertThat(bytesWritten()).isZero();
    }
  }

  @Test
  void openOutputStream_closeFails_endsAsErrorWithTheKindAndCountsNothing() {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("taken.txt", "old");
      double before = bytesWritten();
      UploadStream out =
          fs.openOutputStream("taken.txt", WriteOptions.builder().createOnly(true).build());
      out.write(new byte[20]);
      assertThatThrownBy(out::close)
          .isInstanceOf(StorageException.class)
          .satisfies(
              e ->
                  assertThat(((StorageException) e).kind())
                      .isEqualTo(StorageException.Kind.ALREADY_EXISTS));
      assertThat(count("write", "error", "ALREADY_EXISTS")).isEqualTo(1);
      assertThat(active("write")).isZero();
      assertThat(bytesWritten()).isEqualTo(before);
      assertThat(fs.readString("taken.txt")).isEqualTo("old");
    }
  }

  @Test
  void openOutputStream_neverClosed_endsAsAbandonedOnceCollected() throws InterruptedException {
    try (ObservedFilesystem fs = observedMemory()) {
      openWriteAndDrop(fs, "dropped.txt");
      assertThat(active("write")).isEqualTo(1);
      awaitCollected(() -> count("write", "abandoned", "none") == 1);
      assertThat(active("write")).isZero();
      assertThat(bytesWritten()).isZero();
    }
  }

  @Test
  void readStream_neverClosed_endsAsAbandonedOnceCollected() throws InterruptedException {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("f.bin", new byte[8]);
      openAndDrop(fs, "f.bin");
      awaitCollected(() -> count("read_stream", "abandoned", "none") == 1);
      assertThat(active("read_stream")).isZero();
    }
  }

  @Test
  void list_observedUntilExhaustedClosedOrCollected() throws InterruptedException {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("d/a.txt", "a");
      fs.write("d/b.txt", "b");
      try (DirectoryListing listing = fs.list("d")) {
        assertThat(active("list")).isEqualTo(1);
        assertThat(listing.toList()).hasSize(2);
      }
      assertThat(count("list", "success", "none")).isEqualTo(1);
      for (var ignored : fs.list("d")) { // exhausted, never closed
        assertThat(active("list")).isEqualTo(1);
      }
      assertThat(count("list", "success", "none")).isEqualTo(2);
      try (DirectoryListing listing = fs.list("d")) {
        listing.iterator().next(); // closed after one entry
      }
      assertThat(count("list", "success", "none")).isEqualTo(3);
      assertThat(active("list")).isZero();
      listAndDrop(fs, "d");
      awaitCollected(() -> count("list", "abandoned", "none") == 1);
      assertThat(active("list")).isZero();
    }
  }

  @Test
  void list_failingPage_endsWithError() {
    Filesystem failing =
        Filesystem.of(
            new ForwardingAdapter(MemoryAdapter.create()) {
              @Override
              public Iterator<dev.stowage.StorageAttributes> list(String path, boolean deep) {
                return new Iterator<>() {
                  @Override
                  public boolean hasNext() {
                    throw StorageException.of(
                        Operation.LIST,
                        path,
                        StorageException.Kind.UNAVAILABLE,
                        "page failed",
                        null);
                  }

                  @Override
                  public dev.stowage.StorageAttributes next() {
                    throw new AssertionError();
                  }
                };
              }
            });
    try (ObservedFilesystem fs = observed(failing);
        DirectoryListing listing = fs.list("d")) {
      assertThatThrownBy(listing::toList).isInstanceOf(StorageException.class);
      assertThat(count("list", "error", "UNAVAILABLE")).isEqualTo(1);
      assertThat(count("list", "success", "none")).isZero();
    }
  }

  @Test
  void views_recordIntoTheSameMeters() {
    try (ObservedFilesystem fs = observedMemory()) {
      Filesystem view = fs.at("inner");
      view.write("a.txt", "abc");
      assertThat(view.readString("a.txt")).isEqualTo("abc");
      assertThat(count("write", "success", "none")).isEqualTo(1);
      assertThat(bytesWritten()).isEqualTo(3);
      assertThat(bytesRead()).isEqualTo(3);
    }
  }

  @Test
  void paths_neverBecomeTags() {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.write("secret-customer/report.csv", "x");
      assertThatThrownBy(() -> fs.read("secret-customer/missing.csv"))
          .isInstanceOf(StorageException.class);
      fs.list("secret-customer").toList();
      for (Meter meter : meters.getMeters()) {
        for (Tag tag : meter.getId().getTags()) {
          assertThat(tag.getValue()).doesNotContain("secret-customer");
        }
      }
      assertThat(fs.toString()).doesNotContain("secret-customer").contains("memory");
    }
  }

  @Test
  void recordRetry_countsByKindAndOperation() {
    try (ObservedFilesystem fs = observedMemory()) {
      fs.recordRetry(Operation.WRITE, StorageException.Kind.RATE_LIMITED);
      fs.recordRetry(Operation.WRITE, StorageException.Kind.RATE_LIMITED);
      fs.recordRetry(Operation.READ, StorageException.Kind.UNAVAILABLE);
      assertThat(
              meters
                  .get(ObservationNames.RETRIES)
                  .tag("error.kind", "RATE_LIMITED")
                  .tag("operation", "write")
                  .counter()
                  .count())
          .isEqualTo(2);
      assertThat(
              meters
                  .get(ObservationNames.RETRIES)
                  .tag("error.kind", "UNAVAILABLE")
                  .tag("operation", "read")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void builder_badNames_areRefusedNamingTheSetting() {
    Filesystem fs = Filesystem.of(MemoryAdapter.create());
    assertThatThrownBy(() -> ObservedFilesystem.builder(fs, meters).adapter("b2 bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adapter")
        .hasMessageContaining("b2 bucket");
    assertThatThrownBy(() -> ObservedFilesystem.builder(fs, meters).name(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> ObservedFilesystem.builder(fs, meters).observationName("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observationName");
    assertThatThrownBy(() -> ObservedFilesystem.builder(fs, (SimpleMeterRegistry) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("meters");
  }

  @Test
  void builder_withoutMeterRegistry_stillObservesButCountsNoBytes() {
    AtomicReference<String> seen = new AtomicReference<>();
    io.micrometer.observation.ObservationRegistry registry =
        io.micrometer.observation.ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new io.micrometer.observation.ObservationHandler<>() {
              @Override
              public boolean supportsContext(
                  io.micrometer.observation.Observation.Context context) {
                return context instanceof StorageObservationContext;
              }

              @Override
              public void onStop(io.micrometer.observation.Observation.Context context) {
                seen.set(((StorageObservationContext) context).operation());
              }
            });
    try (ObservedFilesystem fs =
        ObservedFilesystem.builder(Filesystem.of(MemoryAdapter.create()), registry).build()) {
      fs.write("a.txt", "a");
      assertThat(seen.get()).isEqualTo("write");
    }
    assertThat(meters.getMeters()).isEmpty();
  }

  private static void openWriteAndDrop(Filesystem fs, String path) {
    fs.openOutputStream(path, WriteOptions.DEFAULT).write(new byte[5]);
  }

  private static void openAndDrop(Filesystem fs, String path) {
    fs.readStream(path);
  }

  private static void listAndDrop(Filesystem fs, String path) {
    fs.list(path).iterator().next();
  }

  /** Asks for collections until {@code done}; generous (10 s) because the collector decides when. */
  static void awaitCollected(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as("the abandoned observation was not ended")
          .isLessThan(deadline);
      System.gc();
      Thread.sleep(20);
    }
  }
}
