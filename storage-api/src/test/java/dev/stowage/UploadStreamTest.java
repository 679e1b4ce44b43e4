package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link UploadStream}: abort and interrupted close discard the upload and wait for the adapter. */
@Timeout(30)
class UploadStreamTest {

  /** Lets a test see whether the adapter's write was still running when abort returned. */
  private static final class WatchedAdapter extends ForwardingAdapter {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final CountDownLatch started = new CountDownLatch(1);

    WatchedAdapter() {
      super(MemoryAdapter.builder().multipart(16 * 1024, 16 * 1024).build());
    }

    @Override
    public FileAttributes write(String path, WriteSource source, WriteOptions options) {
      running.incrementAndGet();
      started.countDown();
      try {
        return super.write(path, source, options);
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        throw e;
      } finally {
        running.decrementAndGet();
      }
    }
  }

  private final WatchedAdapter adapter = new WatchedAdapter();
  private final Filesystem fs = Filesystem.of(adapter);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  @Test
  void abort_beforeAnyUpload_writesNothing() {
    UploadStream out = fs.openOutputStream("a.bin", WriteOptions.DEFAULT);
    out.write(bytes(100), 0, 100);
    out.abort();
    assertThat(fs.fileExists("a.bin")).isFalse();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(WriteFailedException.class);
    out.close(); // closing an aborted stream commits nothing
    assertThat(fs.fileExists("a.bin")).isFalse();
  }

  @Test
  void abort_midUpload_discardsItAndWaitsForTheAdapter() throws Exception {
    UploadStream out = fs.openOutputStream("b.bin", WriteOptions.DEFAULT);
    out.write(bytes(200_000), 0, 200_000);
    assertThat(adapter.started.await(10, TimeUnit.SECONDS)).isTrue();
    out.abort();
    assertThat(adapter.running).hasValue(0);
    assertThat(adapter.failed).hasValue(1);
    assertThat(fs.fileExists("b.bin")).isFalse();
  }

  @Test
  void close_onInterruptedThread_abortsAndKeepsTheFlag() throws Exception {
    UploadStream out = fs.openOutputStream("c.bin", WriteOptions.DEFAULT);
    out.write(bytes(200_000), 0, 200_000);
    assertThat(adapter.started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.currentThread().interrupt();
    assertThatThrownBy(out::close)
        .isInstanceOf(WriteFailedException.class)
        .hasMessageContaining("interrupted");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    Thread.interrupted();
    assertThat(adapter.running).hasValue(0);
    assertThat(fs.fileExists("c.bin")).isFalse();
  }

  @Test
  void close_normally_commits() throws IOException {
    AtomicBoolean done = new AtomicBoolean();
    try (UploadStream out = fs.openOutputStream("d.bin", WriteOptions.DEFAULT)) {
      out.write(bytes(200_000));
      done.set(true);
    }
    assertThat(done).isTrue();
    assertThat(fs.read("d.bin")).isEqualTo(bytes(200_000));
    UploadStream again = fs.openOutputStream("d.bin", WriteOptions.DEFAULT);
    again.close();
    again.abort(); // after a successful close, abort does nothing
    assertThat(fs.read("d.bin")).isEmpty();
  }
}
