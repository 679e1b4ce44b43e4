package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Bucket calls: list, create, update (with {@code ifRevisionIs}) and delete. */
final class BucketHandlers {
  private static final Set<String> CREATABLE_TYPES = Set.of("allPrivate", "allPublic");
  private static final Set<String> LISTABLE_TYPES =
      Set.of("allPrivate", "allPublic", "snapshot", "restricted", "shared");

  private final Context ctx;

  BucketHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_list_buckets", new Route(AuthKind.ACCOUNT, this::list),
        "b2_create_bucket", new Route(AuthKind.ACCOUNT, this::create),
        "b2_update_bucket", new Route(AuthKind.ACCOUNT, this::update),
        "b2_delete_bucket", new Route(AuthKind.ACCOUNT, this::delete));
  }

  private void checkAccount(Params p) {
    if (!p.string("accountId").equals(ctx.accountId())) {
      throw B2Error.UNAUTHORIZED.exception("accountId does not match the authorized account");
    }
  }

  Reply list(Call call) throws IOException {
    Params p = call.params();
    Principal who = call.principal();
    checkAccount(p);
    String bucketId = p.optString("bucketId");
    String bucketName = p.optString("bucketName");
    List<String> types = p.optStrings("bucketTypes");
    if (types != null) {
      if (types.isEmpty() || (types.contains("all") && types.size() > 1)) {
        throw B2Error.BAD_REQUEST.exception(
            "bucketTypes must be [\"all\"] or a non-empty list of types");
      }
      for (String t : types) {
        if (!t.equals("all") && !LISTABLE_TYPES.contains(t)) {
          throw B2Error.BAD_REQUEST.exception("unknown bucket type " + t);
        }
      }
    }
    String restricted = who.key().bucketId();
    if (restricted != null) {
      boolean filtered =
          restricted.equals(bucketId)
              || (bucketName != null
                  && bucketId == null
                  && nameOf(restricted).equalsIgnoreCase(bucketName));
      if (!filtered) {
        if (call.apiVersion() >= 2 || bucketId != null || bucketName != null) {
          throw B2Error.UNAUTHORIZED.exception(
              "the key is restricted to bucket "
                  + restricted
                  + "; list with that bucketId or bucketName");
        }
        bucketId = restricted;
      }
    }
    if (!who.key().has(Capabilities.LIST_BUCKETS)
        && !who.key().has(Capabilities.LIST_ALL_BUCKET_NAMES)) {
      throw B2Error.UNAUTHORIZED.exception("not entitled: the key lacks capability listBuckets");
    }
    var out = Json.array();
    for (Bucket b : ctx.catalog().buckets()) {
      if ((bucketId != null && !b.bucketId().equals(bucketId))
          || (bucketName != null && !b.bucketName().equalsIgnoreCase(bucketName))
          || (types == null
              && !List.of("allPublic", "allPrivate", "snapshot").contains(b.bucketType()))
          || (types != null && !types.contains("all") && !types.contains(b.bucketType()))) {
        continue;
      }
      out.add(Shapes.bucket(b, ctx.accountId(), call.principal().key()));
    }
    var n = Json.object();
    n.set("buckets", out);
    return Reply.ok(n);
  }

  private String nameOf(String bucketId) {
    Bucket b = ctx.catalog().bucket(bucketId);
    return b == null ? "" : b.bucketName();
  }

  Reply create(Call call) throws IOException {
    Params p = call.params();
    call.principal().require(Capabilities.WRITE_BUCKETS);
    checkAccount(p);
    String name = Names.checkBucketName(p.string("bucketName"));
    String type = p.string("bucketType");
    if (!CREATABLE_TYPES.contains(type)) {
      throw B2Error.BAD_REQUEST.exception(
          "bucketType must be allPrivate or allPublic, not " + type);
    }
    Map<String, String> info = bucketInfo(p);
    List<JsonNode> corsSent = p.optList("corsRules");
    List<JsonNode> cors = corsSent != null ? Cors.validate(corsSent) : List.of();
    List<JsonNode> lifecycleSent = p.optList("lifecycleRules");
    List<JsonNode> lifecycle =
        lifecycleSent != null ? Lifecycle.validate(lifecycleSent) : List.of();
    Boolean lock = p.optBoolean("fileLockEnabled");
    JsonNode replication = replication(call, p);
    Bucket bucket =
        new Bucket(
            ctx.tokens().randomHex(12),
            name,
            type,
            info == null ? Map.of() : info,
            cors,
            lifecycle,
            1,
            sseMode(p),
            Boolean.TRUE.equals(lock),
            null,
            replication);
    ctx.catalog().createBucket(bucket, ctx.limits().maxBuckets());
    return Reply.ok(Shapes.bucket(bucket, ctx.accountId(), call.principal().key()));
  }

  /** The sent replication configuration, normalized (null when absent or cleared); needs writeBucketReplications. */
  private static @Nullable JsonNode replication(Call call, Params p) {
    if (!p.has("replicationConfiguration")) {
      return null;
    }
    call.principal().require(Capabilities.WRITE_BUCKET_REPLICATIONS);
    return Replication.normalize(p.get("replicationConfiguration"));
  }

  private static @Nullable Map<String, String> bucketInfo(Params p) {
    Map<String, String> info = p.optStringMap("bucketInfo");
    if (info != null && info.size() > 10) {
      throw B2Error.BAD_REQUEST.exception("bucketInfo may hold at most 10 entries");
    }
    return info;
  }

  private static @Nullable String sseMode(Params p) {
    JsonNode sse = p.get("defaultServerSideEncryption");
    if (sse == null) {
      return null;
    }
    JsonNode mode = sse.get("mode");
    if (mode == null || mode.isNull() || mode.asText().equals("none")) {
      return null;
    }
    if (!mode.asText().equals("SSE-B2")) {
      throw B2Error.BAD_REQUEST.exception(
          "defaultServerSideEncryption mode must be SSE-B2 or none");
    }
    return "SSE-B2";
  }

  Reply update(Call call) throws IOException {
    Params p = call.params();
    checkAccount(p);
    String bucketId = p.string("bucketId");
    call.principal().require(Capabilities.WRITE_BUCKETS).requireBucket(bucketId);
    String type = p.optString("bucketType");
    if (type != null && !CREATABLE_TYPES.contains(type)) {
      throw B2Error.BAD_REQUEST.exception(
          "bucketType must be allPrivate or allPublic, not " + type);
    }
    Map<String, String> info = bucketInfo(p);
    List<JsonNode> corsSent = p.optList("corsRules");
    List<JsonNode> cors = corsSent != null ? Cors.validate(corsSent) : null;
    List<JsonNode> lifecycleSent = p.optList("lifecycleRules");
    List<JsonNode> lifecycle = lifecycleSent != null ? Lifecycle.validate(lifecycleSent) : null;
    boolean sseSent = p.has("defaultServerSideEncryption");
    String sse = sseMode(p);
    Boolean lock = p.optBoolean("fileLockEnabled");
    boolean retentionSent = p.has("defaultRetention");
    if (retentionSent) {
      call.principal().require(Capabilities.WRITE_BUCKET_RETENTIONS);
    }
    BucketRetention retention = ObjectLock.parseDefault(p.get("defaultRetention"));
    boolean replicationSent = p.has("replicationConfiguration");
    JsonNode replication = replication(call, p);
    Long ifRevisionIs = p.optLong("ifRevisionIs");
    Bucket updated =
        ctx.catalog()
            .updateBucket(
                bucketId,
                ifRevisionIs,
                old -> {
                  if (Boolean.FALSE.equals(lock) && old.fileLockEnabled()) {
                    throw B2Error.BAD_REQUEST.exception(
                        "file lock cannot be turned off once enabled");
                  }
                  boolean lockEnabled = old.fileLockEnabled() || Boolean.TRUE.equals(lock);
                  if (retention != null && !lockEnabled) {
                    throw B2Error.BAD_REQUEST.exception(
                        "defaultRetention needs a bucket with file lock enabled; "
                            + bucketId
                            + " has none");
                  }
                  return new Bucket(
                      old.bucketId(),
                      old.bucketName(),
                      type == null ? old.bucketType() : type,
                      info == null ? old.bucketInfo() : info,
                      cors == null ? old.corsRules() : cors,
                      lifecycle == null ? old.lifecycleRules() : lifecycle,
                      old.revision() + 1,
                      sseSent ? sse : old.sseMode(),
                      lockEnabled,
                      retentionSent ? retention : old.defaultRetention(),
                      replicationSent ? replication : old.replication());
                });
    return Reply.ok(Shapes.bucket(updated, ctx.accountId(), call.principal().key()));
  }

  Reply delete(Call call) throws IOException {
    Params p = call.params();
    checkAccount(p);
    String bucketId = p.string("bucketId");
    call.principal().require(Capabilities.DELETE_BUCKETS).requireBucket(bucketId);
    Bucket removed = ctx.catalog().deleteBucket(bucketId);
    return Reply.ok(Shapes.bucket(removed, ctx.accountId(), call.principal().key()));
  }
}
