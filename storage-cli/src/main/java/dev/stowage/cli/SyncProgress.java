package dev.stowage.cli;

import dev.stowage.TransferListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The totals line of a tree transfer: files and bytes done out of the plan's, rate and time
 * left. On an interactive terminal it redraws one line (at most ten times a second); elsewhere
 * it prints a plain line every few seconds, so logs stay readable. Quiet runs draw nothing.
 * Messages printed through {@link #message} start on a fresh line.
 *
 * <p>Thread-safe: every transfer worker reports to the same instance.
 */
final class SyncProgress {

  private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();
  private static final long PLAIN_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long MIN_RATE_NANOS = Duration.ofMillis(500).toNanos();

  private final PrintWriter err;
  private final Terminal terminal;
  private final LongSupplier nanoTime;
  private final boolean quiet;
  private final String label;
  private final long totalFiles;
  private final long totalBytes;
  private final long start;
  private long lastDraw;
  private long files;
  private long bytes;
  private boolean lineOpen;

  /** Starts the totals of {@code totalFiles} files and {@code totalBytes} bytes, lines starting with {@code label}. */
  SyncProgress(
      PrintWriter err,
      Terminal terminal,
      LongSupplier nanoTime,
      boolean quiet,
      String label,
      long totalFiles,
      long totalBytes) {
    this.label = label;
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.quiet = quiet;
    this.totalFiles = totalFiles;
    this.totalBytes = totalBytes;
    this.start = nanoTime.getAsLong();
    this.lastDraw = start;
  }

  /** Records {@code n} more bytes sent. */
  synchronized void bytes(long n) {
    bytes += n;
    maybeDraw();
  }

  /** Records one more file done (sent or failed). */
  synchronized void fileDone() {
    files++;
    maybeDraw();
  }

  /**
   * Returns a listener for one file's transfer that adds the bytes the storage layer reports to
   * the bytes done (a transfer's reports only grow, so each adds what is new).
   */
  TransferListener fileListener() {
    return new TransferListener() {
      private long reported;

      @Override
      public void bytesTransferred(long bytesDone, long totalBytes) {
        long delta;
        synchronized (this) {
          delta = bytesDone - reported;
          reported = Math.max(reported, bytesDone);
        }
        if (delta > 0) {
          bytes(delta);
        }
      }
    };
  }

  /** Prints {@code line} on standard error, on a line of its own. */
  synchronized void message(String line) {
    endLine();
    err.println(line);
    err.flush();
  }

  /** Ends the progress line (a last redraw on a terminal) so that the summary follows cleanly. */
  synchronized void finish() {
    if (!quiet && terminal.interactive() && (lineOpen || totalFiles > 0)) {
      draw();
    }
    endLine();
  }

  private void maybeDraw() {
    if (quiet) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - lastDraw >= (terminal.interactive() ? REDRAW_NANOS : PLAIN_NANOS)) {
      lastDraw = now;
      draw();
    }
  }

  private void draw() {
    String line = line(nanoTime.getAsLong() - start);
    if (terminal.interactive()) {
      String clipped =
          line.length() >= terminal.width() ? line.substring(0, terminal.width() - 1) : line;
      err.print('\r');
      err.print(clipped);
      for (int i = clipped.length(); i < terminal.width() - 1; i++) {
        err.print(' ');
      }
      lineOpen = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  private void endLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
  }

  /** Returns the totals line after {@code elapsedNanos}. */
  synchronized String line(long elapsedNanos) {
    long shown = Math.min(bytes, totalBytes);
    String rate =
        elapsedNanos < MIN_RATE_NANOS
            ? "-- B/s"
            : ProgressBar.size((long) (shown * 1e9 / elapsedNanos)) + "/s";
    return String.format(
        Locale.ROOT,
        "%s: %d/%d files, %s / %s, %s",
        label,
        files,
        totalFiles,
        ProgressBar.size(shown),
        ProgressBar.size(totalBytes),
        rate);
  }
}
