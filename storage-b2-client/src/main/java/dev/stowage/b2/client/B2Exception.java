package dev.stowage.b2.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Signals that B2 answered a call with an error: the HTTP status, B2's error code and message.
 *
 * <p>The message never contains a token or key: the client removes any credential it knows from
 * the server's message before building the exception.
 */
public final class B2Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String call;
  private final int status;
  private final String code;
  private final String b2Message;
  private final transient @Nullable Duration retryAfter;

  /**
   * Creates an exception.
   *
   * @param call the {@code b2_*} call that failed (e.g. {@code b2_upload_file})
   * @param status the HTTP status
   * @param code B2's error code, e.g. {@code file_not_present}
   * @param message B2's message, already free of credentials
   * @param retryAfter the {@code Retry-After} the server sent, or null
   */
  public B2Exception(
      String call, int status, String code, String message, @Nullable Duration retryAfter) {
    super(
        call
            + ": "
            + status
            + " "
            + code
            + (message == null || message.isEmpty() ? "" : ": " + message));
    this.call = Objects.requireNonNull(call, "call");
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.b2Message = message == null ? "" : message;
    this.retryAfter = retryAfter;
  }

  /** Returns the {@code b2_*} call that failed. */
  public String call() {
    return call;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns B2's error code ({@code unknown} when the body had none). */
  public String code() {
    return code;
  }

  /** Returns B2's message (possibly empty). */
  public String b2Message() {
    return b2Message;
  }

  /** Returns the delay the server asked for ({@code Retry-After}), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
