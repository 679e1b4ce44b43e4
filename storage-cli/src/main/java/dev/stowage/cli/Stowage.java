package dev.stowage.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code stowage} command: file commands over any storage URI, the compatibility kit, bucket
 * setup and local emulators.
 *
 * <p>Exit status: 0 on success, 1 when the command failed, 2 when the command line is wrong.
 * Errors, whatever was thrown, are one line, {@code stowage: <what failed and why>}, with URI
 * queries and user information removed; {@code --debug} adds the (equally redacted) stack trace
 * and verbose logs.
 */
@Command(
    name = "stowage",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Reads, writes and checks files on B2, S3-compatible services and disk.",
    footerHeading = "%n",
    footer = {
      "Locations are local paths or URIs:",
      "  b2://BUCKET/PATH             Backblaze B2 (native API)",
      "  s3://BUCKET/PATH?endpoint=URL&region=R&profile=P",
      "                               S3-compatible: AWS, B2, MinIO, R2…",
      "  PATH or file:///PATH         local disk",
      "  memory://NAME/PATH           in-memory, gone when the command ends",
      "A '?' starts the settings; with --no-query it is part of the path (as",
      "is '#') and --endpoint / -S KEY=VALUE give the settings instead.",
      "Credentials come from the environment only: B2_APPLICATION_KEY_ID and",
      "B2_APPLICATION_KEY for b2:, the AWS variables or profile for s3:.",
      "Local paths follow symbolic links. Ctrl-C cancels a transfer and cleans",
      "up: unfinished uploads are cancelled, partial downloads removed.",
      "",
      "Exit status: 0 success, 1 failure, 2 usage error.",
      "Run 'stowage COMMAND --help' for a command's options."
    })
public final class Stowage implements Callable<Integer> {

  /** Exit status of a command that did its job. */
  static final int OK = 0;

  /** Exit status of a command that failed. */
  static final int FAILED = 1;

  /** Exit status of a command line that could not be understood. */
  static final int USAGE = 2;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and verbose logs on failure.")
  boolean debug;

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  private final CliContext context;

  Stowage(CliContext context) {
    this.context = context;
  }

  /** How long Ctrl-C or SIGTERM waits for the running command to clean up before the JVM exits. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * Runs the command line and exits the JVM with its status. Ctrl-C or SIGTERM cancels the
   * command and waits up to {@link #STOP_GRACE} for it to clean up ({@link Cancellation}).
   */
  public static void main(String[] args) {
    int status = Cancellation.run(() -> run(CliContext.system(), args), STOP_GRACE);
    System.exit(status);
  }

  /** Runs {@code args} in {@code context} and returns the exit status; never exits the JVM. */
  static int run(CliContext context, String... args) {
    try {
      return commandLineFor(context, args).execute(args);
    } catch (RuntimeException | Error e) {
      // Whatever escaped picocli (an Error while parsing, say) still ends as one line.
      boolean debug = java.util.Arrays.asList(args).contains("--debug");
      return Failures.report(e, context.err(), null, debug);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  /**
   * The subcommands, by name, in the order the overview lists them. Registered here rather than
   * in the annotation so that a run builds the picocli model of the one command it runs only:
   * reflecting on all of them (and loading what their fields name) costs a tenth of a second.
   */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("ls", LsCommand.class);
    m.put("cat", CatCommand.class);
    m.put("cp", CpCommand.class);
    m.put("mv", MvCommand.class);
    m.put("sync", SyncCommand.class);
    m.put("rm", RmCommand.class);
    m.put("stat", StatCommand.class);
    m.put("url", UrlCommand.class);
    m.put("upload-ticket", UploadTicketCommand.class);
    m.put("tck", TckCommand.class);
    m.put("bench", BenchCommand.class);
    m.put("setup", SetupCommand.class);
    m.put("b2-emulator", B2EmulatorCommand.class);
    m.put("s3-emulator", S3EmulatorCommand.class);
    m.put("help", HelpCommand.class);
    m.put("warm-up", WarmUpCommand.class);
    return Collections.unmodifiableMap(m);
  }

  /** Returns the configured picocli command line with every subcommand (also for tests of the help text). */
  static CommandLine commandLine(CliContext context) {
    return commandLine(context, COMMANDS.keySet());
  }

  /**
   * Returns the command line for running {@code args}: with only the subcommand they name when
   * they name one, else (no command, a typo, {@code help}) with all of them, so that overviews,
   * suggestions and {@code help COMMAND} see every command.
   */
  static CommandLine commandLineFor(CliContext context, String... args) {
    for (String arg : args) {
      if (arg.startsWith("-")) {
        continue; // the options before the command take no value (--debug, -h, -V)
      }
      if (COMMANDS.containsKey(arg) && !"help".equals(arg)) {
        return commandLine(context, List.of(arg));
      }
      break;
    }
    return commandLine(context);
  }

  private static CommandLine commandLine(CliContext context, Collection<String> names) {
    CommandLine cl = new CommandLine(new Stowage(context), new ContextFactory(context));
    for (String name : names) {
      cl.addSubcommand(name, COMMANDS.get(name));
    }
    cl.setOut(context.out());
    cl.setErr(context.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionStrategy(Failures::execute);
    cl.setParameterExceptionHandler(Failures::onParameterError);
    cl.setExecutionExceptionHandler(Failures::onExecutionError);
    return cl;
  }

  /** Without a command, shows the overview and fails as a usage error (like git). */
  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return USAGE;
  }
}
