package dev.stowage.b2.emulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Application keys: create (with capabilities, bucket and name-prefix restrictions), list and delete. */
final class KeyHandlers {
  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9-]{1,100}");
  private static final long MAX_DURATION_SECONDS = 86_400_000L;

  private final Context ctx;

  KeyHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_create_key", new Route(AuthKind.ACCOUNT, this::create),
        "b2_list_keys", new Route(AuthKind.ACCOUNT, this::list),
        "b2_delete_key", new Route(AuthKind.ACCOUNT, this::delete));
  }

  private void checkAccount(Params p) {
    if (!p.string("accountId").equals(ctx.accountId())) {
      throw B2Error.UNAUTHORIZED.exception("accountId does not match the authorized account");
    }
  }

  Reply create(Call call) throws IOException {
    Params p = call.params();
    call.principal().require(Capabilities.WRITE_KEYS);
    checkAccount(p);
    AppKey key =
        newKey(
            ctx,
            p.string("keyName"),
            p.optStrings("capabilities"),
            p.optLong("validDurationInSeconds"),
            p.optString("bucketId"),
            p.optString("namePrefix"));
    var n = Shapes.key(key, ctx.accountId());
    n.put("applicationKey", key.applicationKey());
    return Reply.ok(n);
  }

  /** Validates and stores a new application key, as {@code b2_create_key} does. */
  static AppKey newKey(
      Context ctx,
      String name,
      @Nullable List<String> caps,
      @Nullable Long seconds,
      @Nullable String bucketId,
      @Nullable String prefix)
      throws IOException {
    if (caps == null || caps.isEmpty()) {
      throw B2Error.BAD_REQUEST.exception("capabilities must be a non-empty list");
    }
    for (String c : caps) {
      if (!Capabilities.ALL.contains(c)) {
        throw B2Error.BAD_REQUEST.exception("unknown capability " + c);
      }
    }
    if (name == null || !KEY_NAME.matcher(name).matches()) {
      throw B2Error.BAD_REQUEST.exception("keyName must be 1 to 100 letters, digits or '-'");
    }
    if (seconds != null && (seconds < 1 || seconds >= MAX_DURATION_SECONDS)) {
      throw B2Error.BAD_REQUEST.exception(
          "validDurationInSeconds must be positive and under 1000 days");
    }
    if (prefix != null && bucketId == null) {
      throw B2Error.BAD_REQUEST.exception("namePrefix needs bucketId");
    }
    if (bucketId != null) {
      ctx.bucket(bucketId);
      for (String c : caps) {
        if (Capabilities.ACCOUNT_LEVEL.contains(c)) {
          throw B2Error.BAD_REQUEST.exception(
              "a key restricted to a bucket cannot have capability " + c);
        }
      }
    }
    String id = "00" + ctx.accountId() + ctx.tokens().randomHex(6);
    AppKey key =
        new AppKey(
            id,
            "K00" + ctx.tokens().randomHex(14),
            name,
            caps,
            bucketId,
            prefix,
            seconds == null ? null : ctx.now() + seconds * 1000,
            false);
    ctx.catalog().putKey(key);
    return key;
  }

  Reply list(Call call) throws IOException {
    Params p = call.params();
    call.principal().require(Capabilities.LIST_KEYS);
    checkAccount(p);
    int max = Listing.count(p.optLong("maxKeyCount"), 100, 10_000);
    var keys = Json.array();
    String next = null;
    for (AppKey k : ctx.catalog().keysFrom(p.optString("startApplicationKeyId"))) {
      if (keys.size() == max) {
        next = k.applicationKeyId();
        break;
      }
      keys.add(Shapes.key(k, ctx.accountId()));
    }
    var n = Json.object();
    n.set("keys", keys);
    n.put("nextApplicationKeyId", next);
    return Reply.ok(n);
  }

  Reply delete(Call call) throws IOException {
    String keyId = call.params().string("applicationKeyId");
    call.principal().require(Capabilities.DELETE_KEYS);
    AppKey removed = ctx.catalog().removeKey(keyId);
    if (removed == null) {
      throw B2Error.BAD_REQUEST.exception("application key does not exist: " + keyId);
    }
    return Reply.ok(Shapes.key(removed, ctx.accountId()));
  }
}
