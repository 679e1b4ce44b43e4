package dev.stowage.cli;

import dev.stowage.Filesystems;
import dev.stowage.tck.runner.KitReport;
import dev.stowage.tck.runner.KitRunner;
import dev.stowage.tck.runner.KitTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage tck}: runs the compatibility kit and prints the capability × result matrix. */
@Command(
    name = "tck",
    sortOptions = false,
    description = {
      "Run the compatibility kit and print the result matrix.",
      "",
      "Without URIs it checks memory, a temporary directory, B2 through the",
      "built-in emulator and S3 through an embedded S3Proxy. With URIs it",
      "checks those (real buckets; credentials from the environment). The kit",
      "works in a random directory below each URI's root and removes it after.",
      "Exit status 1 if any case failed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage tck",
      "  stowage tck --json kit.json --markdown kit.md",
      "  stowage tck --fail-fast file:///tmp/kit",
      "  stowage tck b2://my-test-bucket/kit 's3://my-test-bucket/kit?endpoint=http://127.0.0.1:9000'"
    })
final class TckCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "URI",
      arity = "0..*",
      description = "Filesystems to check (default: the built-in set).")
  List<String> uris = new ArrayList<>();

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the full report, every case included, as JSON.")
  @Nullable Path json;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Also write the matrix and capability table as Markdown.")
  @Nullable Path markdown;

  @Option(
      names = "--capabilities",
      description = "Also print which capabilities and limits each target declares.")
  boolean capabilities;

  @Option(names = "--quick", description = "Skip the slow cases (thousands of objects).")
  boolean quick;

  @Option(
      names = "--fail-fast",
      description =
          "Stop each target's run at its first failing case (the rest are reported as not run).")
  boolean failFast;

  private final CliContext context;

  TckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    KitProgress progress = new KitProgress(context.err(), context.terminal(), context.nanoTime());
    KitRunner runner =
        KitRunner.builder().listener(progress).includeSlow(!quick).failFast(failFast).build();
    KitReport report;
    if (uris.isEmpty()) {
      try (DefaultTargets defaults = DefaultTargets.start()) {
        report = runner.runAll(defaults.targets());
      }
    } else {
      report = runner.runAll(targets());
    }
    progress.finish();
    PrintWriter out = context.out();
    out.print(report.toText());
    if (capabilities) {
      out.println();
      out.print(report.capabilityTable());
    }
    out.flush();
    write(json, report.toJson());
    write(markdown, report.toMarkdown());
    return report.successful() ? Stowage.OK : Stowage.FAILED;
  }

  private List<KitTarget> targets() {
    Map<String, KitTarget> byName = new LinkedHashMap<>();
    for (String text : uris) {
      Location location = Location.parse(text, context.workingDirectory()).asFilesystemPath();
      String root = location.requireRoot();
      URI uri = WholeFilesystemTarget.uri(text, location);
      Map<String, String> settings = Session.settings(root, context, TimeoutOptions.NONE);
      String name = uniqueName(byName, WholeFilesystemTarget.name(text));
      byName.put(name, KitTarget.of(name, () -> Filesystems.open(uri, settings)));
    }
    return new ArrayList<>(byName.values());
  }

  private static String uniqueName(Map<String, KitTarget> taken, String name) {
    String n = name;
    for (int i = 2; taken.containsKey(n); i++) {
      n = name + " #" + i;
    }
    return n;
  }

  private void write(@Nullable Path file, String content) throws IOException {
    if (file != null) {
      Files.writeString(file, content, StandardCharsets.UTF_8);
      context.err().println("stowage: wrote " + file);
    }
  }
}
