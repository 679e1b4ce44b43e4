package dev.stowage.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs one operation at a time on a daemon worker and gives up on it after a limit: the worker
 * is interrupted, and if it does not end within a grace period it is abandoned (a fresh worker
 * takes over), so a hung operation can never hang the suite.
 */
final class Watchdog implements AutoCloseable {

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** What one operation did: its value or its failure, and how long it took. */
  record Outcome(@Nullable Object value, @Nullable Throwable failure, long nanos, boolean hung) {}

  private final Duration limit;
  private ExecutorService worker = newWorker();

  Watchdog(Duration limit) {
    this.limit = limit;
  }

  private static ExecutorService newWorker() {
    String name = "fault-suite-worker-" + IDS.incrementAndGet();
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread thread = new Thread(r, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Runs {@code operation}; a failure is returned, not thrown. */
  Outcome run(Callable<?> operation) {
    CountDownLatch done = new CountDownLatch(1);
    Future<Outcome> future =
        worker.submit(
            () -> {
              long start = System.nanoTime();
              try {
                Object value = operation.call();
                return new Outcome(value, null, System.nanoTime() - start, false);
              } catch (Throwable t) {
                return new Outcome(null, t, System.nanoTime() - start, false);
              } finally {
                done.countDown();
              }
            });
    long start = System.nanoTime();
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      boolean ended;
      try {
        ended = done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        ended = false;
      }
      if (!ended) {
        worker.shutdownNow();
        worker = newWorker();
      }
      return new Outcome(null, null, System.nanoTime() - start, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Outcome(null, e, System.nanoTime() - start, false);
    } catch (ExecutionException e) {
      return new Outcome(null, e.getCause(), System.nanoTime() - start, false);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
