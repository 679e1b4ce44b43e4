package dev.stowage.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a server command in the foreground until the process is stopped (Ctrl-C, SIGTERM) or the
 * running thread is interrupted (how tests stop it), then closes the server.
 */
final class Foreground {

  private Foreground() {}

  /** Blocks until stopped, then closes {@code server}. */
  static void run(AutoCloseable server) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              closeQuietly(server);
              stopped.countDown();
            },
            "stowage-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Stopping is the expected outcome; the flag is restored once the server is closed, since
      // a pending interrupt would make the server's own shutdown give up half-way.
      interrupted = true;
    } finally {
      boolean hookCloses = false;
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running and closes the server itself: closing it here too would
        // race with it (the process is stopping, and the CLI's own hook interrupted us).
        hookCloses = true;
      }
      if (hookCloses) {
        awaitQuietly(stopped);
      } else if (stopped.getCount() > 0) {
        server.close();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitQuietly(CountDownLatch stopped) {
    try {
      stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable server) {
    try {
      server.close();
    } catch (Exception ignored) {
      // The process is exiting; nothing useful can be done with a failure to close.
    }
  }
}
