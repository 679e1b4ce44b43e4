package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of B2 objects per API version. The rule: always the v2 shape, and on v1 also {@code size}
 * (rclone reads it). Bucket objects always carry options, revision, encryption and file-lock wrappers, which
 * b2sdk and the Java SDK require.
 */
final class Shapes {
  private Shapes() {}

  static ObjectNode bucket(Bucket b, String accountId) {
    return bucket(b, accountId, null);
  }

  /** True when {@code reader} (null: any reader) holds {@code capability}. */
  private static boolean may(@Nullable AppKey reader, String capability) {
    return reader == null || reader.has(capability);
  }

  /**
   * A bucket as {@code reader} may see it: without {@code readBucketRetentions} or {@code readBucketReplications}
   * those settings answer {@code {"isClientAuthorizedToRead": false, "value": null}}.
   */
  static ObjectNode bucket(Bucket b, String accountId, @Nullable AppKey reader) {
    ObjectNode n = Json.object();
    n.put("accountId", accountId);
    n.put("bucketId", b.bucketId());
    n.put("bucketName", b.bucketName());
    n.put("bucketType", b.bucketType());
    n.set("bucketInfo", stringMap(b.bucketInfo()));
    ArrayNode cors = n.putArray("corsRules");
    b.corsRules().forEach(cors::add);
    ArrayNode life = n.putArray("lifecycleRules");
    b.lifecycleRules().forEach(life::add);
    n.putArray("options").add("s3");
    n.put("revision", b.revision());
    ObjectNode sse = n.putObject("defaultServerSideEncryption");
    sse.put("isClientAuthorizedToRead", true);
    sse.set("value", sse(b.sseMode()));
    ObjectNode lock = n.putObject("fileLockConfiguration");
    if (may(reader, Capabilities.READ_BUCKET_RETENTIONS)) {
      lock.put("isClientAuthorizedToRead", true);
      ObjectNode value = lock.putObject("value");
      value.set("defaultRetention", ObjectLock.defaultRetentionJson(b.defaultRetention()));
      value.put("isFileLockEnabled", b.fileLockEnabled());
    } else {
      lock.put("isClientAuthorizedToRead", false);
      lock.putNull("value");
    }
    ObjectNode replication = n.putObject("replicationConfiguration");
    if (may(reader, Capabilities.READ_BUCKET_REPLICATIONS)) {
      replication.put("isClientAuthorizedToRead", true);
      replication.set(
          "value", b.replication() == null ? Json.MAPPER.nullNode() : b.replication().deepCopy());
    } else {
      replication.put("isClientAuthorizedToRead", false);
      replication.putNull("value");
    }
    return n;
  }

  static ObjectNode sse(@Nullable String mode) {
    ObjectNode n = Json.object();
    if (mode == null) {
      n.putNull("algorithm");
      n.putNull("mode");
    } else {
      n.put("algorithm", "AES256");
      n.put("mode", mode);
    }
    return n;
  }

  static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode n = Json.object();
    map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> n.put(e.getKey(), e.getValue()));
    return n;
  }

  /** A file object with the version's own action. */
  static ObjectNode file(FileVersion v, String accountId, int apiVersion) {
    return file(v, accountId, apiVersion, v.action());
  }

  static ObjectNode file(FileVersion v, String accountId, int apiVersion, String action) {
    return file(v, accountId, apiVersion, action, null);
  }

  /** A file object as {@code reader} sees it (null: any reader). */
  static ObjectNode file(FileVersion v, String accountId, int apiVersion, @Nullable AppKey reader) {
    return file(v, accountId, apiVersion, v.action(), reader);
  }

  /**
   * A file object as {@code reader} may see it: without {@code readFileRetentions} or {@code readFileLegalHolds}
   * the retention or legal hold answers {@code {"isClientAuthorizedToRead": false, "value": null}}.
   */
  static ObjectNode file(
      FileVersion v, String accountId, int apiVersion, String action, @Nullable AppKey reader) {
    ObjectNode n = Json.object();
    n.put("accountId", accountId);
    n.put("action", action);
    n.put("bucketId", v.bucketId());
    n.put("contentLength", v.contentLength());
    n.put("contentMd5", v.contentMd5());
    n.put("contentSha1", v.contentSha1());
    n.put("contentType", v.contentType());
    n.put("fileId", v.fileId());
    n.set("fileInfo", stringMap(v.fileInfo()));
    n.put("fileName", v.fileName());
    if (!v.isHide()) {
      ObjectNode retention = n.putObject("fileRetention");
      boolean retentionReadable = may(reader, Capabilities.READ_FILE_RETENTIONS);
      retention.put("isClientAuthorizedToRead", retentionReadable);
      if (retentionReadable) {
        retention.set("value", ObjectLock.retentionValue(v.lock()));
      } else {
        retention.putNull("value");
      }
      ObjectNode hold = n.putObject("legalHold");
      boolean holdReadable = may(reader, Capabilities.READ_FILE_LEGAL_HOLDS);
      hold.put("isClientAuthorizedToRead", holdReadable);
      hold.put("value", holdReadable ? v.lock().legalHold() : null);
      n.set("serverSideEncryption", sse(v.sseMode()));
    }
    if (v.replicationStatus() != null) {
      n.put("replicationStatus", v.replicationStatus());
    }
    n.put("uploadTimestamp", v.uploadTimestamp());
    if (apiVersion == 1) {
      n.put("size", v.contentLength());
    }
    return n;
  }

  static ObjectNode folder(String name, int apiVersion) {
    ObjectNode n = Json.object();
    n.put("action", "folder");
    n.putNull("fileId");
    n.put("fileName", name);
    n.put("contentLength", 0);
    n.putNull("contentSha1");
    n.putNull("contentMd5");
    n.putNull("contentType");
    n.putObject("fileInfo");
    n.put("uploadTimestamp", 0);
    if (apiVersion == 1) {
      n.put("size", 0);
    }
    return n;
  }

  static ObjectNode part(Part p) {
    ObjectNode n = Json.object();
    n.put("fileId", p.fileId());
    n.put("partNumber", p.partNumber());
    n.put("contentLength", p.contentLength());
    n.put("contentSha1", p.contentSha1());
    n.put("contentMd5", p.contentMd5());
    n.set("serverSideEncryption", sse(null));
    n.put("uploadTimestamp", p.uploadTimestamp());
    return n;
  }

  static ObjectNode key(AppKey k, String accountId) {
    ObjectNode n = Json.object();
    n.put("accountId", accountId);
    n.put("applicationKeyId", k.applicationKeyId());
    n.put("bucketId", k.bucketId());
    ArrayNode caps = n.putArray("capabilities");
    k.capabilities().forEach(caps::add);
    if (k.expirationTimestamp() == null) {
      n.putNull("expirationTimestamp");
    } else {
      n.put("expirationTimestamp", k.expirationTimestamp());
    }
    n.put("keyName", k.keyName());
    n.put("namePrefix", k.namePrefix());
    n.putArray("options").add("s3");
    return n;
  }

  static JsonNode nullable(String s) {
    return s == null ? Json.MAPPER.nullNode() : Json.MAPPER.getNodeFactory().textNode(s);
  }
}
