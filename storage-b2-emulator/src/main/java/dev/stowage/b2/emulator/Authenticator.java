package dev.stowage.b2.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The authentication filter: runs before routing hands a call to its handler, according to the route's
 * {@link AuthKind}, and records the {@link Principal} (and upload grant) on the call.
 */
final class Authenticator {
  private final Context ctx;

  Authenticator(Context ctx) {
    this.ctx = ctx;
  }

  void authenticate(AuthKind kind, Call call) {
    switch (kind) {
      case NONE:
        return;
      case BASIC:
        call.authenticated(new Principal(basic(call), null, call.apiVersion()));
        return;
      case MASTER:
        AppKey admin = basic(call);
        if (!admin.applicationKeyId().equals(ctx.catalog().account().masterKeyId())) {
          throw B2Error.UNAUTHORIZED.exception(
              "the emulator's admin endpoints need the master key");
        }
        call.authenticated(new Principal(admin, null, call.apiVersion()));
        return;
      case ACCOUNT:
        call.authenticated(account(call.token()));
        return;
      case UPLOAD:
      case PART:
        upload(kind, call);
        return;
      case DOWNLOAD:
        String token = call.token();
        if (token != null && ctx.tokens().isSession(token)) {
          call.authenticated(account(token));
        }
        return;
      default:
        throw new IllegalStateException("unknown auth kind " + kind);
    }
  }

  private AppKey basic(Call call) {
    String header = call.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw badCredentials();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCredentials();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw badCredentials();
    }
    String keyId = decoded.substring(0, colon);
    String secret = decoded.substring(colon + 1);
    Store.Account account = ctx.catalog().account();
    AppKey key;
    if (keyId.equals(account.masterKeyId()) || keyId.equals(account.accountId())) {
      key = master(account);
    } else {
      key = ctx.catalog().key(keyId);
    }
    if (key == null
        || !MessageDigest.isEqual(
            key.applicationKey().getBytes(StandardCharsets.UTF_8),
            secret.getBytes(StandardCharsets.UTF_8))) {
      throw badCredentials();
    }
    if (key.expirationTimestamp() != null && ctx.now() >= key.expirationTimestamp()) {
      throw B2Error.UNAUTHORIZED.exception("application key has expired");
    }
    return key;
  }

  private static B2Exception badCredentials() {
    return B2Error.BAD_AUTH_TOKEN
        .exception("")
        .withHeader("WWW-Authenticate", "BASIC realm=\"authorize_account\"");
  }

  static AppKey master(Store.Account account) {
    return new AppKey(
        account.masterKeyId(),
        account.masterKey(),
        "master",
        Capabilities.ALL,
        null,
        null,
        null,
        true);
  }

  /** Resolves an account token to the key it was made from; a deleted or expired key makes it invalid. */
  Principal account(@Nullable String token) {
    if (token == null || token.isEmpty()) {
      throw B2Error.BAD_AUTH_TOKEN.exception("Missing Authorization header");
    }
    Tokens.Session session = ctx.tokens().session(token);
    return new Principal(keyFor(session.keyId()), token, session.apiVersion());
  }

  private AppKey keyFor(String keyId) {
    Store.Account account = ctx.catalog().account();
    AppKey key = keyId.equals(account.masterKeyId()) ? master(account) : ctx.catalog().key(keyId);
    if (key == null) {
      throw B2Error.BAD_AUTH_TOKEN.exception("the key behind this token was deleted");
    }
    if (key.expirationTimestamp() != null && ctx.now() >= key.expirationTimestamp()) {
      throw B2Error.EXPIRED_AUTH_TOKEN.exception("the key behind this token has expired");
    }
    return key;
  }

  private void upload(AuthKind kind, Call call) {
    String token = call.header("Authorization");
    if (token == null || token.isEmpty()) {
      throw B2Error.BAD_AUTH_TOKEN.exception("Missing Authorization header");
    }
    Tokens.UploadGrant grant = ctx.tokens().upload(token.trim());
    String target = call.args().isEmpty() ? "" : call.args().get(0);
    boolean matches =
        kind == AuthKind.UPLOAD
            ? target.equals(grant.bucketId()) && grant.fileId() == null
            : target.equals(grant.fileId());
    if (!matches) {
      throw B2Error.BAD_AUTH_TOKEN.exception("the upload token does not belong to this upload URL");
    }
    call.authenticated(new Principal(keyFor(grant.keyId()), token.trim(), call.apiVersion()));
    call.uploadGranted(grant);
  }
}
