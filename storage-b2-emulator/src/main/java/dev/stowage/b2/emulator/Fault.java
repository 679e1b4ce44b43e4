package dev.stowage.b2.emulator;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An adverse effect the emulator applies to a request instead of (or around) its normal answer.
 *
 * <p>Faults are chosen per operation by a {@link FaultPlan}. The operation is a {@code b2_*} name: the JSON
 * calls ({@code b2_list_buckets}, ...), {@code b2_upload_file} and {@code b2_upload_part} for the upload URLs,
 * {@code b2_download_file_by_id} and {@code b2_download_file_by_name} for downloads.
 *
 * <ul>
 *   <li>{@link Status}: answer with a B2 error instead of running the call (e.g. 503, 429 with or without
 *       {@code Retry-After}, 401 {@code expired_auth_token}, which also kills the presented token).</li>
 *   <li>{@link Reset}: read part of the request body, then drop the connection without an answer.</li>
 *   <li>{@link Delay}: wait, then answer normally.</li>
 *   <li>{@link Truncate}: run the call, announce the full {@code Content-Length}, send half of the body and
 *       drop the connection.</li>
 *   <li>{@link Stall}: run the call, send the status line and headers, then send nothing more and hold the
 *       connection (up to a maximum hold time), as a server that hangs mid-answer.</li>
 *   <li>{@link Corrupt}: answer a download normally except that one byte of the body is flipped, while the
 *       headers (the SHA-1 included) still describe the true content; proves that clients verify.</li>
 * </ul>
 */
public sealed interface Fault
    permits Fault.Status, Fault.Reset, Fault.Delay, Fault.Truncate, Fault.Stall, Fault.Corrupt {

  /** The default {@link Stall#maxHold()}: five minutes. */
  Duration DEFAULT_MAX_HOLD = Duration.ofMinutes(5);

  /** Returns a {@link Stall} that holds the connection for at most {@link #DEFAULT_MAX_HOLD}. */
  static Fault stall() {
    return new Stall(DEFAULT_MAX_HOLD);
  }

  /** Returns a 503 {@code service_unavailable} fault without {@code Retry-After}. */
  static Fault serviceUnavailable() {
    return new Status(503, "service_unavailable", null);
  }

  /**
   * Returns a 429 {@code too_many_requests} fault.
   *
   * @param retryAfter the {@code Retry-After} to send (whole seconds), or null for none; b2sdk 1.17 crashes on
   *                   a 429 that carries one
   */
  static Fault tooManyRequests(Duration retryAfter) {
    return new Status(429, "too_many_requests", retryAfter);
  }

  /** Returns a 401 {@code expired_auth_token} fault; the token the request carried stops working. */
  static Fault expiredToken() {
    return new Status(401, "expired_auth_token", null);
  }

  /**
   * Answers with a B2 error.
   *
   * @param status     the HTTP status, 400..599
   * @param code       the B2 error code, e.g. {@code service_unavailable}
   * @param retryAfter the {@code Retry-After} header value (rounded up to seconds), or null to send none
   */
  record Status(int status, String code, @Nullable Duration retryAfter) implements Fault {
    /** Checks that the status is an error status and the code is present. */
    public Status {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be 400..599 but was " + status);
      }
      Objects.requireNonNull(code, "code");
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
      }
    }
  }

  /** Drops the connection while the request body is being sent, without any answer. */
  record Reset() implements Fault {}

  /**
   * Waits before answering normally.
   *
   * @param duration how long to wait (real time)
   */
  record Delay(Duration duration) implements Fault {
    /** Checks that the duration is present and not negative. */
    public Delay {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative but was " + duration);
      }
    }
  }

  /** Sends the normal headers and half of the body, then drops the connection. */
  record Truncate() implements Fault {}

  /**
   * Runs the call, sends the status line and headers (announcing the full {@code Content-Length}), then sends
   * nothing more and holds the connection until {@code maxHold} has passed or the emulator is closed; then it
   * drops the connection without the body. An answer without a body is held before its headers. The emulator
   * cannot see a client give up while it holds, so the hold lasts {@code maxHold} in any case; the request
   * idle timeout does not cut it short. The call's effect (e.g. a stored upload) stays.
   *
   * @param maxHold how long to hold the connection at most; positive
   */
  record Stall(Duration maxHold) implements Fault {
    /** Checks that the hold time is present and positive. */
    public Stall {
      Objects.requireNonNull(maxHold, "maxHold");
      if (maxHold.isNegative() || maxHold.isZero()) {
        throw new IllegalArgumentException("maxHold must be positive but was " + maxHold);
      }
    }
  }

  /**
   * Answers a download ({@code b2_download_file_by_id} or {@code b2_download_file_by_name}) normally except that
   * one byte of the body, at a position drawn from the plan's seeded random, is flipped (all eight bits). Status,
   * {@code Content-Length} and {@code X-Bz-Content-Sha1} are those of the true content. Error answers, empty
   * bodies and other operations are not changed; a rule naming a non-download operation is rejected.
   *
   * @param ranges whether partial-range answers (206) are corrupted too; {@code false} limits the fault to
   *               whole-file answers, the only ones a client can check against B2's per-file SHA-1
   */
  record Corrupt(boolean ranges) implements Fault {
    /** Corrupts every successful download answer, ranges included. */
    public Corrupt() {
      this(true);
    }
  }
}
