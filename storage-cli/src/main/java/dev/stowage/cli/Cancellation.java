package dev.stowage.cli;

import dev.stowage.CancellationToken;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Ctrl-C and SIGTERM for the command this process runs: the JVM's shutdown starts, and a hook
 * cancels the command and waits for it to unwind, so that adapters cancel B2 large files and
 * abort S3 multipart uploads, and downloads remove their temporary files, before the process
 * exits.
 *
 * <p>The hook first cancels the process's {@link CancellationToken} ({@link #token()}), which
 * every transfer the CLI runs carries: the storage layer stops the transfer in progress and
 * cleans up after it (aborting uploads, with the interrupt it uses for that cleared again), and
 * local copies fail at their next read. If the command has not finished after
 * {@link #INTERRUPT_AFTER}, its thread is interrupted too (it may be waiting on something else). The hook waits at most the grace period in all; then the
 * JVM exits whatever is left, with the status of the signal (130 for SIGINT, 143 for SIGTERM).
 */
final class Cancellation {

  /** How long the hook lets the flag alone work before it interrupts the command's thread. */
  static final Duration INTERRUPT_AFTER = Duration.ofSeconds(2);

  private static final CancellationToken TOKEN = CancellationToken.create();

  private Cancellation() {}

  /** Returns the token cancelled when the process is being stopped; every transfer carries it. */
  static CancellationToken token() {
    return TOKEN;
  }

  /**
   * Runs {@code command} on the current thread with a shutdown hook that cancels it and waits
   * up to {@code grace} for it to unwind; returns the command's exit status.
   */
  static int run(IntSupplier command, Duration grace) {
    Thread worker = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> cancel(worker, finished, grace), "stowage-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return command.getAsInt();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs (or ran) and sees that the command is finished.
      }
    }
  }

  private static void cancel(Thread worker, CountDownLatch finished, Duration grace) {
    if (finished.getCount() == 0) {
      return;
    }
    System.err.println("stowage: stopping: cleaning up before exit");
    TOKEN.cancel();
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      long firstWait = Math.min(INTERRUPT_AFTER.toNanos(), grace.toNanos());
      if (!finished.await(firstWait, TimeUnit.NANOSECONDS)) {
        worker.interrupt();
        finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
