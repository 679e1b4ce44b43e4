package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystems;
import dev.stowage.tck.runner.CaseResult;
import dev.stowage.tck.runner.GroupResult;
import dev.stowage.tck.runner.KitTarget;
import dev.stowage.tck.runner.TargetReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KitProgressTest {

  private final AtomicLong clock = new AtomicLong();
  private final StringWriter err = new StringWriter();
  private final KitTarget target = KitTarget.of("b2", () -> Filesystems.open("memory:"));

  private void runOneTarget(KitProgress progress) {
    progress.targetStarted(target);
    for (int i = 0; i < 20; i++) {
      clock.addAndGet(50_000_000L); // 50 ms per case
      CaseResult.Status status =
          i == 7
              ? CaseResult.Status.FAILED
              : i % 5 == 0 ? CaseResult.Status.SKIPPED : CaseResult.Status.PASSED;
      progress.testFinished(target, new CaseResult("write", "case" + i, status, "", 50));
    }
    progress.targetFinished(
        new TargetReport(
            "b2",
            List.of(),
            Map.of(),
            List.of(new GroupResult("write", 15, 4, 1, List.of())),
            1000));
    progress.finish();
  }

  @Test
  void terminal_redrawsOneLinePerTarget_andPrintsFailuresOnTheirOwnLine() {
    runOneTarget(new KitProgress(new PrintWriter(err), new Terminal(true, 60), clock::get));

    String out = err.toString();
    String[] lines = out.split(System.lineSeparator());
    // The progress line is ended for the failure, which gets a line of its own, then resumes.
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("\rtck: b2: 0 passed, 0 skipped, 0 failed (0:00)");
    assertThat(lines[1]).isEqualTo("tck: b2: FAILED write › case7");
    String last = lines[2].substring(lines[2].lastIndexOf('\r') + 1);
    assertThat(last)
        .isEqualTo(String.format("%-59s", "tck: b2: 15 passed, 4 skipped, 1 failed (0:01)"));
    assertThat(out.chars().filter(c -> c == '\r').count()).isBetween(5L, 15L);
  }

  @Test
  void plain_printsALinePerTargetStartAndEnd_andEachFailure() {
    runOneTarget(new KitProgress(new PrintWriter(err), Terminal.NONE, clock::get));

    assertThat(err.toString().split(System.lineSeparator()))
        .containsExactly(
            "tck: b2: running",
            "tck: b2: FAILED write › case7",
            "tck: b2: 15 passed, 4 skipped, 1 failed (0:01)");
  }
}
