package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Object Lock: lock-enabled buckets, default and per-file retention, legal holds, locked deletes, read gating. */
@Timeout(30)
class ObjectLockTest {
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T12:00:00Z"));
  private B2Emulator emulator;
  private B2TestClient c;
  private String bucketId;

  @BeforeEach
  void setUp() {
    emulator = B2Emulator.builder().clock(clock).tokenLifetime(Duration.ofDays(3650)).start();
    c = B2TestClient.authorized(emulator, 2);
    bucketId =
        c.ok(
                "b2_create_bucket",
                Map.of(
                    "accountId",
                    c.accountId,
                    "bucketName",
                    "locked-bucket",
                    "bucketType",
                    "allPrivate",
                    "fileLockEnabled",
                    true))
            .get("bucketId")
            .asText();
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  private long now() {
    return clock.millis();
  }

  private static void assertError(B2TestClient.Res r, int status, String code) {
    assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    assertThat(r.code()).isEqualTo(code);
  }

  private B2TestClient.Res delete(JsonNode file, boolean bypass) {
    return c.call(
        "b2_delete_file_version",
        Map.of(
            "fileName",
            file.get("fileName").asText(),
            "fileId",
            file.get("fileId").asText(),
            "bypassGovernance",
            bypass));
  }

  private JsonNode setDefault(Object retention) {
    Map<String, Object> body =
        new HashMap<>(Map.of("accountId", c.accountId, "bucketId", bucketId));
    body.put("defaultRetention", retention);
    return c.ok("b2_update_bucket", body);
  }

  @Test
  void createBucket_fileLockEnabled_echoedWithEmptyDefaultRetention() {
    JsonNode bucket =
        c.ok("b2_list_buckets", Map.of("accountId", c.accountId, "bucketId", bucketId))
            .get("buckets")
            .get(0);
    JsonNode lock = bucket.get("fileLockConfiguration");
    assertThat(lock.get("isClientAuthorizedToRead").asBoolean()).isTrue();
    assertThat(lock.get("value").get("isFileLockEnabled").asBoolean()).isTrue();
    assertThat(lock.get("value").get("defaultRetention").get("mode").isNull()).isTrue();
    assertThat(lock.get("value").get("defaultRetention").get("period").isNull()).isTrue();
  }

  @Test
  void updateBucket_defaultRetention_appliedToNewUploads() {
    JsonNode bucket =
        setDefault(Map.of("mode", "governance", "period", Map.of("duration", 30, "unit", "days")));
    JsonNode retention = bucket.get("fileLockConfiguration").get("value").get("defaultRetention");
    assertThat(retention.get("mode").asText()).isEqualTo("governance");
    assertThat(retention.get("period").get("duration").asInt()).isEqualTo(30);
    assertThat(retention.get("period").get("unit").asText()).isEqualTo("days");
    JsonNode up = c.upload(bucketId, "a.txt", "a".getBytes()).json();
    assertThat(up.get("fileRetention").get("value").get("mode").asText()).isEqualTo("governance");
    assertThat(up.get("fileRetention").get("value").get("retainUntilTimestamp").asLong())
        .isEqualTo(now() + 30 * DAY);
    JsonNode years =
        setDefault(Map.of("mode", "compliance", "period", Map.of("duration", 1, "unit", "years")));
    assertThat(
            years
                .get("fileLockConfiguration")
                .get("value")
                .get("defaultRetention")
                .get("mode")
                .asText())
        .isEqualTo("compliance");
    Map<String, Object> clear = new HashMap<>();
    clear.put("mode", null);
    JsonNode cleared = setDefault(clear);
    assertThat(
            cleared
                .get("fileLockConfiguration")
                .get("value")
                .get("defaultRetention")
                .get("mode")
                .isNull())
        .isTrue();
  }

  @Test
  void updateBucket_badDefaultRetentionOrNoFileLock_badRequest() {
    Map<String, Object> body =
        new HashMap<>(Map.of("accountId", c.accountId, "bucketId", bucketId));
    body.put(
        "defaultRetention",
        Map.of("mode", "forever", "period", Map.of("duration", 1, "unit", "days")));
    assertError(c.call("b2_update_bucket", body), 400, "bad_request");
    body.put(
        "defaultRetention",
        Map.of("mode", "governance", "period", Map.of("duration", 0, "unit", "days")));
    assertError(c.call("b2_update_bucket", body), 400, "bad_request");
    body.put(
        "defaultRetention",
        Map.of("mode", "governance", "period", Map.of("duration", 3, "unit", "weeks")));
    assertError(c.call("b2_update_bucket", body), 400, "bad_request");
    String plain = c.createBucket("plain-bucket", "allPrivate");
    body.put("bucketId", plain);
    body.put(
        "defaultRetention",
        Map.of("mode", "governance", "period", Map.of("duration", 3, "unit", "days")));
    assertError(c.call("b2_update_bucket", body), 400, "bad_request");
    assertError(
        c.upload(plain, "x.txt", "x".getBytes(), "X-Bz-File-Legal-Hold", "on"), 400, "bad_request");
  }

  @Test
  void deleteFileVersion_governanceRetention_refusedUntilBypassOrExpiry() {
    long until = now() + 2 * DAY;
    JsonNode up =
        c.upload(
                bucketId,
                "g.txt",
                "g".getBytes(),
                "X-Bz-File-Retention-Mode",
                "governance",
                "X-Bz-File-Retention-Retain-Until-Timestamp",
                Long.toString(until))
            .json();
    assertThat(up.get("fileRetention").get("value").get("retainUntilTimestamp").asLong())
        .isEqualTo(until);
    assertError(delete(up, false), 403, "access_denied");
    JsonNode second =
        c.upload(
                bucketId,
                "g.txt",
                "g2".getBytes(),
                "X-Bz-File-Retention-Mode",
                "governance",
                "X-Bz-File-Retention-Retain-Until-Timestamp",
                Long.toString(until))
            .json();
    assertThat(delete(second, true).status()).isEqualTo(200);
    clock.advance(Duration.ofDays(2).plusSeconds(1));
    assertThat(delete(up, false).status()).isEqualTo(200);
  }

  @Test
  void deleteFileVersion_bypassWithoutCapability_refused() {
    JsonNode up =
        c.upload(
                bucketId,
                "g.txt",
                "g".getBytes(),
                "X-Bz-File-Retention-Mode",
                "governance",
                "X-Bz-File-Retention-Retain-Until-Timestamp",
                Long.toString(now() + DAY))
            .json();
    JsonNode key =
        c.ok(
            "b2_create_key",
            Map.of(
                "accountId",
                c.accountId,
                "keyName",
                "no-bypass",
                "capabilities",
                List.of("listBuckets", "listFiles", "readFiles", "deleteFiles")));
    B2TestClient app = new B2TestClient(emulator.url(), 2);
    app.authorize(key.get("applicationKeyId").asText(), key.get("applicationKey").asText());
    assertError(
        app.call(
            "b2_delete_file_version",
            Map.of(
                "fileName",
                "g.txt",
                "fileId",
                up.get("fileId").asText(),
                "bypassGovernance",
                true)),
        403,
        "access_denied");
  }

  @Test
  void deleteFileVersion_complianceRetention_refusedEvenWithBypass() {
    JsonNode up =
        c.upload(
                bucketId,
                "c.txt",
                "c".getBytes(),
                "X-Bz-File-Retention-Mode",
                "compliance",
                "X-Bz-File-Retention-Retain-Until-Timestamp",
                Long.toString(now() + DAY))
            .json();
    assertError(delete(up, true), 403, "access_denied");
    B2TestClient.Res shorten =
        c.call(
            "b2_update_file_retention",
            Map.of(
                "fileName",
                "c.txt",
                "fileId",
                up.get("fileId").asText(),
                "bypassGovernance",
                true,
                "fileRetention",
                Map.of("mode", "compliance", "retainUntilTimestamp", now() + 1000)));
    assertError(shorten, 403, "access_denied");
    JsonNode extended =
        c.ok(
            "b2_update_file_retention",
            Map.of(
                "fileName",
                "c.txt",
                "fileId",
                up.get("fileId").asText(),
                "fileRetention",
                Map.of("mode", "compliance", "retainUntilTimestamp", now() + 3 * DAY)));
    assertThat(extended.get("fileRetention").get("retainUntilTimestamp").asLong())
        .isEqualTo(now() + 3 * DAY);
    clock.advance(Duration.ofDays(3).plusSeconds(1));
    assertThat(delete(up, false).status()).isEqualTo(200);
  }

  @Test
  void updateFileRetention_shortenGovernance_needsBypass() {
    JsonNode up =
        c.upload(
                bucketId,
                "g.txt",
                "g".getBytes(),
                "X-Bz-File-Retention-Mode",
                "governance",
                "X-Bz-File-Retention-Retain-Until-Timestamp",
                Long.toString(now() + 5 * DAY))
            .json();
    Map<String, Object> remove =
        new HashMap<>(Map.of("fileName", "g.txt", "fileId", up.get("fileId").asText()));
    Map<String, Object> none = new HashMap<>();
    none.put("mode", null);
    remove.put("fileRetention", none);
    assertError(c.call("b2_update_file_retention", remove), 403, "access_denied");
    remove.put("bypassGovernance", true);
    JsonNode removed = c.ok("b2_update_file_retention", remove);
    assertThat(removed.get("fileRetention").get("mode").isNull()).isTrue();
    assertThat(delete(up, false).status()).isEqualTo(200);
  }

  @Test
  void legalHold_onUploadAndUpdate_blocksDeleteUntilOff() {
    JsonNode up = c.upload(bucketId, "h.txt", "h".getBytes(), "X-Bz-File-Legal-Hold", "on").json();
    assertThat(up.get("legalHold").get("value").asText()).isEqualTo("on");
    assertError(delete(up, true), 403, "access_denied");
    B2TestClient.Res head = c.download("/file/locked-bucket/h.txt");
    assertThat(head.header("X-Bz-File-Legal-Hold")).isEqualTo("on");
    JsonNode off =
        c.ok(
            "b2_update_file_legal_hold",
            Map.of("fileName", "h.txt", "fileId", up.get("fileId").asText(), "legalHold", "off"));
    assertThat(off.get("legalHold").asText()).isEqualTo("off");
    assertThat(delete(up, false).status()).isEqualTo(200);
  }

  @Test
  void startLargeFile_retentionFields_keptThroughFinish() {
    long until = now() + DAY;
    JsonNode start =
        c.ok(
            "b2_start_large_file",
            Map.of(
                "bucketId",
                bucketId,
                "fileName",
                "big.bin",
                "contentType",
                "b2/x-auto",
                "fileRetention",
                Map.of("mode", "governance", "retainUntilTimestamp", until),
                "legalHold",
                "on"));
    assertThat(start.get("fileId").asText()).contains("_f2");
    assertThat(start.get("fileRetention").get("value").get("retainUntilTimestamp").asLong())
        .isEqualTo(until);
    assertThat(start.get("legalHold").get("value").asText()).isEqualTo("on");
  }

  @Test
  void keyWithoutReadCapabilities_seesUnauthorizedWrappers() {
    setDefault(Map.of("mode", "governance", "period", Map.of("duration", 1, "unit", "days")));
    c.upload(bucketId, "r.txt", "r".getBytes(), "X-Bz-File-Legal-Hold", "on");
    JsonNode key =
        c.ok(
            "b2_create_key",
            Map.of(
                "accountId",
                c.accountId,
                "keyName",
                "reader",
                "capabilities",
                List.of("listBuckets", "listFiles", "readFiles")));
    B2TestClient app = new B2TestClient(emulator.url(), 2);
    app.authorize(key.get("applicationKeyId").asText(), key.get("applicationKey").asText());
    JsonNode bucket =
        app.ok("b2_list_buckets", Map.of("accountId", c.accountId, "bucketId", bucketId))
            .get("buckets")
            .get(0);
    assertThat(bucket.get("fileLockConfiguration").get("isClientAuthorizedToRead").asBoolean())
        .isFalse();
    assertThat(bucket.get("fileLockConfiguration").get("value").isNull()).isTrue();
    assertThat(bucket.get("replicationConfiguration").get("isClientAuthorizedToRead").asBoolean())
        .isFalse();
    JsonNode file = app.ok("b2_list_file_names", Map.of("bucketId", bucketId)).get("files").get(0);
    assertThat(file.get("fileRetention").get("isClientAuthorizedToRead").asBoolean()).isFalse();
    assertThat(file.get("fileRetention").get("value").isNull()).isTrue();
    assertThat(file.get("legalHold").get("isClientAuthorizedToRead").asBoolean()).isFalse();
    B2TestClient.Res get = app.download("/file/locked-bucket/r.txt");
    assertThat(get.header("X-Bz-File-Legal-Hold")).isNull();
    assertThat(get.header("X-Bz-Client-Unauthorized-To-Read"))
        .contains("X-Bz-File-Legal-Hold", "X-Bz-File-Retention-Mode");
  }

  @Test
  void restart_withDataDirectory_keepsLocksRetentionAndReplication(
      @TempDir java.nio.file.Path data) {
    long until = now() + DAY;
    String fileId;
    String lockedId;
    try (B2Emulator first = B2Emulator.builder().dataDirectory(data).clock(clock).start()) {
      B2TestClient a = B2TestClient.authorized(first, 2);
      lockedId =
          a.ok(
                  "b2_create_bucket",
                  Map.of(
                      "accountId",
                      a.accountId,
                      "bucketName",
                      "kept-lock",
                      "bucketType",
                      "allPrivate",
                      "fileLockEnabled",
                      true))
              .get("bucketId")
              .asText();
      a.ok(
          "b2_update_bucket",
          Map.of(
              "accountId",
              a.accountId,
              "bucketId",
              lockedId,
              "defaultRetention",
              Map.of("mode", "compliance", "period", Map.of("duration", 2, "unit", "years")),
              "replicationConfiguration",
              Map.of(
                  "asReplicationDestination",
                  Map.of("sourceToDestinationKeyMapping", Map.of("k1", "k2")))));
      fileId =
          a.upload(
                  lockedId,
                  "kept.txt",
                  "k".getBytes(),
                  "X-Bz-File-Retention-Mode",
                  "governance",
                  "X-Bz-File-Retention-Retain-Until-Timestamp",
                  Long.toString(until),
                  "X-Bz-File-Legal-Hold",
                  "on")
              .json()
              .get("fileId")
              .asText();
    }
    try (B2Emulator second = B2Emulator.builder().dataDirectory(data).clock(clock).start()) {
      B2TestClient b = B2TestClient.authorized(second, 2);
      JsonNode bucket =
          b.ok("b2_list_buckets", Map.of("accountId", b.accountId, "bucketId", lockedId))
              .get("buckets")
              .get(0);
      assertThat(bucket.at("/fileLockConfiguration/value/defaultRetention/period/unit").asText())
          .isEqualTo("years");
      assertThat(
              bucket
                  .at(
                      "/replicationConfiguration/value/asReplicationDestination/"
                          + "sourceToDestinationKeyMapping/k1")
                  .asText())
          .isEqualTo("k2");
      JsonNode file = b.ok("b2_get_file_info", Map.of("fileId", fileId));
      assertThat(file.at("/fileRetention/value/retainUntilTimestamp").asLong()).isEqualTo(until);
      assertThat(file.at("/legalHold/value").asText()).isEqualTo("on");
      assertError(
          b.call(
              "b2_delete_file_version",
              Map.of("fileName", "kept.txt", "fileId", fileId, "bypassGovernance", true)),
          403,
          "access_denied");
    }
  }

  @Test
  void runLifecycle_retainedVersion_hiddenButNotDeletedUntilExpiry() {
    c.ok(
        "b2_update_bucket",
        Map.of(
            "accountId",
            c.accountId,
            "bucketId",
            bucketId,
            "lifecycleRules",
            List.of(
                Map.of(
                    "fileNamePrefix",
                    "",
                    "daysFromUploadingToHiding",
                    1,
                    "daysFromHidingToDeleting",
                    1))));
    JsonNode up =
        c.upload(
                bucketId,
                "life.txt",
                "l".getBytes(),
                "X-Bz-File-Retention-Mode",
                "governance",
                "X-Bz-File-Retention-Retain-Until-Timestamp",
                Long.toString(now() + 10 * DAY))
            .json();
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    emulator.runLifecycle();
    clock.advance(Duration.ofDays(2));
    emulator.runLifecycle();
    List<String> ids = new java.util.ArrayList<>();
    c.ok("b2_list_file_versions", Map.of("bucketId", bucketId))
        .get("files")
        .forEach(f -> ids.add(f.get("action").asText() + ":" + f.get("fileId").asText()));
    assertThat(ids)
        .contains("upload:" + up.get("fileId").asText())
        .anyMatch(i -> i.startsWith("hide:"));
    clock.advance(Duration.ofDays(8));
    emulator.runLifecycle();
    assertThat(c.ok("b2_list_file_versions", Map.of("bucketId", bucketId)).get("files").toString())
        .doesNotContain(up.get("fileId").asText());
  }

  @Test
  void masterKey_holdsObjectLockCapabilities() {
    JsonNode auth = c.authorize(emulator.keyId(), emulator.applicationKey());
    List<String> caps = new java.util.ArrayList<>();
    auth.get("allowed").get("capabilities").forEach(n -> caps.add(n.asText()));
    assertThat(caps)
        .contains(
            "bypassGovernance",
            "readFileRetentions",
            "writeFileRetentions",
            "readFileLegalHolds",
            "writeFileLegalHolds",
            "readBucketRetentions",
            "writeBucketRetentions",
            "readBucketEncryption",
            "writeBucketEncryption",
            "readBucketReplications",
            "writeBucketReplications");
  }
}
