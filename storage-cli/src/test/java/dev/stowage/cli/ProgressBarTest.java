package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static final long MIB = 1024 * 1024;
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final StringWriter err = new StringWriter();

  private ProgressBar bar(Terminal terminal, String label, long total) {
    return new ProgressBar(new PrintWriter(err), terminal, clock::get, label, total);
  }

  private void advanceClock(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  @Test
  void line_halfwayOnAnEightyColumnTerminal_showsPercentBarSizesRateAndEta() {
    ProgressBar b = bar(new Terminal(true, 80), "video.mp4", 1024 * MIB);

    String line = b.line(512 * MIB, Duration.ofSeconds(4).toNanos(), false);

    assertThat(line)
        .isEqualTo("video.mp4  50% [======>      ]   512.0 MiB / 1.0 GiB   128.0 MiB/s  ETA 0:04");
    assertThat(line.length()).isLessThanOrEqualTo(79);
  }

  @Test
  void line_wideTerminal_growsOnlyTheBar() {
    ProgressBar b = bar(new Terminal(true, 120), "video.mp4", 1024 * MIB);

    String line = b.line(256 * MIB, Duration.ofSeconds(2).toNanos(), false);

    assertThat(line)
        .hasSize(116)
        .startsWith("video.mp4  25% [=============>")
        .endsWith("128.0 MiB/s  ETA 0:06");
    assertThat(b.line(1000 * MIB, Duration.ofSeconds(50).toNanos(), false))
        .as("the bar keeps its length while the numbers change")
        .hasSize(116);
  }

  @Test
  void line_longNameOnANarrowTerminal_keepsTheEndOfTheName() {
    ProgressBar b =
        bar(
            new Terminal(true, 60),
            "a-very-long-directory-name/and-a-long-file-name.tar.gz",
            10 * MIB);

    String line = b.line(MIB, Duration.ofSeconds(1).toNanos(), false);

    assertThat(line.length()).isLessThanOrEqualTo(59);
    assertThat(line).startsWith("…").contains("10%").contains("ETA 0:09");
  }

  @Test
  void line_justStarted_showsNoRateYet() {
    ProgressBar b = bar(new Terminal(true, 80), "f", 100);

    assertThat(b.line(0, 0, false)).contains("  0%").contains("-- B/s").contains("ETA --:--");
  }

  @Test
  void line_belowOnePercent_showsNoEtaYet() {
    ProgressBar b = bar(new Terminal(true, 80), "f", 1024 * MIB);

    assertThat(b.line(MIB, Duration.ofSeconds(2).toNanos(), false))
        .contains("512.0 KiB/s")
        .endsWith("ETA --:--");
  }

  @Test
  void line_unknownTotal_showsBytesAndRateOnly() {
    ProgressBar b = bar(new Terminal(true, 80), "stdin", -1);

    assertThat(b.line(3 * MIB, Duration.ofSeconds(3).toNanos(), false))
        .isEqualTo("stdin     3.0 MiB     1.0 MiB/s");
  }

  @Test
  void line_last_showsTotalRateAndElapsed() {
    ProgressBar b = bar(new Terminal(true, 80), "f.bin", 64 * MIB);

    String line = b.line(64 * MIB, Duration.ofMillis(6_400).toNanos(), true);

    assertThat(line)
        .startsWith("f.bin 100% [====")
        .endsWith("]  64.0 MiB  10.0 MiB/s  in 6.4s")
        .doesNotContain(">");
  }

  @Test
  void advance_onATerminal_redrawsOneLineAtMostTenTimesASecond() {
    ProgressBar b = bar(new Terminal(true, 80), "f", 100 * MIB);

    for (int i = 0; i < 50; i++) {
      advanceClock(Duration.ofMillis(20));
      b.advance(MIB);
    }
    b.finish();

    String out = err.toString();
    long redraws = out.chars().filter(c -> c == '\r').count();
    assertThat(redraws).isBetween(9L, 12L);
    assertThat(out).endsWith(System.lineSeparator());
    assertThat(Arrays.stream(out.split("\r")).filter(s -> !s.isEmpty()))
        .allSatisfy(frame -> assertThat(frame.stripTrailing().length()).isLessThanOrEqualTo(79));
  }

  @Test
  void advance_withoutATerminal_printsPlainLinesEveryFiveSeconds() {
    ProgressBar b = bar(Terminal.NONE, "backup.tar", 100 * MIB);

    for (int i = 0; i < 12; i++) {
      b.advance(5 * MIB);
      advanceClock(Duration.ofSeconds(1));
    }
    b.finish();

    String[] lines = err.toString().split(System.lineSeparator());
    assertThat(lines)
        .containsExactly(
            "backup.tar: 30% 30.0 MiB / 100.0 MiB, 6.0 MiB/s, ETA 0:12",
            "backup.tar: 55% 55.0 MiB / 100.0 MiB, 5.5 MiB/s, ETA 0:08",
            "backup.tar: 60.0 MiB in 12.0s (5.0 MiB/s)");
    assertThat(err.toString()).doesNotContain("\r");
  }

  @Test
  void advance_slowStart_ratesCountFromTheFirstByte() {
    ProgressBar b = bar(Terminal.NONE, "f", 100 * MIB);
    advanceClock(Duration.ofSeconds(30)); // connecting, authorising

    for (int i = 0; i < 6; i++) {
      b.advance(10 * MIB);
      advanceClock(Duration.ofSeconds(1));
    }

    assertThat(err.toString()).startsWith("f: 60% 60.0 MiB / 100.0 MiB, 12.0 MiB/s, ETA 0:03");
  }

  @Test
  void finish_quickTransferWithoutATerminal_printsNothing() {
    ProgressBar b = bar(Terminal.NONE, "small.txt", 10);

    b.advance(10);
    b.finish();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void abandon_afterDrawing_endsTheLineSoAnErrorStartsFresh() {
    ProgressBar b = bar(new Terminal(true, 40), "f", 100);
    advanceClock(Duration.ofSeconds(1));
    b.advance(10);

    b.abandon();
    b.advance(10);

    assertThat(err.toString()).endsWith(System.lineSeparator()).containsOnlyOnce("\r");
  }

  @Test
  void size_usesBinaryUnits() {
    assertThat(ProgressBar.size(0)).isEqualTo("0 B");
    assertThat(ProgressBar.size(1023)).isEqualTo("1023 B");
    assertThat(ProgressBar.size(1536)).isEqualTo("1.5 KiB");
    assertThat(ProgressBar.size(1024L * 1024 * 1024)).isEqualTo("1.0 GiB");
  }
}
