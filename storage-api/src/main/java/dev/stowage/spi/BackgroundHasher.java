package dev.stowage.spi;

import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Computes a digest on a background thread while the caller goes on reading, so that verifying a
 * download costs the larger of "receive" and "hash" instead of their sum. Bytes are copied into
 * a few {@value #CHUNK}-byte buffers (at most {@value #IN_FLIGHT} per stream, reused), which a
 * shared pool of daemon threads hashes in order; when every buffer is waiting to be hashed,
 * {@link #update} blocks, so a slow hash slows the reader instead of growing memory.
 *
 * <p>One thread feeds an instance; {@link #abandon} may be called when the reader stops early.
 */
final class BackgroundHasher {
  static final int CHUNK = 256 * 1024;
  static final int IN_FLIGHT = 4;

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "stowage-hash-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private final Checksums.Hasher hasher;
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT);
  private int allocated;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  private byte @Nullable [] chunk;
  private int filled;
  private volatile boolean abandoned;
  private volatile @Nullable Throwable failure;

  BackgroundHasher(ChecksumAlgorithm algorithm) {
    this.hasher = Checksums.hasher(algorithm);
  }

  /** Adds {@code len} bytes of {@code b} from {@code off}; they are copied before this returns. */
  void update(byte[] b, int off, int len) throws InterruptedIOException {
    while (len > 0) {
      if (chunk == null) {
        chunk = buffer();
      }
      int n = Math.min(len, CHUNK - filled);
      System.arraycopy(b, off, chunk, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == CHUNK) {
        submit();
      }
    }
  }

  /**
   * Waits for every byte added to be hashed and returns the digest; an interrupted thread gets
   * {@link InterruptedIOException} (its flag kept) whether or not the hash is done yet.
   */
  Checksum finish() throws InterruptedIOException {
    if (filled > 0) {
      submit();
    }
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted();
    }
    try {
      tail.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing failed", e.getCause());
    }
    if (failure != null) {
      throw new IllegalStateException("hashing failed", failure);
    }
    return hasher.finish();
  }

  /** Stops hashing: buffers still queued are returned unhashed. */
  void abandon() {
    abandoned = true;
  }

  private byte[] buffer() throws InterruptedIOException {
    byte[] b = free.poll();
    if (b != null) {
      return b;
    }
    if (allocated < IN_FLIGHT) {
      allocated++;
      return new byte[CHUNK];
    }
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    }
  }

  private void submit() {
    byte[] full = Objects.requireNonNull(chunk); // callers submit only a started chunk
    int n = filled;
    chunk = null;
    filled = 0;
    tail =
        tail.thenRunAsync(
            () -> {
              try {
                if (!abandoned && failure == null) {
                  hasher.update(full, 0, n);
                }
              } catch (RuntimeException | Error e) {
                failure = e;
              } finally {
                free.offer(full);
              }
            },
            POOL);
  }

  private static InterruptedIOException interrupted() {
    return new InterruptedIOException("interrupted while verifying a download");
  }
}
