package dev.stowage.cli;

import dev.stowage.tck.runner.CaseResult;
import dev.stowage.tck.runner.KitListener;
import dev.stowage.tck.runner.KitTarget;
import dev.stowage.tck.runner.TargetReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the kit's progress on standard error: on a terminal one line, redrawn at most ten times a
 * second, with the current target and the counts so far; elsewhere a line per target started and
 * finished, plus the name of every failing case as it happens.
 */
final class KitProgress implements KitListener {

  private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();

  private final PrintWriter err;
  private final Terminal terminal;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastDraw;
  private String target = "";
  private int passed;
  private int skipped;
  private int failed;
  private boolean lineOpen;

  KitProgress(PrintWriter err, Terminal terminal, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastDraw = start - REDRAW_NANOS;
  }

  @Override
  public void targetStarted(KitTarget kitTarget) {
    target = kitTarget.name();
    passed = 0;
    skipped = 0;
    failed = 0;
    if (terminal.interactive()) {
      draw(true);
    } else {
      err.println("tck: " + target + ": running");
      err.flush();
    }
  }

  @Override
  public void testFinished(KitTarget kitTarget, CaseResult result) {
    switch (result.status()) {
      case PASSED:
        passed++;
        break;
      case SKIPPED:
        skipped++;
        break;
      default:
        failed++;
        if (terminal.interactive()) {
          endLine();
        }
        err.println("tck: " + target + ": FAILED " + result.group() + " › " + result.name());
        err.flush();
        break;
    }
    if (terminal.interactive()) {
      draw(false);
    }
  }

  @Override
  public void targetFinished(TargetReport report) {
    if (terminal.interactive()) {
      draw(true);
      endLine();
    } else {
      err.println(
          "tck: " + status(report.name(), report.passed(), report.skipped(), report.failed()));
      err.flush();
    }
  }

  /** Ends the progress line so that the report starts on a fresh one. */
  void finish() {
    endLine();
  }

  private void draw(boolean force) {
    long now = nanoTime.getAsLong();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = "tck: " + status(target, passed, skipped, failed);
    if (line.length() > terminal.width() - 1) {
      line = line.substring(0, terminal.width() - 1);
    }
    err.print('\r');
    err.print(line);
    for (int i = line.length(); i < terminal.width() - 1; i++) {
      err.print(' ');
    }
    err.flush();
    lineOpen = true;
  }

  private void endLine() {
    if (lineOpen) {
      err.println();
      err.flush();
      lineOpen = false;
    }
  }

  /** Returns {@code target: N passed, N skipped, N failed (1:05)}. */
  String status(String name, int p, int s, int f) {
    long seconds = (nanoTime.getAsLong() - start) / 1_000_000_000L;
    return String.format(
        Locale.ROOT,
        "%s: %d passed, %d skipped, %d failed (%d:%02d)",
        name,
        p,
        s,
        f,
        seconds / 60,
        seconds % 60);
  }
}
