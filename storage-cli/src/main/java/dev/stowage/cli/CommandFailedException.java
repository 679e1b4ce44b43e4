package dev.stowage.cli;

/**
 * Signals that a command could not do its job for a reason outside the storage API (a local
 * file that cannot be read, a server that will not start): the CLI prints the message and exits
 * with status 1.
 */
final class CommandFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CommandFailedException(String message) {
    super(message);
  }

  CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
