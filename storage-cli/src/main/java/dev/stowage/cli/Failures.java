package dev.stowage.cli;

import dev.stowage.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;
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

  /** The system properties logback.xml reads: our level, and that of the libraries. */
  static final String LOG_LEVEL_PROPERTY = "stowage.log.level";
  static final String LIBRARY_LOG_LEVEL_PROPERTY = "stowage.log.libraries";

  private Failures() {}

  /** Runs the parsed command, first switching logs to verbose when {@code --debug} was given. */
  static int execute(ParseResult parseResult) {
    if (debugRequested(parseResult)) {
      // Logback reads this when it first starts, which is after parsing: nothing logs before.
      System.setProperty(LOG_LEVEL_PROPERTY, "DEBUG");
      System.setProperty(LIBRARY_LOG_LEVEL_PROPERTY, "INFO");
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  /** Reports a command line that could not be parsed; exit status 2. */
  static int onParameterError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("stowage: " + parseMessage(e, cmd));
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return Stowage.USAGE;
  }

  private static String parseMessage(ParameterException e, CommandLine cmd) {
    if (e instanceof UnmatchedArgumentException && !cmd.getSubcommands().isEmpty()) {
      List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
      if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        return "'" + unmatched.get(0) + "' is not a " + cmd.getCommandSpec().qualifiedName() + " command";
      }
    }
    return lowerFirst(e.getMessage());
  }

  /** Reports a failure thrown while a command ran; exit status 1, or 2 for a {@link UsageException}. */
  static int onExecutionError(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean debug = debugRequested(parseResult);
    err.println("stowage: " + describe(e));
    if (e instanceof UsageException) {
      err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    }
    if (debug) {
      e.printStackTrace(err);
    } else if (!expected(e)) {
      err.println("stowage: (run again with --debug for the stack trace)");
    }
    err.flush();
    return e instanceof UsageException ? Stowage.USAGE : Stowage.FAILED;
  }

  /** Returns a one-line description of {@code e} for the user. */
  static String describe(Throwable e) {
    if (e instanceof StorageException || e instanceof CommandFailedException
        || e instanceof UsageException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return describe(e.getCause());
    }
    if (e instanceof FileSystemException) {
      return describeLocal((FileSystemException) e);
    }
    if (e instanceof IOException) {
      return "I/O error: " + e.getMessage();
    }
    if (e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String describeLocal(FileSystemException e) {
    String file = "'" + e.getFile() + "'" + (e.getOtherFile() == null ? "" : " to '" + e.getOtherFile() + "'");
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
    return e instanceof StorageException || e instanceof CommandFailedException
        || e instanceof UsageException || e instanceof IOException || e instanceof UncheckedIOException;
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static String lowerFirst(String s) {
    if (s == null || s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
      return s;
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
