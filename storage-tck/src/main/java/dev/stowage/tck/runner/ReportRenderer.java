package dev.stowage.tck.runner;

import dev.stowage.Capability;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Renders a {@link KitReport} as text and Markdown tables. */
final class ReportRenderer {

  private ReportRenderer() {}

  static String text(KitReport report) {
    List<List<String>> rows = matrix(report);
    StringBuilder b = new StringBuilder(aligned(rows));
    b.append(String.format("time: %.1f s%n", report.millis() / 1000.0));
    for (TargetReport t : report.targets()) {
      Map<String, Integer> reasons = new TreeMap<>();
      List<CaseResult> failures = new ArrayList<>();
      for (GroupResult g : t.groups()) {
        for (CaseResult c : g.notable()) {
          if (c.status() == CaseResult.Status.SKIPPED) {
            reasons.merge(c.message(), 1, Integer::sum);
          } else if (c.status() == CaseResult.Status.FAILED) {
            failures.add(c);
          }
        }
      }
      if (!reasons.isEmpty()) {
        b.append(String.format("%nskipped on %s:%n", t.name()));
        reasons.forEach((reason, n) -> b.append(String.format("  %3d × %s%n", n, reason)));
      }
      if (!failures.isEmpty()) {
        b.append(String.format("%nFAILED on %s:%n", t.name()));
        failures.forEach(
            c ->
                b.append(
                    String.format(
                        "  %s › %s%n      %s%n",
                        c.group(), c.name(), c.message().replace("\n", "\n      "))));
      }
    }
    return b.toString();
  }

  static String capabilityText(KitReport report) {
    return aligned(capabilityRows(report));
  }

  static String markdown(KitReport report) {
    StringBuilder b = new StringBuilder();
    b.append(markdownTable(matrix(report))).append('\n');
    b.append(markdownTable(capabilityRows(report)));
    return b.toString();
  }

  /** Returns the header row, one row per group, and a total row. */
  private static List<List<String>> matrix(KitReport report) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("group"));
    Set<String> groups = new LinkedHashSet<>();
    for (TargetReport t : report.targets()) {
      header.add(t.name());
      t.groups().forEach(g -> groups.add(g.group()));
    }
    rows.add(header);
    for (String group : groups) {
      List<String> row = new ArrayList<>(List.of(group));
      for (TargetReport t : report.targets()) {
        GroupResult g = t.group(group);
        row.add(g == null ? "-" : g.cell());
      }
      rows.add(row);
    }
    List<String> total = new ArrayList<>(List.of("total"));
    for (TargetReport t : report.targets()) {
      total.add(t.passed() + "✓ " + t.skipped() + "↷ " + t.failed() + "✗");
    }
    rows.add(total);
    return rows;
  }

  private static List<List<String>> capabilityRows(KitReport report) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("capability"));
    report.targets().forEach(t -> header.add(t.name()));
    rows.add(header);
    for (Capability c : Capability.values()) {
      List<String> row = new ArrayList<>(List.of(c.name()));
      report.targets().forEach(t -> row.add(t.capabilities().contains(c.name()) ? "✓" : "·"));
      rows.add(row);
    }
    Set<String> limits = new TreeSet<>();
    report.targets().forEach(t -> limits.addAll(t.limits().keySet()));
    for (String limit : limits) {
      List<String> row = new ArrayList<>(List.of(limit));
      report.targets().forEach(t -> row.add(t.limits().getOrDefault(limit, "-")));
      rows.add(row);
    }
    return rows;
  }

  private static String aligned(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    StringBuilder b = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = row.get(i);
        line.append(cell).append(" ".repeat(width[i] - cell.codePointCount(0, cell.length()) + 2));
      }
      b.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return b.toString();
  }

  private static String markdownTable(List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      b.append("| ").append(String.join(" | ", escape(rows.get(r)))).append(" |\n");
      if (r == 0) {
        b.append("|").append(" --- |".repeat(rows.get(0).size())).append('\n');
      }
    }
    return b.toString();
  }

  private static List<String> escape(List<String> cells) {
    List<String> escaped = new ArrayList<>();
    cells.forEach(c -> escaped.add(c.replace("|", "\\|")));
    return escaped;
  }
}
