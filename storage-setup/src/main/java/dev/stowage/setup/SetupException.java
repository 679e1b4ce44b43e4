package dev.stowage.setup;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when reading the current state or applying a plan fails at the service: a refused call, a lost connection,
 * a bucket name owned by someone else, or a revision conflict that persisted after one re-plan; or, as
 * {@link SecretsFileException}, a secrets file that cannot be written. The message names the step and the service's
 * error code; it never contains a key, token or secret.
 */
public class SetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String code;
  private final int status;

  /**
   * Creates the exception.
   *
   * @param message what failed, without secrets
   * @param status the HTTP status, or 0 when there was no response
   * @param code the service's error code ({@code duplicate_bucket_name}, {@code AccessDenied}…), or null
   * @param cause the underlying failure, or null
   */
  public SetupException(
      String message, int status, @Nullable String code, @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /** Returns the HTTP status of the failed call, or 0 when there was no response. */
  public int status() {
    return status;
  }

  /** Returns the service's error code, or null when there was none. */
  public @Nullable String code() {
    return code;
  }
}
