package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.CountingMultipartListener;
import dev.stowage.memory.MemoryAdapter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Progress and cancellation of writes, copies and reads on the memory adapter. */
@Timeout(30)
class TransferListenerTest {

  private static final int PART = 256;
  private static final int SIZE = 2000; // 8 parts: 7 of 256 bytes and one of 208

  private final CountingMultipartListener uploads = new CountingMultipartListener();
  private final MemoryAdapter memory =
      MemoryAdapter.builder()
          .multipart(1000, PART)
          .concurrency(3)
          .multipartListener(uploads)
          .build();
  private final Filesystem fs = Filesystem.of(memory);
  private final RecordingListener listener = new RecordingListener();
  private final byte[] data = random(SIZE);

  @Test
  void write_fileInParts_reportsMonotonicBytesEndingAtSizeAndEveryPlannedPart(@TempDir Path dir)
      throws IOException {
    Path file = Files.write(dir.resolve("f.bin"), data);

    fs.write("f.bin", file, WriteOptions.builder().listener(listener).build());

    assertThat(fs.read("f.bin")).isEqualTo(data);
    assertThat(listener.events).containsExactly("started " + SIZE, "finished " + SIZE);
    assertThat(listener.bytesStrictlyGrow()).isTrue();
    assertThat(listener.lastBytes()).isEqualTo(SIZE);
    assertThat(listener.bytes.size()).isGreaterThan(1);
    assertThat(listener.parts()).isEqualTo(partNumbers(8));
  }

  @Test
  void write_streamOfUnknownLength_reportsBytesAsReadAndEveryPart() {
    fs.write(
        "s.bin", new ByteArrayInputStream(data), WriteOptions.builder().listener(listener).build());

    assertThat(fs.read("s.bin")).isEqualTo(data);
    assertThat(listener.events).containsExactly("started -1", "finished " + SIZE);
    assertThat(listener.bytesStrictlyGrow()).isTrue();
    assertThat(listener.lastBytes()).isEqualTo(SIZE);
    assertThat(listener.parts()).isEqualTo(partNumbers(8));
  }

  @Test
  void write_smallBytesInOneRequest_reportsStartSizeAndEnd() {
    fs.write("small.txt", new byte[10], WriteOptions.builder().listener(listener).build());

    assertThat(listener.events).containsExactly("started 10", "finished 10");
    assertThat(listener.bytes).containsExactly(10L);
    assertThat(listener.parts()).isEmpty();
  }

  @Test
  void write_cancelledAfterFirstPart_failsCancelledAbortsTheUploadAndLeavesNothing() {
    CancellationToken token = CancellationToken.create();
    listener.onPart = n -> token.cancel();

    assertThatThrownBy(
            () ->
                fs.write(
                    "c.bin",
                    data,
                    WriteOptions.builder().listener(listener).cancellation(token).build()))
        .isInstanceOf(WriteFailedException.class)
        .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(Kind.CANCELLED));

