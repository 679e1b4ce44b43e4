package dev.stowage.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The three time limits every network adapter honours, so that no operation can hang.
 *
 * <ul>
 *   <li>{@code connect}: the longest one TCP (and TLS) connection attempt may take;
 *   <li>{@code idle}: the longest a request may go without moving a byte in either direction,
 *       while sending its body or waiting for and reading the answer; a transfer that keeps
 *       moving bytes is never cut by it, however long it runs;
 *   <li>{@code operation}: the deadline of one operation, retries and backoff included: no retry
 *       starts after it, and a request still waiting for an answer is abandoned at it. For a
 *       multipart upload or a resumed download each request (a part, a resume) has this deadline
 *       of its own, so a long transfer that keeps progressing is not cut short.
 * </ul>
 *
 * <p>The URI settings are {@code connectTimeout=}, {@code idleTimeout=} and {@code timeout=}
 * (durations such as {@code 500ms}, {@code 30s}, {@code 2m}); {@link #from} reads them. The
 * defaults, {@link #DEFAULT}: 5 s, 30 s and 60 s.
 *
 * @param connect the connection timeout, positive
 * @param idle the stall timeout, positive
 * @param operation the per-operation deadline, positive
 */
public record Timeouts(Duration connect, Duration idle, Duration operation) {

  /** The setting that holds {@link #operation()}. */
  public static final String TIMEOUT = "timeout";

  /** The setting that holds {@link #connect()}. */
  public static final String CONNECT_TIMEOUT = "connectTimeout";

  /** The setting that holds {@link #idle()}. */
  public static final String IDLE_TIMEOUT = "idleTimeout";

  /** 5 s to connect, 30 s without progress, 60 s per operation. */
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));

  public Timeouts {
    positive("connect", connect);
    positive("idle", idle);
    positive("operation", operation);
  }

  /** Returns a copy with another connection timeout. */
  public Timeouts withConnect(Duration value) {
    return new Timeouts(value, idle, operation);
  }

  /** Returns a copy with another stall timeout. */
  public Timeouts withIdle(Duration value) {
    return new Timeouts(connect, value, operation);
  }

  /** Returns a copy with another per-operation deadline. */
  public Timeouts withOperation(Duration value) {
    return new Timeouts(connect, idle, value);
  }

  /**
   * Returns {@code defaults} with whichever of {@code timeout}, {@code connectTimeout} and
   * {@code idleTimeout} the settings hold.
   *
   * @throws IllegalArgumentException naming the setting when a value is not a positive duration
   */
  public static Timeouts from(ProviderSettings settings, Timeouts defaults) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(defaults, "defaults");
    Timeouts t = defaults;
    if (settings.has(CONNECT_TIMEOUT)) {
      t = t.withConnect(positiveSetting(settings, CONNECT_TIMEOUT));
    }
    if (settings.has(IDLE_TIMEOUT)) {
      t = t.withIdle(positiveSetting(settings, IDLE_TIMEOUT));
    }
    if (settings.has(TIMEOUT)) {
      t = t.withOperation(positiveSetting(settings, TIMEOUT));
    }
    return t;
  }

  private static Duration positiveSetting(ProviderSettings settings, String key) {
    Duration d = settings.duration(key);
    if (d.isZero() || d.isNegative()) {
      throw settings.invalid(key, "a positive duration such as 500ms, 30s or 2m");
    }
    return d;
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " timeout (" + d + ") must be positive");
    }
  }
}
