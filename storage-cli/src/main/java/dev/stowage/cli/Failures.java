package dev.stowage.cli;

import dev.stowage.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into one line on standard error and an exit status: 2 for a command
 * line that cannot be understood (with a pointer to the command's help), 1 for a failure. Stack
 * traces appear only with {@code --debug}.
 */
final class Failures {

  /** The system properties {@link LogConfigurator} reads: our level, and that of the libraries. */
  static final String LOG_LEVEL_PROPERTY = "stowage.log.level";

  static final String LIBRARY_LOG_LEVEL_PROPERTY = "stowage.log.libraries";

  /** How many cause messages a failure line may add, and how long it may grow. */
  private static final int MAX_CAUSES = 3;

  private static final int MAX_LENGTH = 600;

  private Failures() {}

  /** Runs the parsed command, first switching logs to verbose when {@code --debug} was given. */
  static int execute(ParseResult parseResult) {
    if (debugRequested(parseResult)) {
      // Logback reads this when it first starts, which is after parsing: nothing logs before.
      System.setProperty(LOG_LEVEL_PROPERTY, "DEBUG");
      System.setProperty(LIBRARY_LOG_LEVEL_PROPERTY, "INFO");
    }
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; an OutOfMemoryError or a
      // StackOverflowError gets the same one-line treatment here.
      CommandLine cmd = deepest(parseResult).commandSpec().commandLine();
      return report(e, cmd.getErr(), deepest(parseResult), debugRequested(parseResult));
    }
  }

  private static ParseResult deepest(ParseResult parseResult) {
    ParseResult p = parseResult;
    while (p.subcommand() != null) {
      p = p.subcommand();
    }
    return p;
  }

  /** Reports a command line that could not be parsed; exit status 2. */
  static int onParameterError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("stowage: " + Redaction.redact(parseMessage(e, cmd)));
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return Stowage.USAGE;
  }

  private static @Nullable String parseMessage(ParameterException e, CommandLine cmd) {
    if (e instanceof UnmatchedArgumentException && !cmd.getSubcommands().isEmpty()) {
      List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
      if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        return "'"
            + unmatched.get(0)
            + "' is not a "
            + cmd.getCommandSpec().qualifiedName()
            + " command";
      }
    }
    return lowerFirst(e.getMessage());
  }

  /** Reports a failure thrown while a command ran; exit status 1, or 2 for a {@link UsageException}. */
  static int onExecutionError(Exception e, CommandLine cmd, ParseResult parseResult) {
    return report(e, cmd.getErr(), deepest(parseResult), debugRequested(parseResult));
  }

  /**
   * Prints {@code e} as one line, {@code stowage: [COMMAND ARGS: ]WHAT (CAUSE)}, with the stack
   * trace after it only when {@code debug}; returns the exit status. Everything printed goes
   * through {@link Redaction}, so neither user information nor URI queries appear.
   */
  static int report(Throwable e, PrintWriter err, @Nullable ParseResult command, boolean debug) {
    String context = command == null ? null : context(command);
    String line = context == null || !needsContext(e) ? describe(e) : context + ": " + describe(e);
    if (!debug && !expected(e)) {
      line += " (run again with --debug for the stack trace)";
    }
    err.println("stowage: " + Redaction.redact(line));
    if (e instanceof UsageException && command != null) {
      err.println("See '" + command.commandSpec().qualifiedName() + " --help'.");
    }
    if (debug) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(Redaction.redact(trace.toString()));
    }
    err.flush();
    return e instanceof UsageException ? Stowage.USAGE : Stowage.FAILED;
  }

  /** The command as the user typed it: its name and positional arguments, e.g. {@code cp a b2://b/a}. */
  private static @Nullable String context(ParseResult command) {
    if (command.commandSpec().parent() == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(command.commandSpec().name());
    Set<CommandLine.Model.PositionalParamSpec> seen =
        new LinkedHashSet<>(command.matchedPositionals());
    for (CommandLine.Model.PositionalParamSpec p : seen) {
      for (String v : p.originalStringValues()) {
        b.append(' ').append(v);
      }
    }
    return b.toString();
  }

  /**
   * Messages the CLI wrote around the user's own words (a usage error, a named local file)
   * already say where; everything else (a storage failure that names the adapter's path, a bare
   * I/O error, an unexpected Throwable) is prefixed with the command that met it.
   */
  private static boolean needsContext(Throwable e) {
    return !(e instanceof CommandFailedException
        || e instanceof UsageException
        || e instanceof FileSystemException
        || (e instanceof UncheckedIOException && e.getCause() instanceof FileSystemException));
  }

  /**
   * Returns a one-line description of {@code e} for the user: its own message, followed by the
   * messages of its causes that add something (such as the two digests behind an INTEGRITY
   * failure). Not redacted; {@link #report} redacts.
   */
  static String describe(Throwable e) {
    String head = headline(e);
    StringBuilder b = new StringBuilder(head);
    int added = 0;
    Throwable previous = e;
    for (Throwable t = e.getCause();
        t != null && t != previous && added < MAX_CAUSES;
        t = t.getCause()) {
      previous = t;
      String m = causeMessage(t);
      if (m != null && !b.toString().contains(m)) {
        b.append(": ").append(m);
        added++;
      }
    }
    return oneLine(b.toString());
  }

  private static String headline(Throwable e) {
    if (e instanceof StorageException
        || e instanceof CommandFailedException
        || e instanceof UsageException) {
      return String.valueOf(e.getMessage());
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return headline(e.getCause());
    }
    if (e instanceof FileSystemException) {
      return describeLocal((FileSystemException) e);
    }
    if (e instanceof java.io.InterruptedIOException || e instanceof InterruptedException) {
      return "interrupted" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
    if (e instanceof IOException) {
      return "I/O error: " + e.getMessage();
    }
    if (e instanceof IllegalArgumentException && e.getMessage() != null) {
      return e.getMessage();
    }
    if (e instanceof OutOfMemoryError) {
      return "out of memory ("
          + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "); give Java more heap, e.g. -Xmx1g";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * A cause's own words: a storage failure's detail (its operation and path are already said),
   * other failures' messages, with the class name only where the message alone is cryptic.
   */
  private static @Nullable String causeMessage(Throwable t) {
    String m =
        t instanceof StorageException && ((StorageException) t).detail() != null
            ? ((StorageException) t).detail()
            : t.getMessage();
    if (m == null || m.isBlank()) {
      return null;
    }
    if (t instanceof StorageException
        || t instanceof IOException
        || t instanceof IllegalArgumentException
        || t instanceof IllegalStateException) {
      return m;
    }
    return t.getClass().getSimpleName() + ": " + m;
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return flat.length() <= MAX_LENGTH ? flat : flat.substring(0, MAX_LENGTH) + "…";
  }

  private static String describeLocal(FileSystemException e) {
    String file =
        "'"
            + e.getFile()
            + "'"
            + (e.getOtherFile() == null ? "" : " to '" + e.getOtherFile() + "'");
    if (e instanceof NoSuchFileException) {
      return file + ": no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return file + ": permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return file + ": already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return file + ": directory not empty";
    }
    if (e instanceof NotDirectoryException) {
      return file + ": not a directory";
    }
    return file + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
  }

  /** Failures whose message says it all: no hint about --debug. */
  private static boolean expected(Throwable e) {
    return e instanceof StorageException
        || e instanceof CommandFailedException
        || e instanceof UsageException
        || e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof OutOfMemoryError;
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String lowerFirst(@Nullable String s) {
    if (s == null || s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
      return s;
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
