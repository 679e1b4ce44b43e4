package dev.stowage.bench;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One measured line of a {@link BenchReport}: one client doing one scenario on one target,
 * {@link BenchRunner.Builder#runs} times.
 *
 * @param target the target's name, such as {@code s3proxy}
 * @param scenario what was measured
 * @param label the scenario as printed, with its sizes
 * @param client who did it: {@code stowage}, the ceiling (such as {@code wire}), {@code sdk}, or a peer tool
 * @param status whether the figures are there
 * @param median the median over the runs, in {@code scenario.unit()}; null unless {@link Status#MEASURED}
 * @param min the smallest figure; null unless measured
 * @param max the largest figure; null unless measured
 * @param heapPeakBytes the largest per-run heap high-water mark of this JVM (every heap pool's
 *     peak, reset before each run), or -1 when the work ran in another process
 * @param ceiling the client this row is compared with, or null when the target has none
 * @param ratio {@code median / ceiling's median}, in the same unit; null when either is missing
 * @param note why a row is absent or failed, or how it was measured; never a secret
 */
public record BenchRow(
    String target,
    Scenario scenario,
    String label,
    String client,
    Status status,
    @Nullable Double median,
    @Nullable Double min,
    @Nullable Double max,
    long heapPeakBytes,
    @Nullable String ceiling,
    @Nullable Double ratio,
    @Nullable String note) {

  /** Whether a row has numbers. */
  public enum Status {
    /** Measured: median, min and max are set. */
    MEASURED,
    /** A peer tool that is not installed here. */
    ABSENT,
    /** The client failed; {@link BenchRow#note} says how. */
    FAILED
  }

  /** Checks that the names are set and that a measured row has its figures. */
  public BenchRow {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(status, "status");
    if (status == Status.MEASURED && (median == null || min == null || max == null)) {
      throw new IllegalArgumentException(
          "a measured row needs median, min and max: " + target + " " + label + " " + client);
    }
  }

  /** Returns the unit of the figures. */
  public Unit unit() {
    return scenario.unit();
  }

  /** Returns this row with its ratio to {@code ceiling} (null when either has no median). */
  BenchRow comparedWith(@Nullable BenchRow ceilingRow) {
    if (ceilingRow == null) {
      return this;
    }
    Double r =
        median != null && ceilingRow.median() != null && ceilingRow.median() > 0
            ? median / ceilingRow.median()
            : null;
    return new BenchRow(
        target,
        scenario,
        label,
        client,
        status,
        median,
        min,
        max,
        heapPeakBytes,
        ceilingRow.client(),
        r,
        note);
  }
}
