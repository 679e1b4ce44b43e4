package dev.stowage.spi;

import dev.stowage.StorageException.Kind;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an adapter throws when the backend (or the adapter itself) cannot do what it was asked: a
 * {@link Kind}, a backend detail, an optional retry-after and a cause, but no operation and no
 * path. The facade knows which operation the caller asked for, on which path, and turns this into
 * the matching {@link dev.stowage.StorageException} once, so that adapters never name an
 * operation and never re-attribute a failure of an inner call (a stat made during a copy, the
 * bucket lookup made during a read).
 *
 * <p>The detail must never contain a credential, token, signature or signed URL: it becomes part
 * of the message callers see and log. The message of this exception is the kind followed by the
 * detail, e.g. {@code "not found (b2 file_not_present, 404)"}.
 *
 * <!-- given: java.util.Optional<Object> found -->
 * <pre>{@code
 * if (found.isEmpty()) {
 *   throw BackendException.of(StorageException.Kind.NOT_FOUND, "no such key");
 * }
 * }</pre>
 *
 * <p>{@link Retrier} retries failures whose kind is {@linkplain Kind#retryable() retryable},
 * waiting at least their {@link #retryAfter()}.
 */
public final class BackendException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Kind kind;
  private final @Nullable String detail;
  private final @Nullable Duration retryAfter;

  private BackendException(
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message(kind, detail), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.detail = detail == null || detail.isEmpty() ? null : detail;
    this.retryAfter = retryAfter;
  }

  /**
   * Returns a failure of {@code kind}.
   *
   * @param detail what the backend said, e.g. {@code "b2 file_not_present, 404"}, or null; must
   *     not contain secrets
   */
  public static BackendException of(Kind kind, @Nullable String detail) {
    return new BackendException(kind, detail, null, null);
  }

  /** Returns a failure of {@code kind} caused by {@code cause} (may be null). */
  public static BackendException of(Kind kind, @Nullable String detail, @Nullable Throwable cause) {
    return new BackendException(kind, detail, null, cause);
  }

  /**
   * Returns a failure of {@code kind} for which the backend asked to wait {@code retryAfter}
   * (null: it did not say) before trying again.
   */
  public static BackendException of(
      Kind kind,
      @Nullable String detail,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter (" + retryAfter + ") must not be negative");
    }
    return new BackendException(kind, detail, retryAfter, cause);
  }

  /** Returns a NOT_FOUND failure with {@code detail}. */
  public static BackendException notFound(@Nullable String detail) {
    return new BackendException(Kind.NOT_FOUND, detail, null, null);
  }

  /** Returns what went wrong. */
  public Kind kind() {
    return kind;
  }

  /** Returns the backend's detail, or null when there is none. */
  public @Nullable String detail() {
    return detail;
  }

  /** Returns the delay the backend asked for before a retry, when it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns whether the same call may succeed if repeated later (the kind's rule). */
  public boolean retryable() {
    return kind.retryable();
  }

  private static String message(Kind kind, @Nullable String detail) {
    String phrase =
        Objects.requireNonNull(kind, "kind").name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return detail == null || detail.isEmpty() ? phrase : phrase + " (" + detail + ")";
  }
}
