package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lifecycle rules run against the injected clock, only when asked. */
@Timeout(60)
class LifecycleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T12:00:00Z"));

  private static List<String> actions(B2TestClient c, String bucketId) {
    JsonNode files = c.ok("b2_list_file_versions", Map.of("bucketId", bucketId)).get("files");
    List<String> out = new java.util.ArrayList<>();
    files.forEach(f -> out.add(f.get("fileName").asText() + ":" + f.get("action").asText()));
    return out;
  }

  private static String basic(String keyId, String key) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((keyId + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void runLifecycle_hideThenDeleteThenCancel_followsDays() {
    try (B2Emulator e =
        B2Emulator.builder().clock(clock).tokenLifetime(Duration.ofDays(365)).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      List<Object> rules =
          List.of(
              Map.of(
                  "fileNamePrefix",
                  "logs/",
                  "daysFromUploadingToHiding",
                  2,
                  "daysFromHidingToDeleting",
                  1),
              Map.of(
                  "fileNamePrefix", "tmp/", "daysFromStartingToCancelingUnfinishedLargeFiles", 1));
      String bucketId =
          c.ok(
                  "b2_create_bucket",
                  Map.of(
                      "accountId",
                      c.accountId,
                      "bucketName",
                      "life-bucket",
                      "bucketType",
                      "allPrivate",
                      "lifecycleRules",
                      rules))
              .get("bucketId")
              .asText();
      c.upload(bucketId, "logs/a.log", new byte[] {1});
      c.upload(bucketId, "keep/b.txt", new byte[] {2});
      c.ok(
          "b2_start_large_file",
          Map.of("bucketId", bucketId, "fileName", "tmp/big", "contentType", "b2/x-auto"));

      assertThat(e.runLifecycle()).isEqualTo(new LifecycleRun(0, 0, 0));
      clock.advance(Duration.ofDays(1).plusMinutes(1));
      assertThat(e.runLifecycle()).isEqualTo(new LifecycleRun(0, 0, 1));
      assertThat(actions(c, bucketId)).containsExactly("keep/b.txt:upload", "logs/a.log:upload");

      clock.advance(Duration.ofDays(1));
      assertThat(e.runLifecycle()).isEqualTo(new LifecycleRun(1, 0, 0));
      assertThat(actions(c, bucketId))
          .containsExactly("keep/b.txt:upload", "logs/a.log:hide", "logs/a.log:upload");

      clock.advance(Duration.ofHours(23));
      assertThat(e.runLifecycle()).isEqualTo(new LifecycleRun(0, 0, 0));
      clock.advance(Duration.ofHours(2));
      // the hidden upload goes; the marker, now alone and a day old, goes too
      assertThat(e.runLifecycle()).isEqualTo(new LifecycleRun(0, 2, 0));
      assertThat(actions(c, bucketId)).containsExactly("keep/b.txt:upload");
    }
  }

  @Test
  void adminEndpoint_onlyWithMasterKey_runsLifecycle() {
    try (B2Emulator e = B2Emulator.builder().clock(clock).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId =
          c.ok(
                  "b2_create_bucket",
                  Map.of(
                      "accountId",
                      c.accountId,
                      "bucketName",
                      "life-admin",
                      "bucketType",
                      "allPrivate",
                      "lifecycleRules",
                      List.of(Map.of("fileNamePrefix", "", "daysFromHidingToDeleting", 1))))
              .get("bucketId")
              .asText();
      c.upload(bucketId, "x", new byte[] {1});
      c.upload(bucketId, "x", new byte[] {2});
      clock.advance(Duration.ofDays(2));
      c.authorize(e.keyId(), e.applicationKey());
      B2TestClient.Res anonymous =
          c.send(
              HttpRequest.newBuilder(URI.create(e.url() + "/emulator/lifecycle"))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(anonymous.status()).isEqualTo(401);
      String appKey =
          c.ok(
                  "b2_create_key",
                  Map.of(
                      "accountId",
                      c.accountId,
                      "keyName",
                      "not-admin",
                      "capabilities",
                      List.of("listBuckets", "writeBuckets", "deleteFiles")))
              .get("applicationKey")
              .asText();
      String appKeyId =
          c.ok("b2_list_keys", Map.of("accountId", c.accountId))
              .get("keys")
              .get(0)
              .get("applicationKeyId")
              .asText();
      B2TestClient.Res notMaster =
          c.send(
              HttpRequest.newBuilder(URI.create(e.url() + "/emulator/lifecycle"))
                  .header("Authorization", basic(appKeyId, appKey))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(notMaster.status()).isEqualTo(401);
      assertThat(actions(c, bucketId)).as("a refused call changes nothing").hasSize(2);
      B2TestClient.Res r =
          c.send(
              HttpRequest.newBuilder(URI.create(e.url() + "/emulator/lifecycle"))
                  .header("Authorization", basic(e.keyId(), e.applicationKey()))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("deleted").asInt()).isEqualTo(1);
      c.authorize(e.keyId(), e.applicationKey());
      assertThat(actions(c, bucketId)).containsExactly("x:upload");
      assertThat(c.download("/file/life-admin/x").body()).containsExactly(2);
    }
  }
}
