package dev.stowage.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link FacadeBenchmark} through the JMH Runner API and turns its results into rows. */
final class FacadeOverhead {

  static final String FACADE = "Filesystem";
  static final String ADAPTER = "adapter";

  private FacadeOverhead() {}

  static List<BenchRow> run(String target, FacadeOptions options) throws RunnerException {
    TimeValue time = TimeValue.milliseconds(Math.max(1, options.iterationTime().toMillis()));
    Options o =
        new OptionsBuilder()
            .include("^" + FacadeBenchmark.class.getName().replace(".", "\\.") + "\\.")
            .forks(options.forks())
            .warmupIterations(options.warmupIterations())
            .warmupTime(time)
            .measurementIterations(options.measurementIterations())
            .measurementTime(time)
            .threads(1)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(o).run();
    String note =
        String.format(
            Locale.ROOT,
            "JMH: %d fork(s), %d warm-up + %d measured iterations of %d ms",
            options.forks(),
            options.warmupIterations(),
            options.measurementIterations(),
            time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS));
    List<BenchRow> rows = new ArrayList<>();
    for (Scenario s :
        List.of(
            Scenario.SMALL_WRITE, Scenario.SMALL_READ, Scenario.SMALL_STAT, Scenario.SMALL_LIST)) {
      BenchRow adapter = row(results, target, s, ADAPTER, note);
      BenchRow facade = row(results, target, s, FACADE, note);
      rows.add(facade.comparedWith(adapter));
      rows.add(adapter.comparedWith(adapter));
    }
    return rows;
  }

  private static BenchRow row(
      Collection<RunResult> results, String target, Scenario s, String client, String note) {
    String method =
        (client.equals(FACADE) ? "facade" : "adapter")
            + switch (s) {
              case SMALL_WRITE -> "Write";
              case SMALL_READ -> "Read";
              case SMALL_STAT -> "Stat";
              default -> "List";
            };
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().endsWith("." + method)) {
        var stats = r.getPrimaryResult().getStatistics();
        return new BenchRow(
            target,
            s,
            s.label(0, 0, 0),
            client,
            BenchRow.Status.MEASURED,
            r.getPrimaryResult().getScore(),
            stats.getMin(),
            stats.getMax(),
            -1,
            null,
            null,
            note);
      }
    }
    return new BenchRow(
        target,
        s,
        s.label(0, 0, 0),
        client,
        BenchRow.Status.FAILED,
        null,
        null,
        null,
        -1,
        null,
        null,
        "JMH returned no result for " + method);
  }
}
