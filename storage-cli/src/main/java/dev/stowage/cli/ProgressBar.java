package dev.stowage.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows how a transfer is going: bytes done, rate and time left.
 *
 * <p>On an interactive terminal it redraws one line (at most ten times a second) sized to the
 * terminal's width, and ends it with the total and the time taken. Elsewhere (pipes, CI logs) it
 * prints a plain line every few seconds and a summary line at the end, so logs stay readable.
 * The rate is the average since the start: it moves slowly, but the ETA it gives never jumps.
 *
 * <p>Thread-safe: adapters may read a source from a worker thread.
 */
final class ProgressBar {

  private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();
  private static final long PLAIN_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long MIN_RATE_NANOS = Duration.ofMillis(500).toNanos();
  private static final int MIN_BAR = 10;

  private final PrintWriter err;
  private final Terminal terminal;
  private final LongSupplier nanoTime;
  private final String label;
  private final long total;
  private final long start;
  private long lastDraw;
  private long firstByte = -1;
  private long done;
  private boolean drawn;
  private boolean ended;

  /**
   * Starts a bar for a transfer of {@code total} bytes (-1 when unknown) named {@code label};
   * nothing is printed until bytes move.
   */
  ProgressBar(PrintWriter err, Terminal terminal, LongSupplier nanoTime, String label, long total) {
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.label = Objects.requireNonNull(label, "label");
    this.total = total;
    this.start = nanoTime.getAsLong();
    this.lastDraw = start;
  }

  /** Records that {@code total} bytes are done (ignored unless more than so far). */
  synchronized void reach(long total) {
    if (total > done) {
      advance(total - done);
    }
  }

  /** Records {@code bytes} more done and redraws if it is time to. */
  synchronized void advance(long bytes) {
    long now = nanoTime.getAsLong();
    if (firstByte < 0 && bytes > 0) {
      firstByte = now;
      if (!terminal.interactive()) {
        lastDraw = now; // a log line every few seconds of transfer, not of connecting
      }
    }
    done += bytes;
    long interval = terminal.interactive() ? REDRAW_NANOS : PLAIN_NANOS;
    if (!ended && now - lastDraw >= interval) {
      lastDraw = now;
      draw(now, false);
    }
  }

  /**
   * Prints the final line: the total, the average rate and the time taken. Without a terminal a
   * transfer too quick to have printed a line prints nothing, so scripts stay quiet.
   */
  synchronized void finish() {
    if (!ended && (terminal.interactive() || drawn)) {
      draw(nanoTime.getAsLong(), true);
    }
    ended = true;
  }

  /** Ends the bar's line without a summary, so that an error message starts on a fresh line. */
  synchronized void abandon() {
    if (!ended && drawn && terminal.interactive()) {
      err.println();
      err.flush();
    }
    ended = true;
  }

  /** Returns the number of bytes recorded so far. */
  synchronized long done() {
    return done;
  }

  private void draw(long now, boolean last) {
    // Rates count from the first byte: connecting and authorising are not transfer time. The
    // final line reports the whole time taken.
    long elapsed = last || firstByte < 0 ? now - start : now - firstByte;
    if (terminal.interactive()) {
      String line = line(done, elapsed, last);
      err.print('\r');
      err.print(line);
      for (int i = line.length(); i < terminal.width() - 1; i++) {
        err.print(' ');
      }
      if (last) {
        err.println();
      }
    } else {
      err.println(plainLine(done, elapsed, last));
    }
    err.flush();
    drawn = true;
  }

