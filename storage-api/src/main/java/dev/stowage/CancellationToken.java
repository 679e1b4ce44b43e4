package dev.stowage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels transfers from any thread: give the token to a write, copy or read (through
 * {@link WriteOptions.Builder#cancellation} or
 * {@link Filesystem#readStream(String, ByteRange, TransferListener, CancellationToken)}), then call
 * {@link #cancel()} from wherever the decision is made (a UI thread, a signal handler).
 *
 * <p>What a cancel does: a write or copy in progress fails with a {@link StorageException} of kind
 * {@link StorageException.Kind#CANCELLED} and leaves nothing behind (a multipart upload is aborted,
 * a B2 large file cancelled); a write that has not started yet fails the same way before sending
 * anything; a read's stream is closed and its next read fails with CANCELLED. A cancel that
 * arrives after a transfer finished has no effect on it. One token may serve many transfers and
 * cancels all of them; a token cannot be reset.
 *
 * <!-- given: Filesystem fs; java.nio.file.Path file; interface Button { void onClick(Runnable r); }
 *   Button stopButton -->
 * <pre>{@code
 * CancellationToken token = CancellationToken.create();
 * stopButton.onClick(token::cancel);          // runs on the UI thread
 * fs.write("big.bin", file, WriteOptions.builder().cancellation(token).build());
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class CancellationToken {

  /** An action registered with {@link #onCancel}; closing it unregisters the action. */
  public interface Registration extends AutoCloseable {
    /** Unregisters the action; it will not run if the token is cancelled afterwards. */
    @Override
    void close();
  }

  private final Object lock = new Object();
  private final List<Runnable> actions = new ArrayList<>();
  private volatile boolean cancelled;

  private CancellationToken() {}

  /** Returns a new token, not cancelled. */
  public static CancellationToken create() {
    return new CancellationToken();
  }

  /**
   * Cancels every transfer this token was given to. Idempotent; returns once the registered
   * actions (stopping part uploads, interrupting the transfer's thread, closing a read) have been
   * started, without waiting for the transfers to unwind.
   */
  public void cancel() {
    List<Runnable> toRun;
    synchronized (lock) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = new ArrayList<>(actions);
      actions.clear();
    }
    for (Runnable action : toRun) {
      runQuietly(action);
    }
  }

  /** Returns whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Registers {@code action} to run (on the thread that cancels) when the token is cancelled; it
   * runs at once, on this thread, if the token is already cancelled. Used by the storage layer
   * to stop the transfers it runs; an exception from {@code action} is logged and ignored.
   */
  public Registration onCancel(Runnable action) {
    Objects.requireNonNull(action, "action");
    synchronized (lock) {
      if (!cancelled) {
        actions.add(action);
        return () -> {
          synchronized (lock) {
            actions.remove(action);
          }
        };
      }
    }
    runQuietly(action);
    return () -> {};
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // The logger is looked up only here: a token may be made before logging is configured.
      Logger log = LoggerFactory.getLogger(CancellationToken.class);
      log.warn("a cancellation action failed", e);
    }
  }

  @Override
  public String toString() {
    return "CancellationToken[" + (cancelled ? "cancelled" : "active") + "]";
  }
}
