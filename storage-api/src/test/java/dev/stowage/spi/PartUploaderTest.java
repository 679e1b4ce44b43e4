package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.FileAttributes;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class PartUploaderTest {

  private static final int CS = 1000;

  private final PartUploader uploader = PartUploader.builder().partSize(CS).concurrency(3).build();
  private final RecordingSession session = new RecordingSession();
  private final ExecutorService background = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /** A source that counts how many bytes were taken from it. */
  static final class CountingStream extends FilterInputStream {
    final AtomicLong read = new AtomicLong();

    CountingStream(InputStream in) {
      super(in);
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
      int n = super.read(b, off, Math.min(len, 100));
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 30 s");
      }
      Thread.sleep(5);
    }
  }

  @ParameterizedTest(name = "{0} bytes -> {1} parts")
  @CsvSource({"0,1", "1,1", "999,1", "1000,1", "1001,2", "2000,2", "2001,3", "5500,6"})
  void uploadStream_knownLength_partCountsAtBoundaries(int size, int parts) throws IOException {
    byte[] data = bytes(size);
    uploader.upload(new ByteArrayInputStream(data), size, session);
    assertThat(session.parts).hasSize(parts);
    assertThat(session.assembled()).isEqualTo(data);
    assertThat(session.receipts)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, parts).mapToObj(i -> "r" + i).toList());
    assertThat(uploader.partCount(size)).isEqualTo(parts);
    assertThat(session.aborts).hasValue(0);
  }

  @ParameterizedTest(name = "{0} bytes -> {1} parts")
  @CsvSource({"0,1", "999,1", "1000,1", "1001,2", "2000,2", "2001,3"})
  void uploadStream_unknownLength_partCountsAtBoundaries(int size, int parts) throws IOException {
    byte[] data = bytes(size);
    uploader.upload(new ByteArrayInputStream(data), -1, session);
    assertThat(session.parts).hasSize(parts);
    assertThat(session.assembled()).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0} bytes -> {1} parts")
  @CsvSource({"0,1", "999,1", "1000,1", "1001,2", "2000,2", "2001,3"})
  void uploadFile_partCountsAtBoundaries(int size, int parts, @TempDir Path dir)
      throws IOException {
    byte[] data = bytes(size);
    Path file = dir.resolve("f");
    Files.write(file, data);
    uploader.upload(file, session);
    assertThat(session.parts).hasSize(parts);
    assertThat(session.assembled()).isEqualTo(data);
  }

  @Test
  void uploadStream_knownLength_doesNotReadPastLength() throws IOException {
    CountingStream in = new CountingStream(new ByteArrayInputStream(bytes(5000)));
    uploader.upload(in, 2500, session);
    assertThat(in.read).hasValue(2500);
    assertThat(session.assembled()).isEqualTo(Arrays.copyOf(bytes(5000), 2500));
  }

  @Test
  void uploadStream_shortStream_failsWithEofAndAbortsOnce() {
    assertThatThrownBy(() -> uploader.upload(new ByteArrayInputStream(bytes(2500)), 3000, session))
        .isInstanceOf(EOFException.class);
    assertThat(session.aborts).hasValue(1);
    assertThat(session.completes).hasValue(0);
  }

  @Test
  void upload_receiptsAreInPartOrderWhenPartsFinishOutOfOrder() throws Exception {
    Semaphore gate = new Semaphore(0);
    session.gate = gate;
    byte[] data = bytes(3 * CS);
    CompletableFuture<?> run =
        CompletableFuture.runAsync(
            () -> {
              try {
                uploader.upload(new ByteArrayInputStream(data), data.length, session);
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            },
            background);
    await(() -> session.inFlight.get() == 3);
    gate.release(3);
    run.get(30, TimeUnit.SECONDS);
    assertThat(session.receipts).containsExactly("r1", "r2", "r3");
    assertThat(session.assembled()).isEqualTo(data);
  }

  @Test
  void uploadStream_memoryIsBoundedToConcurrencyPlusOneParts() throws Exception {
    Semaphore gate = new Semaphore(0);
    session.gate = gate;
    byte[] data = bytes(20 * CS);
    CountingStream in = new CountingStream(new ByteArrayInputStream(data));
    AtomicReference<Thread> feeder = new AtomicReference<>();
    CompletableFuture<?> run =
        CompletableFuture.runAsync(
            () -> {
              feeder.set(Thread.currentThread());
              try {
                uploader.upload(in, -1, session);
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            },
            background);
    long bound = (long) CS * (uploader.concurrency() + 1);
    for (int round = 0; round < 5; round++) {
      // Wait until every slot is busy and the feeder is parked waiting for one.
      await(
          () ->
              session.inFlight.get() == 3
                  && feeder.get() != null
                  && feeder.get().getState() == Thread.State.TIMED_WAITING);
      long held = in.read.get() - session.completedBytes.get();
      assertThat(held).isLessThanOrEqualTo(bound);
      assertThat(session.maxInFlight.get()).isLessThanOrEqualTo(3);
      long completedBefore = session.completedBytes.get();
      gate.release(1);
      await(() -> session.completedBytes.get() > completedBefore);
    }
    gate.release(100);
    run.get(30, TimeUnit.SECONDS);
    assertThat(session.assembled()).isEqualTo(data);
    assertThat(session.maxInFlight.get()).isLessThanOrEqualTo(3);
  }

  @Test
  void upload_partFailure_stopsFeedingAbortsOnceAndThrows() {
    session.failOnPart = 2;
    PartUploader serial = PartUploader.builder().partSize(CS).concurrency(1).build();
    assertThatThrownBy(() -> serial.upload(new ByteArrayInputStream(bytes(10 * CS)), -1, session))
        .isInstanceOf(IOException.class)
        .hasMessage("part 2 failed");
    assertThat(session.aborts).hasValue(1);
    assertThat(session.completes).hasValue(0);
    // With one slot, at most the part after the failing one can have been handed over.
    assertThat(session.started).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void upload_sourceFailure_abortsOnceAndThrowsSourceFailure() {
    InputStream broken =
        new InputStream() {
          private int n;

          @Override
          public int read() throws IOException {
            if (++n > 2500) {
              throw new IOException("source broke");
            }
            return 1;
          }
        };
    assertThatThrownBy(() -> uploader.upload(broken, -1, session))
        .isInstanceOf(IOException.class)
        .hasMessage("source broke");
    assertThat(session.aborts).hasValue(1);
    assertThat(session.completes).hasValue(0);
  }

  @Test
  void upload_completeFailure_abortsOnce() {
    session.failOnComplete = true;
    assertThatThrownBy(() -> uploader.upload(new ByteArrayInputStream(bytes(2500)), 2500, session))
        .isInstanceOf(IOException.class)
        .hasMessage("complete failed");
    assertThat(session.aborts).hasValue(1);
  }

  @Test
  void upload_runtimeFailureOfPart_isRethrownAsIs() {
    MultipartSession<String> exploding =
        new MultipartSession<>() {
          @Override
          public String uploadPart(PartData part) {
            throw new IllegalStateException("bug in part");
          }

          @Override
          public dev.stowage.FileAttributes complete(java.util.List<String> receipts) {
            throw new AssertionError("not reached");
          }

          @Override
          public void abort() {
            session.abort();
          }
        };
    assertThatThrownBy(
            () -> uploader.upload(new ByteArrayInputStream(bytes(2500)), 2500, exploding))
        .isInstanceOf(IllegalStateException.class);
    assertThat(session.aborts).hasValue(1);
  }

  @Test
  void upload_interrupted_abortsOnceAndRestoresFlag() throws Exception {
    Semaphore gate = new Semaphore(0);
    session.gate = gate;
    AtomicReference<Thread> feeder = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    CompletableFuture<?> run =
        CompletableFuture.runAsync(
            () -> {
              feeder.set(Thread.currentThread());
              try {
                uploader.upload(new ByteArrayInputStream(bytes(20 * CS)), -1, session);
              } catch (Throwable t) {
                thrown.set(t);
              }
              flag.set(Thread.interrupted());
            },
            background);
    await(
        () ->
            session.inFlight.get() == 3
                && feeder.get() != null
                && feeder.get().getState() == Thread.State.TIMED_WAITING);
    feeder.get().interrupt();
    run.get(30, TimeUnit.SECONDS);
    assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
    assertThat(flag.get()).isTrue();
    assertThat(session.aborts).hasValue(1);
    assertThat(session.completes).hasValue(0);
    assertThat(session.inFlight).hasValue(0);
  }

  @Test
  void upload_interrupted_abortRunsWithTheFlagCleared() throws Exception {
    AtomicReference<Boolean> interruptedDuringAbort = new AtomicReference<>();
    Semaphore gate = new Semaphore(0);
    MultipartSession<String> checking =
        new MultipartSession<>() {
          @Override
          public String uploadPart(PartData part) throws IOException {
            try {
              gate.acquire();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException("part interrupted");
            }
            return "r";
          }

          @Override
          public FileAttributes complete(List<String> receipts) {
            return FileAttributes.of("f", 0);
          }

          @Override
          public void abort() {
            // A network abort on an interrupted thread fails at once in OkHttp and the AWS SDK.
            interruptedDuringAbort.set(Thread.currentThread().isInterrupted());
          }
        };
    AtomicReference<Thread> feeder = new AtomicReference<>();
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();
    CompletableFuture<?> run =
        CompletableFuture.runAsync(
            () -> {
              feeder.set(Thread.currentThread());
              try {
                uploader.upload(new ByteArrayInputStream(bytes(20 * CS)), -1, checking);
              } catch (Throwable ignored) {
                // the interrupt fails the upload; what matters is the abort
              }
              flagAfter.set(Thread.interrupted());
            },
            background);
    await(() -> feeder.get() != null && feeder.get().getState() == Thread.State.TIMED_WAITING);
    feeder.get().interrupt();
    run.get(30, TimeUnit.SECONDS);
    assertThat(interruptedDuringAbort.get()).isFalse();
    assertThat(flagAfter.get()).isTrue();
  }

  @Test
  void uploadStream_partsAreReleasedOnceUploaded() throws Exception {
    List<PartData> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    MultipartSession<String> keeping =
        new MultipartSession<>() {
          @Override
          public String uploadPart(PartData part) throws IOException {
            try (InputStream in = part.open()) {
              in.readAllBytes();
            }
            seen.add(part);
            return "r" + part.partNumber();
          }

          @Override
          public FileAttributes complete(List<String> receipts) {
            return FileAttributes.of("f", 0);
          }

          @Override
          public void abort() {}
        };
    uploader.upload(new ByteArrayInputStream(bytes(5 * CS)), -1, keeping);
    assertThat(seen).isNotEmpty();
    for (PartData part : seen) {
      assertThatThrownBy(part::open)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("released");
    }
  }

  @Test
  void upload_withSharedExecutor_doesNotShutItDown() throws IOException {
    ExecutorService shared = Executors.newFixedThreadPool(2);
    try {
      PartUploader p = PartUploader.builder().partSize(CS).concurrency(2).executor(shared).build();
      p.upload(new ByteArrayInputStream(bytes(4500)), 4500, session);
      assertThat(shared.isShutdown()).isFalse();
      assertThat(session.parts).hasSize(5);
    } finally {
      shared.shutdownNow();
    }
  }

  @Test
  void readHead_smallStream_hasEnded() throws IOException {
    PartUploader.Head head = PartUploader.readHead(new ByteArrayInputStream(bytes(10)), 10);
    assertThat(head.ended()).isTrue();
    assertThat(head.bytes()).isEqualTo(bytes(10));
    assertThat(PartUploader.readHead(new ByteArrayInputStream(bytes(9)), 10).ended()).isTrue();
  }

  @Test
  void readHead_largerStream_hasNotEndedAndUploadContinues() throws IOException {
    byte[] data = bytes(3500);
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    PartUploader.Head head = PartUploader.readHead(in, 1200);
    assertThat(head.ended()).isFalse();
    assertThat(head.bytes()).hasSize(1201);
    uploader.upload(head, in, session);
    assertThat(session.assembled()).isEqualTo(data);
    assertThat(session.parts).hasSize(4);
  }

  @Test
  void builder_rejectsBadValues() {
    assertThatThrownBy(() -> PartUploader.builder().partSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PartUploader.builder().concurrency(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