    assertThat(fs.fileExists("c.bin")).isFalse();
    assertThat(uploads.pendingUploads()).isEmpty();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(listener.events).containsExactly("started " + SIZE, "failed CANCELLED");
    assertThat(listener.parts().size()).isLessThan(8);
  }

  @Test
  void write_cancelledFromAnotherThreadWhileTheSourceBlocks_failsCancelledAndLeavesNothing()
      throws InterruptedException {
    CancellationToken token = CancellationToken.create();
    BlockingSource source = new BlockingSource(data, 600);
    Thread canceller =
        new Thread(
            () -> {
              source.awaitBlocked();
              token.cancel();
            });
    canceller.start();

    assertThatThrownBy(
            () ->
                fs.write(
                    "blocked.bin",
                    source,
                    SIZE,
                    WriteOptions.builder().listener(listener).cancellation(token).build()))
        .isInstanceOf(WriteFailedException.class)
        .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(Kind.CANCELLED));
    canceller.join();

    assertThat(fs.fileExists("blocked.bin")).isFalse();
    assertThat(uploads.pendingUploads()).isEmpty();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(listener.failure.kind()).isEqualTo(Kind.CANCELLED);
  }

  @Test
  void write_tokenCancelledBeforehand_sendsNothing() {
    RecordingAdapter recording = new RecordingAdapter(memory);
    Filesystem watched = Filesystem.of(recording);
    CancellationToken token = CancellationToken.create();
    token.cancel();

    assertThatThrownBy(
            () ->
                watched.write("early.txt", "x", WriteOptions.builder().cancellation(token).build()))
        .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(Kind.CANCELLED));

    assertThat(recording.calls()).noneMatch(c -> c.startsWith("write"));
    assertThat(fs.fileExists("early.txt")).isFalse();
  }

  @Test
  void write_listenerThatThrowsEverywhere_isIsolatedAndTheWriteSucceeds() {
    TransferListener throwing =
        new TransferListener() {
          @Override
          public void started(long totalBytes) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void bytesTransferred(long bytesDone, long totalBytes) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void partCompleted(int partNumber, long partBytes) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void finished(long bytes) {
            throw new IllegalStateException("listener bug");
          }
        };

    FileAttributes written =
        fs.write("ok.bin", data, WriteOptions.builder().listener(throwing).build());

    assertThat(written.size()).isEqualTo(SIZE);
    assertThat(fs.read("ok.bin")).isEqualTo(data);
    assertThat(uploads.pendingUploads()).isEmpty();
  }

  @Test
  void copy_withListener_reportsTheCopiedSize() {
    fs.write("src.bin", data);

    fs.copy("src.bin", "dst.bin", WriteOptions.builder().listener(listener).build());

    assertThat(listener.events).containsExactly("started -1", "finished " + SIZE);
    assertThat(fs.read("dst.bin")).isEqualTo(data);
  }

  @Test
  void copy_cancelledBeforehand_failsCancelledAndCopiesNothing() {
    fs.write("src.bin", data);
    CancellationToken token = CancellationToken.create();
    token.cancel();

    assertThatThrownBy(
            () -> fs.copy("src.bin", "dst.bin", WriteOptions.builder().cancellation(token).build()))
        .isInstanceOf(CopyFailedException.class)
        .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(Kind.CANCELLED));
    assertThat(fs.fileExists("dst.bin")).isFalse();
  }

  @Test
  void read_withListener_reportsMonotonicBytesEndingAtSize() throws IOException {
    fs.write("r.bin", data);

    try (InputStream in = fs.readStream("r.bin", null, listener, null)) {
      byte[] buffer = new byte[100];
      while (in.read(buffer) >= 0) {
        // read it all in small steps
      }
    }

    assertThat(listener.bytesStrictlyGrow()).isTrue();
    assertThat(listener.bytes.size()).isEqualTo(SIZE / 100);
    assertThat(listener.lastBytes()).isEqualTo(SIZE);
    assertThat(listener.events).containsExactly("started -1", "finished " + SIZE);
  }

  @Test
  void read_cancelledMidway_closesTheStreamAndFailsLaterReadsWithCancelled() throws IOException {
    fs.write("r.bin", data);
    CancellationToken token = CancellationToken.create();

    try (InputStream in = fs.readStream("r.bin", null, listener, token)) {
      assertThat(in.readNBytes(100)).hasSize(100);
      token.cancel();
      assertThatThrownBy(in::read)
          .isInstanceOf(ReadFailedException.class)
          .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(Kind.CANCELLED));
    }
    assertThat(listener.events).containsExactly("started -1", "failed CANCELLED");
  }

  private static java.util.Set<Integer> partNumbers(int count) {
    return IntStream.rangeClosed(1, count)
        .boxed()
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(42).nextBytes(b);
    return b;
  }

  /**
   * Yields its first {@code blockAfter} bytes, then blocks until interrupted (as a socket read
   * would, failing with InterruptedIOException).
   */
  private static final class BlockingSource extends InputStream {
    private final byte[] data;
    private final int blockAfter;
    private final java.util.concurrent.CountDownLatch blocked =
        new java.util.concurrent.CountDownLatch(1);
    private int position;

    BlockingSource(byte[] data, int blockAfter) {
      this.data = data;
      this.blockAfter = blockAfter;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= blockAfter) {
        blocked.countDown();
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException("interrupted while waiting for data");
        }
      }
      int n = Math.min(len, Math.min(blockAfter, data.length) - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }

    void awaitBlocked() {
      try {
        blocked.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
