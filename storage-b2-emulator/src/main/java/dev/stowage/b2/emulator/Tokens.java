package dev.stowage.b2.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The tokens the emulator has handed out: account tokens, upload tokens (for an upload or a part URL) and
 * download-authorization tokens. Tokens live in memory only; after a restart clients authorize again.
 */
final class Tokens {
  /** An account token; {@code keyId} names the key it was made from. */
  record Session(String keyId, long expiresAt, int apiVersion) {}

  /** An upload token for a bucket (small files) or a large file (parts). */
  record UploadGrant(String keyId, String bucketId, @Nullable String fileId, long expiresAt) {}

  /** A download-authorization token. */
  record DownloadGrant(
      String bucketId, String fileNamePrefix, long expiresAt, Map<String, String> bound) {}

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration lifetime;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, UploadGrant> uploads = new ConcurrentHashMap<>();
  private final Map<String, DownloadGrant> downloads = new ConcurrentHashMap<>();
  private final Map<String, Boolean> expired = new ConcurrentHashMap<>();

  Tokens(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  long now() {
    return clock.millis();
  }

  long expiry() {
    long life = lifetime.toMillis();
    long now = now();
    return Long.MAX_VALUE - now < life ? Long.MAX_VALUE : now + life;
  }

  String newSession(String keyId, int apiVersion) {
    String token = "4_" + randomHex(20);
    sessions.put(token, new Session(keyId, expiry(), apiVersion));
    return token;
  }

  String newUpload(String keyId, String bucketId, @Nullable String fileId) {
    String token = "4_" + randomHex(24);
    uploads.put(token, new UploadGrant(keyId, bucketId, fileId, expiry()));
    return token;
  }

  String newDownload(DownloadGrant grant) {
    String token = "3_" + randomHex(24);
    downloads.put(token, grant);
    return token;
  }

  /** Returns the session for a token, or throws bad_auth_token / expired_auth_token. */
  Session session(String token) {
    Session s = token == null ? null : sessions.get(token);
    if (s == null) {
      throw B2Error.BAD_AUTH_TOKEN.exception("Invalid authorization token");
    }
    if (expired.containsKey(token) || now() >= s.expiresAt()) {
      throw B2Error.EXPIRED_AUTH_TOKEN.exception("Authorization token has expired");
    }
    return s;
  }

  UploadGrant upload(String token) {
    UploadGrant g = token == null ? null : uploads.get(token);
    if (g == null) {
      throw B2Error.BAD_AUTH_TOKEN.exception("Invalid upload authorization token");
    }
    if (expired.containsKey(token) || now() >= g.expiresAt()) {
      throw B2Error.EXPIRED_AUTH_TOKEN.exception("Upload authorization token has expired");
    }
    return g;
  }

  /** Returns the download grant for a token, null when the token is not a download token. */
  @Nullable DownloadGrant download(@Nullable String token) {
    return token == null ? null : downloads.get(token);
  }

  boolean isSession(String token) {
    return token != null && sessions.containsKey(token);
  }

  /** Marks a token dead: later use answers 401 expired_auth_token. */
  void expire(@Nullable String token) {
    if (token != null && (sessions.containsKey(token) || uploads.containsKey(token))) {
      expired.put(token, Boolean.TRUE);
    }
  }
}
