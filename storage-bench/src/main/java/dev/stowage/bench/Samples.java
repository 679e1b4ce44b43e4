package dev.stowage.bench;

import java.util.Arrays;

/**
 * The figures of one row's runs and the largest heap peak among them.
 *
 * @param figures one figure per run, in the scenario's unit
 * @param heapPeakBytes the largest heap high-water mark of the runs, -1 when not measured here
 */
record Samples(double[] figures, long heapPeakBytes) {

  double median() {
    double[] s = figures.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  double min() {
    return Arrays.stream(figures).min().orElseThrow();
  }

  double max() {
    return Arrays.stream(figures).max().orElseThrow();
  }
}
