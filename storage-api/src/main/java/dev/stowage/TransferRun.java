package dev.stowage;

import dev.stowage.spi.Transfer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one write or copy under its {@link Transfer}: reports the start and the end, lets a cancel
 * interrupt the calling thread while the adapter works (so that a request in flight stops and the
 * adapter's interrupted-upload clean-up runs), clears that interrupt afterwards, and turns any
 * failure of a cancelled transfer into kind CANCELLED.
 */
final class TransferRun {

  private final Thread caller = Thread.currentThread();
  private boolean armed = true;
  private boolean fired;

  private TransferRun() {}

  /**
   * Runs {@code call} for {@code op} on {@code path} (to {@code destination}, or null) as one
   * transfer of {@code total} bytes (-1 unknown).
   */
  static FileAttributes run(
      Transfer transfer,
      Operation op,
      String path,
      @Nullable String destination,
      long total,
      Supplier<FileAttributes> call) {
    if (transfer == Transfer.NONE) {
      return call.get();
    }
    transfer.started(total);
    if (transfer.isCancelled()) {
      StorageException cancelled = cancelled(op, path, destination, null);
      transfer.failed(cancelled);
      throw cancelled;
    }
    TransferRun run = new TransferRun();
    FileAttributes result;
    try (var stop = transfer.onCancel(run::interruptCaller)) {
      result = call.get();
    } catch (RuntimeException e) {
      run.disarm();
      StorageException failure =
          transfer.isCancelled()
              ? cancelled(op, path, destination, e)
              : Failures.wrap(op, path, destination, e);
      transfer.failed(failure);
      throw failure;
    } finally {
      run.disarm();
    }
    transfer.finished(result == null ? transfer.bytesDone() : result.size());
    return result;
  }

  static StorageException cancelled(
      Operation op, String path, @Nullable String destination, @Nullable Throwable cause) {
    return StorageException.of(
        op,
        path,
        destination,
        StorageException.Kind.CANCELLED,
        "cancelled through its CancellationToken",
        null,
        cause);
  }

  private synchronized void interruptCaller() {
    if (armed) {
      fired = true;
      caller.interrupt();
    }
  }

  /** Stops interrupting the caller, and clears an interrupt this run set. */
  private synchronized void disarm() {
    if (armed) {
      armed = false;
      if (fired) {
        Thread.interrupted();
      }
    }
  }
}
