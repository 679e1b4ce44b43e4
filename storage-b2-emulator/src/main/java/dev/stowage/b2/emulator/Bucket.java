package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored bucket. CORS and lifecycle rules are kept as sent (B2 echoes them back verbatim).
 *
 * @param sseMode null for no default encryption, else {@code SSE-B2}
 */
record Bucket(String bucketId, String bucketName, String bucketType, Map<String, String> bucketInfo,
              List<JsonNode> corsRules, List<JsonNode> lifecycleRules, long revision, String sseMode,
              boolean fileLockEnabled) {

    Bucket {
        Objects.requireNonNull(bucketId, "bucketId");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(bucketType, "bucketType");
        bucketInfo = Map.copyOf(bucketInfo);
        corsRules = List.copyOf(corsRules);
        lifecycleRules = List.copyOf(lifecycleRules);
    }

    boolean isPublic() {
        return bucketType.equals("allPublic");
    }
}
