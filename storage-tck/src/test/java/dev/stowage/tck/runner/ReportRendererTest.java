package dev.stowage.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

  private static KitReport sample() {
    CaseResult skipped =
        new CaseResult(
            "urls",
            "temporaryUrl_x",
            CaseResult.Status.SKIPPED,
            "requires TEMPORARY_URL (not declared by this adapter)",
            0);
    CaseResult failed =
        new CaseResult("write", "write_y", CaseResult.Status.FAILED, "boom|pipe", 3);
    TargetReport a =
        new TargetReport(
            "a",
            List.of("WRITE"),
            Map.of("max path bytes", "1024"),
            List.of(
                new GroupResult("write", 5, 0, 1, List.of(failed)),
                new GroupResult("urls", 1, 1, 0, List.of(skipped))),
            10);
    TargetReport b =
        new TargetReport(
            "b", List.of(), Map.of(), List.of(new GroupResult("write", 6, 0, 0, List.of())), 5);
    return new KitReport(List.of(a, b), 20);
  }

  @Test
  void toText_twoTargets_alignsMatrixAndListsReasons() {
    String text = sample().toText();

    assertThat(text).contains("group", "write", "5✓ 0↷ 1✗", "6✓ 0↷ 0✗", "urls", "-");
    assertThat(text).contains("  1 × requires TEMPORARY_URL (not declared by this adapter)");
    assertThat(text).contains("FAILED on a:").contains("write › write_y").contains("boom|pipe");
    assertThat(sample().successful()).isFalse();
  }

  @Test
  void toMarkdown_pipesInCells_escaped() {
    String md = sample().toMarkdown();

    assertThat(md)
        .startsWith("| group | a | b |\n| --- | --- | --- |\n| write | 5✓ 0↷ 1✗ | 6✓ 0↷ 0✗ |\n");
    assertThat(md)
        .contains("| total | 6✓ 1↷ 1✗ | 6✓ 0↷ 0✗ |")
        .contains("| WRITE | ✓ | · |")
        .contains("| max path bytes | 1024 | - |");
  }

  @Test
  void groupResult_cell_showsCounts() {
    assertThat(new GroupResult("g", 24, 2, 0, List.of()).cell()).isEqualTo("24✓ 2↷ 0✗");
  }
}
