package dev.stowage.cli;

/**
 * Signals that the command line itself is wrong (a bad URI, an option that does not apply): the
 * CLI prints the message and exits with status 2, like a parse error. The message says what to
 * do instead.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