  /** Returns the terminal line for {@code bytes} done after {@code elapsedNanos}; never wider than the terminal. */
  String line(long bytes, long elapsedNanos, boolean last) {
    String stats;
    String pct = "";
    // Fields get fixed widths when there is room, so that the bar keeps its length while the
    // numbers change; a narrow terminal gets them compact instead.
    String compact;
    if (last) {
      stats =
          "  " + size(bytes) + "  " + rate(bytes, elapsedNanos) + "  in " + elapsed(elapsedNanos);
      compact = stats;
    } else if (total >= 0) {
      pct = String.format(Locale.ROOT, " %3d%%", percent(bytes));
      stats =
          String.format(
              Locale.ROOT,
              "  %10s / %s  %12s  ETA %-7s",
              size(bytes),
              size(total),
              rate(bytes, elapsedNanos),
              eta(bytes, elapsedNanos));
      compact =
          "  "
              + size(bytes)
              + " / "
              + size(total)
              + "  "
              + rate(bytes, elapsedNanos)
              + "  ETA "
              + eta(bytes, elapsedNanos);
    } else {
      stats = String.format(Locale.ROOT, "  %10s  %12s", size(bytes), rate(bytes, elapsedNanos));
      compact = "  " + size(bytes) + "  " + rate(bytes, elapsedNanos);
    }
    boolean withBar = last || total >= 0;
    if (last && total >= 0) {
      pct = " 100%";
    }
    int room = terminal.width() - 1;
    String name = label;
    if (name.length() + pct.length() + stats.length() + (withBar ? 3 + MIN_BAR : 0) > room) {
      stats = compact;
    }
    int fixed = pct.length() + stats.length() + (withBar ? 3 + MIN_BAR : 0);
    if (name.length() + fixed > room) {
      name = shorten(name, Math.max(8, room - fixed));
    }
    if (!withBar) {
      return clip(name + stats, room).stripTrailing();
    }
    int barWidth = room - name.length() - pct.length() - stats.length() - 3;
    if (barWidth < MIN_BAR) {
      return clip(name + pct + stats, room);
    }
    int full = last ? barWidth : (int) (barWidth * (long) percentTimes(bytes, 1000) / 1000);
    StringBuilder bar = new StringBuilder(barWidth);
    for (int i = 0; i < barWidth; i++) {
      bar.append(i < full ? '=' : (i == full ? '>' : ' '));
    }
    return (name + pct + " [" + bar + "]" + stats).stripTrailing();
  }

  /** Returns the plain line for logs (no redraws, no padding). */
  String plainLine(long bytes, long elapsedNanos, boolean last) {
    if (last) {
      return label
          + ": "
          + size(bytes)
          + " in "
          + elapsed(elapsedNanos)
          + " ("
          + rate(bytes, elapsedNanos)
          + ")";
    }
    if (total >= 0) {
      return label
          + ": "
          + percent(bytes)
          + "% "
          + size(bytes)
          + " / "
          + size(total)
          + ", "
          + rate(bytes, elapsedNanos)
          + ", ETA "
          + eta(bytes, elapsedNanos);
    }
    return label + ": " + size(bytes) + ", " + rate(bytes, elapsedNanos);
  }

  private int percent(long bytes) {
    return percentTimes(bytes, 100);
  }

  private int percentTimes(long bytes, int scale) {
    if (total <= 0) {
      return total == 0 ? scale : 0;
    }
    return (int) Math.min(scale, (double) bytes * scale / total);
  }

  private String rate(long bytes, long elapsedNanos) {
    if (elapsedNanos < MIN_RATE_NANOS) {
      return "-- B/s";
    }
    return size((long) (bytes * 1e9 / elapsedNanos)) + "/s";
  }

  private String eta(long bytes, long elapsedNanos) {
    // The first percent is mostly set-up (authorising, first part buffered): too early to guess.
    if (elapsedNanos < MIN_RATE_NANOS || bytes <= 0 || bytes * 100 < total) {
      return "--:--";
    }
    double remainingSeconds = (total - bytes) * (elapsedNanos / 1e9) / bytes;
    return clock(Math.max(0, Math.round(remainingSeconds)));
  }

  /** Formats a byte count with binary units: {@code 512 B}, {@code 1.5 KiB}, {@code 1.0 GiB}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static String elapsed(long nanos) {
    double seconds = nanos / 1e9;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    return clock(Math.round(seconds));
  }

  private static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : "…" + s.substring(s.length() - (max - 1));
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
