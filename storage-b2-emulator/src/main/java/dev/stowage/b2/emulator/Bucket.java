package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored bucket. CORS and lifecycle rules are kept as sent (B2 echoes them back verbatim).
 *
 * @param sseMode          null for no default encryption, else {@code SSE-B2}
 * @param defaultRetention null, or the retention new versions get (only with {@code fileLockEnabled})
 * @param replication      null, or the replication configuration's value as echoed (defaults filled in)
 */
record Bucket(
    String bucketId,
    String bucketName,
    String bucketType,
    Map<String, String> bucketInfo,
    List<JsonNode> corsRules,
    List<JsonNode> lifecycleRules,
    long revision,
    @Nullable String sseMode,
    boolean fileLockEnabled,
    @Nullable BucketRetention defaultRetention,
    @Nullable JsonNode replication) {

  Bucket {
    Objects.requireNonNull(bucketId, "bucketId");
    Objects.requireNonNull(bucketName, "bucketName");
    Objects.requireNonNull(bucketType, "bucketType");
    bucketInfo = Map.copyOf(bucketInfo);
    corsRules = List.copyOf(corsRules);
    lifecycleRules = List.copyOf(lifecycleRules);
    replication = replication == null || replication.isNull() ? null : replication;
  }

  /** A bucket without default retention or replication. */
  Bucket(
      String bucketId,
      String bucketName,
      String bucketType,
      Map<String, String> bucketInfo,
      List<JsonNode> corsRules,
      List<JsonNode> lifecycleRules,
      long revision,
      @Nullable String sseMode,
      boolean fileLockEnabled) {
    this(
        bucketId,
        bucketName,
        bucketType,
        bucketInfo,
        corsRules,
        lifecycleRules,
        revision,
        sseMode,
        fileLockEnabled,
        null,
        null);
  }

  boolean isPublic() {
    return bucketType.equals("allPublic");
  }
}
