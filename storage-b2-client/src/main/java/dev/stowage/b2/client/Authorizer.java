package dev.stowage.b2.client;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Holds the account authorisation: authorises lazily, once for concurrent callers, renews before
 * the token's lifetime ends and after a call reports the token expired or bad.
 */
final class Authorizer {
  private static final String KEY = "account";

  private final Supplier<B2Credentials> source;
  private final LoadingCache<String, B2Authorization> cache;
  private volatile @Nullable B2Credentials lastCredentials;

  Authorizer(
      Supplier<B2Credentials> source,
      Function<B2Credentials, B2Authorization> authorize,
      Duration lifetime) {
    this.source = Objects.requireNonNull(source, "source");
    Objects.requireNonNull(authorize, "authorize");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(lifetime)
            .build(key -> authorize.apply(credentials()));
  }

  /** Returns the current authorisation, authorising first if there is none. */
  B2Authorization current() {
    return cache.get(KEY);
  }

  /**
   * Forgets the authorisation if it still holds {@code failedToken}; a concurrent caller that
   * already renewed it keeps the new one.
   */
  void invalidate(String failedToken) {
    cache
        .asMap()
        .computeIfPresent(
            KEY, (k, auth) -> auth.authorizationToken().equals(failedToken) ? null : auth);
  }

  /** Forgets the authorisation unconditionally. */
  void invalidateAll() {
    cache.invalidateAll();
  }

  /** Returns fresh credentials from the source (remembered so that messages can be scrubbed). */
  B2Credentials credentials() {
    B2Credentials c = Objects.requireNonNull(source.get(), "credential source returned null");
    lastCredentials = c;
    return c;
  }

  /** Returns the credentials used last, or null before the first authorisation. */
  @Nullable B2Credentials lastCredentials() {
    return lastCredentials;
  }
}
