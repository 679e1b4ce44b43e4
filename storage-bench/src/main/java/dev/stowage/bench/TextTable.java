package dev.stowage.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders a {@link BenchReport} as an aligned plain-text table. */
final class TextTable {

  private static final String[] HEADER = {
    "target", "scenario", "client", "median", "min", "max", "unit", "heap peak", "× ceiling"
  };

  private TextTable() {}

  static String render(BenchReport report) {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADER);
    String lastTarget = null;
    for (BenchRow r : report.rows()) {
      String target = r.target().equals(lastTarget) ? "" : r.target();
      lastTarget = r.target();
      lines.add(
          new String[] {
            target,
            r.label(),
            r.client(),
            figure(r, r.median(), true),
            figure(r, r.min(), false),
            figure(r, r.max(), false),
            r.unit().symbol(),
            heap(r.heapPeakBytes()),
            ratio(r)
          });
    }
    int[] width = new int[HEADER.length];
    for (String[] l : lines) {
      for (int i = 0; i < l.length; i++) {
        width[i] = Math.max(width[i], l[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("stowage bench  ")
        .append(report.startedAt())
        .append("  size ")
        .append(Sizes.format(report.sizeBytes()))
        .append("  runs ")
        .append(report.runs())
        .append("  ")
        .append(report.machine())
        .append('\n');
    for (String[] l : lines) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < l.length; i++) {
        boolean number = i >= 3 && i <= 5 || i == 7;
        String cell = number ? pad(l[i], width[i], true) : pad(l[i], width[i], false);
        line.append(cell).append(i < l.length - 1 ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    for (BenchRow r : report.rows()) {
      if (r.status() == BenchRow.Status.FAILED) {
        out.append("failed: ")
            .append(r.target())
            .append(' ')
            .append(r.label())
            .append(' ')
            .append(r.client())
            .append(": ")
            .append(r.note())
            .append('\n');
      }
    }
    out.append("median/min/max over ")
        .append(report.runs())
        .append(
            " runs; × ceiling = median / the ceiling's median"
                + " in the same unit (for s, lower is better); heap peak is this JVM's, embedded servers included.\n");
    return out.toString();
  }

  private static String figure(BenchRow r, @Nullable Double v, boolean median) {
    if (r.status() == BenchRow.Status.ABSENT) {
      return median ? "absent" : "";
    }
    if (v == null) {
      return median ? "failed" : "";
    }
    return switch (r.unit()) {
      case SECONDS -> String.format(Locale.ROOT, "%.3f", v);
      case OPS_PER_SECOND -> String.format(Locale.ROOT, "%,.0f", v);
      case MIB_PER_SECOND ->
          String.format(Locale.ROOT, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
    };
  }

  private static String heap(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  private static String ratio(BenchRow r) {
    if (r.ratio() == null) {
      return r.ceiling() == null ? "" : "-";
    }
    if (r.client().equals(r.ceiling())) {
      return "ceiling";
    }
    return String.format(
        Locale.ROOT, r.ratio() < 0.1 ? "%.3f× %s" : "%.2f× %s", r.ratio(), r.ceiling());
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
