package dev.stowage.cli;

import dev.stowage.bench.BenchReport;
import dev.stowage.bench.BenchRunner;
import dev.stowage.bench.BenchTarget;
import dev.stowage.bench.EmbeddedTargets;
import dev.stowage.bench.FacadeOptions;
import dev.stowage.bench.Sizes;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage bench}: measures the adapters beside their ceilings and prints the table. */
@Command(
    name = "bench",
    sortOptions = false,
    description = {
      "Measure the library beside the wire, the raw SDK and installed tools.",
      "",
      "Without URIs it measures memory, a temporary directory, B2 through the",
      "built-in emulator and S3 through an embedded S3Proxy, all on loopback.",
      "With URIs it measures those (credentials from the environment), in a",
      "random directory below each URI's root that is removed after. Every",
      "figure is also shown as a ratio of its ceiling, measured in the same run",
      "on the same server with the same bytes. Numbers from a loaded machine",
      "are noise. Exit status 1 if any row failed (absent tools do not count)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage bench --size 64MiB --runs 3",
      "  stowage bench --size 512MiB --runs 5 --json bench.json",
      "  stowage bench b2://my-bucket/bench 's3://my-bucket/bench?endpoint=https://s3.example.com'"
    })
final class BenchCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "URI",
      arity = "0..*",
      description = "Filesystems to measure (default: the built-in set).")
  List<String> uris = new ArrayList<>();

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TimeoutOptions timeouts;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      description = "Large transfer size, binary units (default: ${DEFAULT-VALUE}).")
  String size = "512MiB";

  @Option(
      names = "--runs",
      paramLabel = "N",
      description =
          "Runs per row; the table shows median, min and max (default: ${DEFAULT-VALUE}).")
  int runs = 3;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
  @Nullable Path json;

  @Option(
      names = "--listing-files",
      paramLabel = "N",
      description = "Files in the local deep-listing tree (default: ${DEFAULT-VALUE}).")
  int listingFiles = 100_000;

  @Option(names = "--no-peers", description = "Do not time rclone and the AWS CLI.")
  boolean noPeers;

  @Option(
      names = "--no-jmh",
      description = "Skip the facade-overhead rows (JMH on the memory adapter).")
  boolean noJmh;

  @Option(
      names = "--jmh-forks",
      paramLabel = "N",
      description = "JMH forks per benchmark, 0 for none (default: ${DEFAULT-VALUE}).")
  int jmhForks = FacadeOptions.DEFAULT.forks();

  @Option(
      names = "--jmh-warmups",
      paramLabel = "N",
      description = "JMH warm-up iterations (default: ${DEFAULT-VALUE}).")
  int jmhWarmups = FacadeOptions.DEFAULT.warmupIterations();

  @Option(
      names = "--jmh-iterations",
      paramLabel = "N",
      description =
          "JMH measured iterations; raise with --jmh-iteration-ms for steadier numbers (default: ${DEFAULT-VALUE}).")
  int jmhIterations = FacadeOptions.DEFAULT.measurementIterations();

  @Option(
      names = "--jmh-iteration-ms",
      paramLabel = "MS",
      description = "Length of one JMH iteration (default: ${DEFAULT-VALUE}).")
  long jmhIterationMillis = FacadeOptions.DEFAULT.iterationTime().toMillis();

  private final CliContext context;

  BenchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    BenchRunner runner = runner();
    List<BenchTarget> given = targets();
    PrintWriter err = context.err();
    BenchReport report;
    if (given.isEmpty()) {
      err.println("stowage: bench: starting the B2 emulator and S3Proxy");
      try (EmbeddedTargets defaults = EmbeddedTargets.start()) {
        report = runner.run(defaults.targets());
      }
    } else {
      report = runner.run(given);
    }
    PrintWriter out = context.out();
    out.print(report.toText());
    out.flush();
    if (json != null) {
      Files.writeString(json, report.toJson(), StandardCharsets.UTF_8);
      err.println("stowage: wrote " + json);
    }
    return report.successful() ? Stowage.OK : Stowage.FAILED;
  }

  private BenchRunner runner() {
    BenchRunner.Builder b = BenchRunner.builder();
    try {
      b.size(Sizes.parse(size)).runs(runs).listingFiles(listingFiles).peers(!noPeers);
      b.facade(
          noJmh
              ? FacadeOptions.SKIP
              : new FacadeOptions(
                  true,
                  jmhForks,
                  jmhWarmups,
                  jmhIterations,
                  Duration.ofMillis(jmhIterationMillis)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    PrintWriter err = context.err();
    return b.progress(
            line -> {
              err.println("stowage: bench: " + line);
              err.flush();
            })
        .build();
  }

  private List<BenchTarget> targets() {
    List<BenchTarget> targets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String text : uris) {
      Location location = Location.parse(text, context.workingDirectory()).asFilesystemPath();
      String root = location.requireRoot();
      URI uri = WholeFilesystemTarget.uri(text, location);
      Map<String, String> settings = Session.settings(root, context, timeouts);
      String name = WholeFilesystemTarget.name(text);
      String unique = name;
      for (int i = 2; !names.add(unique); i++) {
        unique = name + " #" + i;
      }
      try {
        targets.add(BenchTarget.of(unique, uri, settings));
      } catch (IllegalArgumentException e) {
        throw new UsageException("'" + name + "': " + e.getMessage());
      }
    }
    return targets;
  }
}
