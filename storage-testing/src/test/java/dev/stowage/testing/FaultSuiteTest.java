package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ByteRange;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FaultSuiteTest {

  private static MemoryAdapter memory() {
    return memory(new MemoryUploads());
  }

  private static MemoryAdapter memory(MemoryUploads uploads) {
    return MemoryAdapter.builder()
        .multipart(32 * 1024, 16 * 1024)
        .multipartListener(uploads)
        .build();
  }

  private static FaultSuite.Builder suite(Filesystem fs) {
    return FaultSuite.builder(fs)
        .seed(11)
        .operations(400)
        .deadline(Duration.ofSeconds(5))
        .smallSize(2048)
        .streamSize(40 * 1024, 80 * 1024);
  }

  @Test
  void run_memoryWithoutFaults_everyOperationSucceedsAndReportIsClean() {
    MemoryUploads uploads = new MemoryUploads();
    try (Filesystem fs = Filesystem.of(memory(uploads))) {
      FaultSuiteReport report = suite(fs).build().run();

      assertThat(report.isClean()).as(report.summary()).isTrue();
      assertThat(report.attempted()).isEqualTo(400);
      assertThat(report.succeeded()).isGreaterThanOrEqualTo(300);
      assertThat(report.failuresByKind().keySet())
          .as(report.summary())
          .allMatch(kind -> kind.endsWith("NOT_FOUND") || kind.endsWith("RANGE_NOT_SATISFIABLE"));
      assertThat(report.attemptsByOperation())
          .containsOnlyKeys(
              "WRITE_SMALL",
              "WRITE_STREAM",
              "READ",
              "READ_RANGE",
              "READ_FROM_0",
              "STAT",
              "LIST",
              "DELETE",
              "COPY");
      assertThat(uploads.partsUploaded()).as("stream writes went multipart").isPositive();
      assertThat(uploads.pendingUploads()).as("no upload left pending").isEmpty();
      report.assertClean();
    }
  }

  /** Loads the classes a first write needs (MIME detection), so that only the staged delay is slow. */
  private static void warmUp(Filesystem fs) {
    fs.write("warm-up.txt", "x");
    fs.read("warm-up.txt");
    fs.stat("warm-up.txt");
  }

  @Test
  void run_sameSeed_sameOperations() {
    try (Filesystem a = Filesystem.of(memory());
        Filesystem b = Filesystem.of(memory())) {
      FaultSuiteReport first = suite(a).operations(100).build().run();
      FaultSuiteReport second = suite(b).operations(100).build().run();

      assertThat(first.attemptsByOperation()).isEqualTo(second.attemptsByOperation());
      assertThat(first.failuresByKind()).isEqualTo(second.failuresByKind());
    }
  }

  @Test
  void run_adapterFlipsBytesOnRead_reportsCorruptReads() {
    try (Filesystem fs = Filesystem.of(new FlippingAdapter(memory()))) {
      FaultSuiteReport report = suite(fs).build().run();

      assertThat(report.corruptReads()).as(report.summary()).isNotEmpty();
      assertThat(report.isClean()).isFalse();
      assertThatThrownBy(report::assertClean)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("corrupt reads");
    }
  }

  @Test
  void run_adapterDropsAcknowledgedWrites_reportsLostWritesThroughTruth() {
    MemoryAdapter store = memory();
    try (Filesystem fs = Filesystem.of(new DroppingAdapter(store));
        Filesystem truth = Filesystem.of(store)) {
      FaultSuiteReport report = suite(fs).truth(truth).operations(30).build().run();

      assertThat(report.lostWrites()).as(report.summary()).isNotEmpty();
      assertThat(report.lostWrites()).anyMatch(entry -> entry.contains("acknowledged"));
      assertThat(report.isClean()).isFalse();
    }
  }

  @Test
  void run_operationHangs_reportsHungAndStillEnds() {
    AtomicInteger deletes = new AtomicInteger();
    try (Filesystem fs =
        Filesystem.of(
            new ForwardingAdapter(memory()) {
              @Override
              public void delete(String path) {
                if (deletes.incrementAndGet() == 1) {
                  try {
                    Thread.sleep(120_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
                super.delete(path);
              }
            })) {
      warmUp(fs);
      long start = System.nanoTime();
      FaultSuiteReport report =
          suite(fs).deadline(Duration.ofSeconds(1)).operations(60).build().run();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(report.hung())
          .as(report.summary())
          .hasSize(1)
          .allMatch(entry -> entry.contains("DELETE"));
      assertThat(report.overtime()).hasSize(1);
      // one hang costs deadline + 5 s before the interrupt; the suite must not wait out the 120 s
      // sleep
      assertThat(elapsed).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void run_operationSlowerThanDeadline_reportsOvertime() {
    AtomicInteger deletes = new AtomicInteger();
    try (Filesystem fs =
        Filesystem.of(
            new ForwardingAdapter(memory()) {
              @Override
              public void delete(String path) {
                if (deletes.incrementAndGet() == 1) {
                  try {
                    Thread.sleep(3_500);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
                super.delete(path);
              }
            })) {
      warmUp(fs);
      FaultSuiteReport report =
          suite(fs).deadline(Duration.ofSeconds(1)).operations(60).build().run();

      assertThat(report.overtime())
          .as(report.summary())
          .hasSize(1)
          .allMatch(entry -> entry.contains("DELETE"));
      assertThat(report.hung()).isEmpty();
    }
  }

  @Test
  void run_untypedFailure_isReported() {
    try (Filesystem memoryFs = Filesystem.of(memory())) {
      Filesystem fs =
          (Filesystem)
              Proxy.newProxyInstance(
                  Filesystem.class.getClassLoader(),
                  new Class<?>[] {Filesystem.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("stat")) {
                      throw new UncheckedIOException(new IOException("raw socket trouble"));
                    }
                    try {
                      return method.invoke(memoryFs, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      FaultSuiteReport report = suite(fs).operations(60).build().run();

      assertThat(report.untyped())
          .as(report.summary())
          .isNotEmpty()
          .allMatch(
              entry ->
                  entry.contains("UncheckedIOException") && entry.contains("raw socket trouble"));
    }
  }

  @Test
  void run_operationReturnsNull_isReportedNotThrown() {
    try (Filesystem memoryFs = Filesystem.of(memory())) {
      Filesystem fs =
          (Filesystem)
              Proxy.newProxyInstance(
                  Filesystem.class.getClassLoader(),
                  new Class<?>[] {Filesystem.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("stat") || method.getName().equals("read")) {
                      return null;
                    }
                    try {
                      return method.invoke(memoryFs, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      FaultSuiteReport report = suite(fs).operations(60).build().run();

      assertThat(report.inconsistent())
          .as(report.summary())
          .anyMatch(entry -> entry.contains("STAT") && entry.contains("returned null"))
          .anyMatch(entry -> entry.contains("READ ") && entry.contains("returned null"));
      assertThat(report.lostWrites()).anyMatch(entry -> entry.contains("read returned null"));
      assertThat(report.isClean()).isFalse();
    }
  }

  @Test
  void run_leftoversReported_reportIsNotClean() {
    try (Filesystem fs = Filesystem.of(memory())) {
      FaultSuiteReport report =
          suite(fs).operations(10).leftovers(() -> List.of("unfinished upload u1")).build().run();

      assertThat(report.leftovers()).containsExactly("unfinished upload u1");
      assertThat(report.isClean()).isFalse();
      assertThat(report.summary()).contains("leftovers: 1", "unfinished upload u1");
    }
  }

  @Test
  void builder_badValues_failNamingTheValue() {
    try (Filesystem fs = Filesystem.of(memory())) {
      assertThatThrownBy(() -> FaultSuite.builder(fs).operations(0))
          .hasMessageContaining("operations");
      assertThatThrownBy(() -> FaultSuite.builder(fs).deadline(Duration.ZERO))
          .hasMessageContaining("deadline");
      assertThatThrownBy(() -> FaultSuite.builder(fs).keys(1)).hasMessageContaining("keys");
      assertThatThrownBy(() -> FaultSuite.builder(fs).root("/")).hasMessageContaining("root");
      assertThatThrownBy(() -> FaultSuite.builder(fs).streamSize(10, 5))
          .hasMessageContaining("streamSize");
    }
  }

  /** Flips the first byte of every third non-empty read: a corrupting adapter the suite must catch. */
  private static final class FlippingAdapter extends ForwardingAdapter {
    private final AtomicInteger reads = new AtomicInteger();

    FlippingAdapter(FilesystemAdapter delegate) {
      super(delegate);
    }

    @Override
    public InputStream read(String path, ByteRange range) {
      byte[] data;
      try (InputStream in = super.read(path, range)) {
        data = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (data.length > 0 && reads.incrementAndGet() % 3 == 0) {
        data[0] ^= 0x01;
      }
      return new ByteArrayInputStream(data);
    }
  }

  /** Acknowledges every third write without storing it where it belongs. */
  private static final class DroppingAdapter extends ForwardingAdapter {
    private final AtomicInteger writes = new AtomicInteger();

    DroppingAdapter(FilesystemAdapter delegate) {
      super(delegate);
    }

    @Override
    public FileAttributes write(String path, WriteSource source, WriteOptions options) {
      if (writes.incrementAndGet() % 3 == 0) {
        return super.write("dropped/" + path, source, options);
      }
      return super.write(path, source, options);
    }
  }
}
