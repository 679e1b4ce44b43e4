package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's replication configuration: validated, echoed with B2's defaults filled in ({@code fileNamePrefix ""},
 * {@code includeExistingFiles false}, {@code isEnabled true}, {@code priority 128}), and consulted so that uploads
 * into a source bucket answer {@code replicationStatus: "pending"}. Nothing is ever copied.
 */
final class Replication {
  static final String PENDING = "pending";
  static final int DEFAULT_PRIORITY = 128;
  private static final Pattern RULE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private Replication() {}

  /**
   * Validates a sent {@code replicationConfiguration} and returns the value to store and echo, or null when it
   * configures neither side (which clears replication).
   */
  static @Nullable JsonNode normalize(@Nullable JsonNode sent) {
    if (sent == null || sent.isNull()) {
      return null;
    }
    if (!sent.isObject()) {
      throw B2Error.BAD_REQUEST.exception("replicationConfiguration must be an object");
    }
    JsonNode source = sent.get("asReplicationSource");
    JsonNode destination = sent.get("asReplicationDestination");
    boolean hasSource = source != null && !source.isNull();
    boolean hasDestination = destination != null && !destination.isNull();
    if (!hasSource && !hasDestination) {
      return null;
    }
    ObjectNode out = Json.object();
    if (hasSource) {
      out.set("asReplicationSource", source(source));
    } else {
      out.putNull("asReplicationSource");
    }
    if (hasDestination) {
      out.set("asReplicationDestination", destination(destination));
    } else {
      out.putNull("asReplicationDestination");
    }
    return out;
  }

  private static ObjectNode source(JsonNode source) {
    String keyId = source.path("sourceApplicationKeyId").asText("");
    if (keyId.isEmpty()) {
      throw B2Error.BAD_REQUEST.exception("asReplicationSource.sourceApplicationKeyId is required");
    }
    JsonNode rules = source.get("replicationRules");
    if (rules == null || !rules.isArray() || rules.isEmpty()) {
      throw B2Error.BAD_REQUEST.exception(
          "asReplicationSource.replicationRules must hold at least one rule");
    }
    ObjectNode out = Json.object();
    ArrayNode outRules = out.putArray("replicationRules");
    Set<String> names = new HashSet<>();
    for (JsonNode rule : rules) {
      outRules.add(rule(rule, names));
    }
    out.put("sourceApplicationKeyId", keyId);
    return out;
  }

  private static ObjectNode rule(JsonNode rule, Set<String> names) {
    String destination = rule.path("destinationBucketId").asText("");
    if (destination.isEmpty()) {
      throw B2Error.BAD_REQUEST.exception("replication rule: destinationBucketId is required");
    }
    String name = rule.path("replicationRuleName").asText("");
    if (!RULE_NAME.matcher(name).matches()) {
      throw B2Error.BAD_REQUEST.exception(
          "replicationRuleName must be 1 to 64 letters, digits, '-' or '_': " + name);
    }
    if (!names.add(name)) {
      throw B2Error.BAD_REQUEST.exception("replicationRuleName " + name + " is used twice");
    }
    JsonNode priority = rule.get("priority");
    long p = priority == null || priority.isNull() ? DEFAULT_PRIORITY : priority.asLong(-1);
    if (p < 1 || p > Integer.MAX_VALUE) {
      throw B2Error.BAD_REQUEST.exception("replication rule priority must be from 1 to 2147483647");
    }
    ObjectNode out = Json.object();
    out.put("destinationBucketId", destination);
    out.put("fileNamePrefix", textOr(rule.get("fileNamePrefix"), ""));
    out.put("includeExistingFiles", boolOr(rule.get("includeExistingFiles"), false));
    out.put("isEnabled", boolOr(rule.get("isEnabled"), true));
    out.put("priority", p);
    out.put("replicationRuleName", name);
    return out;
  }

  private static ObjectNode destination(JsonNode destination) {
    JsonNode mapping = destination.get("sourceToDestinationKeyMapping");
    if (mapping == null || !mapping.isObject() || mapping.isEmpty()) {
      throw B2Error.BAD_REQUEST.exception(
          "asReplicationDestination.sourceToDestinationKeyMapping must map at least one key id");
    }
    ObjectNode out = Json.object();
    ObjectNode outMapping = out.putObject("sourceToDestinationKeyMapping");
    for (Map.Entry<String, JsonNode> e : mapping.properties()) {
      if (e.getKey().isEmpty() || !e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
        throw B2Error.BAD_REQUEST.exception(
            "sourceToDestinationKeyMapping must map key ids to key ids");
      }
      outMapping.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static String textOr(JsonNode n, String fallback) {
    return n == null || n.isNull() ? fallback : n.asText();
  }

  private static boolean boolOr(JsonNode n, boolean fallback) {
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw B2Error.BAD_REQUEST.exception("replication rule flags must be true or false");
    }
    return n.asBoolean();
  }

  /** {@code pending} when an enabled source rule of the bucket covers the name, else null. */
  static @Nullable String statusFor(Bucket bucket, String fileName) {
    JsonNode rules =
        bucket.replication() == null
            ? null
            : bucket.replication().path("asReplicationSource").path("replicationRules");
    if (rules == null || !rules.isArray()) {
      return null;
    }
    for (JsonNode rule : rules) {
      if (rule.path("isEnabled").asBoolean(true)
          && fileName.startsWith(rule.path("fileNamePrefix").asText(""))) {
        return PENDING;
      }
    }
    return null;
  }
}
