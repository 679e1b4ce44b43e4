package dev.stowage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An installed tool timed as a whole command, process start included (as a user would run it):
 * one process per run. A tool that is not installed reports itself absent instead.
 */
final class PeerClient implements Client {

  /** How a peer spells one scenario as a command line. */
  interface Commands {
    /** Returns the command for {@code scenario}, or null when the tool has no way to do it. */
    @Nullable Command of(Scenario scenario, Job job);
  }

  /**
   * One command line.
   *
   * @param argv the program and its arguments
   * @param stdin a file fed to the standard input, or null for none
   */
  record Command(List<String> argv, @Nullable Path stdin) {}

  private static final long TIMEOUT_MINUTES = 30;

  private final String name;
  private final @Nullable String absence;
  private final Commands commands;
  private final Map<String, String> environment;
  private final List<String> unset;
  private final Path scratch;
  private final Runnable onClose;

  PeerClient(
      String name,
      String program,
      Commands commands,
      Map<String, String> environment,
      List<String> unset,
      Path scratch,
      Runnable onClose) {
    this.name = name;
    this.absence = absence(program);
    this.commands = commands;
    this.environment = Map.copyOf(environment);
    this.unset = List.copyOf(unset);
    this.scratch = scratch;
    this.onClose = onClose;
  }

  /**
   * Returns null when {@code program} is on the PATH ({@code command -v}) and answers
   * {@code --version}, else why not: a broken install (a shim without its interpreter, say) is
   * absent too rather than a failed row.
   */
  static @Nullable String absence(String program) {
    if (!succeeds(List.of("sh", "-c", "command -v \"$0\"", program))) {
      return "not installed";
    }
    return succeeds(List.of(program, "--version"))
        ? null
        : "installed, but '" + program + " --version' fails";
  }

  private static boolean succeeds(List<String> argv) {
    try {
      Process p =
          new ProcessBuilder(argv)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supports(Scenario scenario) {
    return (scenario.isUpload() || scenario.isDownload())
        && commands.of(scenario, new Job("probe", Path.of("probe"), 1, Path.of("probe"))) != null;
  }

  @Override
  public boolean inProcess() {
    return false;
  }

  @Override
  public @Nullable String absentReason() {
    return absence;
  }

  @Override
  public void run(Scenario scenario, Job job) throws Exception {
    Command c = commands.of(scenario, job);
    if (c == null) {
      throw new IllegalStateException(name + " has no command for " + scenario);
    }
    Path errors = Files.createTempFile(scratch, "peer-", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(c.argv())
              .redirectError(errors.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(
                  c.stdin() == null
                      ? ProcessBuilder.Redirect.from(nullDevice())
                      : ProcessBuilder.Redirect.from(c.stdin().toFile()));
      unset.forEach(pb.environment()::remove);
      pb.environment().putAll(environment);
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(name + " did not finish within " + TIMEOUT_MINUTES + " minutes");
      }
      if (p.exitValue() != 0) {
        throw new IOException(
            name + " exited with status " + p.exitValue() + ": " + lastLine(errors));
      }
      if (scenario == Scenario.DOWNLOAD_LARGE_TO_FILE) {
        Streams.expect(Files.size(job.output()), job.size(), name);
      }
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String lastLine(Path file) throws IOException {
    List<String> lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    String last = lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1).strip();
    return last.length() > 300 ? last.substring(0, 300) + "…" : last;
  }

  @Override
  public void close() {
    if (onClose != null) {
      onClose.run();
    }
  }
}
