package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@code b2_authorize_account} in its flat (v1, v2) and nested (v3, v4) shapes. */
final class AuthHandlers {
  private final Context ctx;
  private final Supplier<String> s3ApiUrl;

  AuthHandlers(Context ctx, Supplier<String> s3ApiUrl) {
    this.ctx = ctx;
    this.s3ApiUrl = s3ApiUrl;
  }

  Map<String, Route> routes() {
    return Map.of("b2_authorize_account", new Route(AuthKind.BASIC, this::authorize));
  }

  Reply authorize(Call call) {
    if (!call.method().equals("GET") && !call.method().equals("POST")) {
      throw B2Error.METHOD_NOT_ALLOWED.exception("use GET or POST");
    }
    AppKey key = call.principal().key();
    String bucketName = null;
    if (key.bucketId() != null) {
      Bucket b = ctx.catalog().bucket(key.bucketId());
      bucketName = b == null ? null : b.bucketName();
    }
    String token = ctx.tokens().newSession(key.applicationKeyId(), call.apiVersion());
    ObjectNode n = Json.object();
    n.put("accountId", ctx.accountId());
    n.put("authorizationToken", token);
    if (call.apiVersion() >= 3) {
      n.put("applicationKeyExpirationTimestamp", key.expirationTimestamp());
      ObjectNode storage = n.putObject("apiInfo").putObject("storageApi");
      urls(storage);
      allowed(storage, key, bucketName);
      storage.put("infoType", "storageApi");
      if (call.apiVersion() >= 4) {
        storage.remove("bucketId");
        storage.remove("bucketName");
        storage.remove("infoType");
        ObjectNode allowed = storage.putObject("allowed");
        if (key.bucketId() == null) {
          allowed.putNull("buckets");
        } else {
          allowed.putArray("buckets").addObject().put("id", key.bucketId()).put("name", bucketName);
        }
        allowed.set("capabilities", storage.remove("capabilities"));
        allowed.set("namePrefix", storage.remove("namePrefix"));
      }
      return Reply.ok(n);
    }
    urls(n);
    n.put("minimumPartSize", ctx.limits().recommendedPartSize());
    allowed(n.putObject("allowed"), key, bucketName);
    return Reply.ok(n);
  }

  private void urls(ObjectNode n) {
    n.put("apiUrl", ctx.baseUrl());
    n.put("downloadUrl", ctx.baseUrl());
    n.put("s3ApiUrl", s3ApiUrl.get());
    n.put("recommendedPartSize", ctx.limits().recommendedPartSize());
    n.put("absoluteMinimumPartSize", ctx.limits().absoluteMinimumPartSize());
  }

  private static void allowed(ObjectNode n, AppKey key, @Nullable String bucketName) {
    n.put("bucketId", key.bucketId());
    n.put("bucketName", bucketName);
    var caps = n.putArray("capabilities");
    key.capabilities().forEach(caps::add);
    n.put("namePrefix", key.namePrefix());
  }
}
