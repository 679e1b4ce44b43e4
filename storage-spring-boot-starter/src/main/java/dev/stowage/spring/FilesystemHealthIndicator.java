package dev.stowage.spring;

import dev.stowage.DirectoryListing;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Reports whether a {@link Filesystem} can be reached: it lists the root and reads at most one
 * entry, on an executor thread, and waits at most a timeout.
 *
 * <p>UP when the listing answers (an empty bucket is UP). DOWN with the details {@code kind} (the
 * {@link StorageException.Kind}, such as {@code BUCKET_NOT_FOUND} or {@code PERMISSION_DENIED})
 * and {@code retryable} when it fails; DOWN with {@code kind=TIMEOUT} when it does not answer in
 * time. A check still running from an earlier call is waited on, never doubled, so a hanging
 * backend ties up at most one thread per filesystem. Details never carry a message, a path or a
 * credential; a failure that is not a {@link StorageException} is shown by its class name only.
 */
public final class FilesystemHealthIndicator implements HealthIndicator {

  private final Filesystem filesystem;
  private final Duration timeout;
  private final Executor executor;
  private final AtomicReference<FutureTask<Void>> running = new AtomicReference<>();

  /**
   * Creates an indicator for {@code filesystem} that waits at most {@code timeout} per check and
   * runs the check on {@code executor}.
   */
  public FilesystemHealthIndicator(Filesystem filesystem, Duration timeout, Executor executor) {
    this.filesystem = Objects.requireNonNull(filesystem, "filesystem");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.executor = Objects.requireNonNull(executor, "executor");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  @Override
  public Health health() {
    FutureTask<Void> task = running.get();
    if (task == null || task.isDone()) {
      FutureTask<Void> fresh = new FutureTask<>(this::probe, null);
      if (running.compareAndSet(task, fresh)) {
        try {
          executor.execute(fresh);
        } catch (RejectedExecutionException e) {
          // The executor is shut down (the context is closing): nothing will run the check, so
          // callers already waiting on it are released as not checked too.
          running.compareAndSet(fresh, null);
          fresh.cancel(false);
          return notChecked();
        }
        task = fresh;
      } else {
        // Another caller started a check first, or its executor refused one and cleared it again.
        task = running.get();
        if (task == null) {
          return notChecked();
        }
      }
    }
    try {
      task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Health.up().build();
    } catch (TimeoutException e) {
      return Health.down()
          .withDetail("kind", "TIMEOUT")
          .withDetail("timeout", timeout.toString())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().withDetail("kind", "INTERRUPTED").build();
    } catch (CancellationException e) {
      return notChecked();
    } catch (ExecutionException e) {
      return down(e.getCause());
    } catch (RuntimeException e) {
      return down(e);
    }
  }

  private static Health notChecked() {
    return Health.unknown().withDetail("kind", "NOT_CHECKED").build();
  }

  private void probe() {
    try (DirectoryListing listing = filesystem.list("", false)) {
      Iterator<?> entries = listing.iterator();
      if (entries.hasNext()) {
        entries.next();
      }
    }
  }

  private static Health down(@Nullable Throwable failure) {
    if (failure instanceof StorageException se) {
      return Health.down()
          .withDetail("kind", se.kind().name())
          .withDetail("retryable", se.retryable())
          .build();
    }
    return Health.down()
        .withDetail("kind", "UNEXPECTED")
        .withDetail("error", failure == null ? "unknown" : failure.getClass().getName())
        .build();
  }
}
