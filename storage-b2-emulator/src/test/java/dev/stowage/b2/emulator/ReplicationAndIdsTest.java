package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replication configuration echoes, pending status on uploads, file id shapes and b2_copy_part ranges. */
@Timeout(30)
class ReplicationAndIdsTest {
  @RegisterExtension final B2EmulatorExtension b2 = B2EmulatorExtension.perTest();

  private B2TestClient c;
  private String bucketId;

  @BeforeEach
  void setUp(B2Emulator emulator) {
    c = B2TestClient.authorized(emulator, 2);
    bucketId = c.createBucket("source-bucket", "allPrivate");
  }

  private JsonNode update(Object replication) {
    Map<String, Object> body =
        new HashMap<>(Map.of("accountId", c.accountId, "bucketId", bucketId));
    body.put("replicationConfiguration", replication);
    return c.ok("b2_update_bucket", body);
  }

  @Test
  void updateBucket_replicationSource_rulesEchoedWithDefaultsAndUploadsPending() {
    JsonNode bucket =
        update(
            Map.of(
                "asReplicationSource",
                Map.of(
                    "sourceApplicationKeyId",
                    "key-1",
                    "replicationRules",
                    List.of(
                        Map.of(
                            "destinationBucketId",
                            "dest-1",
                            "replicationRuleName",
                            "to-dest",
                            "fileNamePrefix",
                            "docs/")))));
    JsonNode value = bucket.get("replicationConfiguration").get("value");
    JsonNode rule = value.get("asReplicationSource").get("replicationRules").get(0);
    assertThat(rule.get("destinationBucketId").asText()).isEqualTo("dest-1");
    assertThat(rule.get("fileNamePrefix").asText()).isEqualTo("docs/");
    assertThat(rule.get("includeExistingFiles").asBoolean()).isFalse();
    assertThat(rule.get("isEnabled").asBoolean()).isTrue();
    assertThat(rule.get("priority").asInt()).isEqualTo(128);
    assertThat(rule.get("replicationRuleName").asText()).isEqualTo("to-dest");
    assertThat(value.get("asReplicationSource").get("sourceApplicationKeyId").asText())
        .isEqualTo("key-1");
    assertThat(value.get("asReplicationDestination").isNull()).isTrue();
    assertThat(
            c.upload(bucketId, "docs/a.txt", "a".getBytes())
                .json()
                .get("replicationStatus")
                .asText())
        .isEqualTo("pending");
    assertThat(c.upload(bucketId, "other/a.txt", "a".getBytes()).json().has("replicationStatus"))
        .isFalse();
  }

  @Test
  void updateBucket_replicationDestinationThenCleared_valueNull() {
    JsonNode bucket =
        update(
            Map.of(
                "asReplicationDestination",
                Map.of("sourceToDestinationKeyMapping", Map.of("src-key", "dst-key"))));
    JsonNode value = bucket.get("replicationConfiguration").get("value");
    assertThat(
            value
                .get("asReplicationDestination")
                .get("sourceToDestinationKeyMapping")
                .get("src-key")
                .asText())
        .isEqualTo("dst-key");
    assertThat(value.get("asReplicationSource").isNull()).isTrue();
    Map<String, Object> clear = new HashMap<>();
    clear.put("asReplicationSource", null);
    clear.put("asReplicationDestination", null);
    JsonNode cleared = update(clear).get("replicationConfiguration");
    assertThat(cleared.get("isClientAuthorizedToRead").asBoolean()).isTrue();
    assertThat(cleared.get("value").isNull()).isTrue();
  }

  @Test
  void updateBucket_badReplicationRule_badRequest() {
    Map<String, Object> body =
        new HashMap<>(Map.of("accountId", c.accountId, "bucketId", bucketId));
    body.put(
        "replicationConfiguration",
        Map.of(
            "asReplicationSource",
            Map.of(
                "sourceApplicationKeyId",
                "k",
                "replicationRules",
                List.of(Map.of("destinationBucketId", "d", "replicationRuleName", "bad name")))));
    B2TestClient.Res r = c.call("b2_update_bucket", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("bad_request");
  }

  @Test
  void fileIds_smallAndLarge_haveB2Shape() {
    String small = c.upload(bucketId, "s.txt", "s".getBytes()).json().get("fileId").asText();
    assertThat(small)
        .matches(
            "4_z" + bucketId + "_f1[0-9a-f]{15}_d\\d{8}_m\\d{6}_c\\d{3}_v\\d{7}_t\\d{4}_u\\d{14}");
    String large =
        c.ok(
                "b2_start_large_file",
                Map.of("bucketId", bucketId, "fileName", "l.bin", "contentType", "b2/x-auto"))
            .get("fileId")
            .asText();
    assertThat(large).startsWith("4_z" + bucketId + "_f2");
    String hide =
        c.ok("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "s.txt"))
            .get("fileId")
            .asText();
    assertThat(hide).startsWith("4_z" + bucketId + "_f1").isNotEqualTo(small);
  }

  @Test
  void copyPart_byteRange_copiesThoseBytes() {
    byte[] data = B2TestClient.randomBytes(10_000, 3);
    String src = c.upload(bucketId, "src.bin", data).json().get("fileId").asText();
    String large =
        c.ok(
                "b2_start_large_file",
                Map.of("bucketId", bucketId, "fileName", "dst.bin", "contentType", "b2/x-auto"))
            .get("fileId")
            .asText();
    JsonNode part =
        c.ok(
            "b2_copy_part",
            Map.of(
                "sourceFileId",
                src,
                "largeFileId",
                large,
                "partNumber",
                1,
                "range",
                "bytes=100-4099"));
    assertThat(part.get("contentLength").asLong()).isEqualTo(4000);
    assertThat(part.get("contentSha1").asText())
        .isEqualTo(B2TestClient.sha1(java.util.Arrays.copyOfRange(data, 100, 4100)));
    B2TestClient.Res one =
        c.call(
            "b2_finish_large_file",
            Map.of("fileId", large, "partSha1Array", List.of(part.get("contentSha1").asText())));
    assertThat(one.status()).isEqualTo(400);
    assertThat(one.code()).isEqualTo("bad_request");
    assertThat(one.json().get("message").asText())
        .isEqualTo("large files must have at least 2 parts");
  }
}
