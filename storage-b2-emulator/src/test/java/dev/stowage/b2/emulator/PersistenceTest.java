package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A data directory keeps buckets, files, versions, keys and unfinished large files across a restart. */
@Timeout(60)
class PersistenceTest {
  @TempDir Path data;

  @Test
  void restart_withDataDirectory_everythingSurvives() {
    byte[] v1 = B2TestClient.randomBytes(1000, 1);
    byte[] v2 = B2TestClient.randomBytes(3000, 2);
    byte[] part1 = B2TestClient.randomBytes(600, 3);
    String keyId;
    String key;
    String masterId;
    String masterKey;
    String bucketId;
    String largeId;
    int port;
    try (B2Emulator first =
        B2Emulator.builder()
            .dataDirectory(data)
            .recommendedPartSize(1000)
            .absoluteMinimumPartSize(500)
            .start()) {
      masterId = first.keyId();
      masterKey = first.applicationKey();
      port = first.port();
      B2TestClient c = B2TestClient.authorized(first, 2);
      bucketId = c.createBucket("persisted", "allPublic");
      c.ok(
          "b2_update_bucket",
          Map.of(
              "accountId", c.accountId, "bucketId", bucketId, "bucketInfo", Map.of("team", "qa")));
      assertThat(c.upload(bucketId, "docs/a.txt", v1, "X-Bz-Info-author", "ann").status())
          .isEqualTo(200);
      assertThat(c.upload(bucketId, "docs/a.txt", v2).status()).isEqualTo(200);
      assertThat(c.upload(bucketId, "gone.txt", v1).status()).isEqualTo(200);
      c.ok("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "gone.txt"));
      JsonNode k =
          c.ok(
              "b2_create_key",
              Map.of(
                  "accountId",
                  c.accountId,
                  "keyName",
                  "survivor",
                  "capabilities",
                  List.of("listBuckets", "listFiles", "readFiles")));
      keyId = k.get("applicationKeyId").asText();
      key = k.get("applicationKey").asText();
      largeId =
          c.ok(
                  "b2_start_large_file",
                  Map.of(
                      "bucketId",
                      bucketId,
                      "fileName",
                      "big.bin",
                      "contentType",
                      "application/octet-stream",
                      "fileInfo",
                      Map.of("large_file_sha1", "abc")))
              .get("fileId")
              .asText();
      JsonNode u = c.ok("b2_get_upload_part_url", Map.of("fileId", largeId));
      assertThat(
              c.send(
                      HttpRequest.newBuilder(URI.create(u.get("uploadUrl").asText()))
                          .header("Authorization", u.get("authorizationToken").asText())
                          .header("X-Bz-Part-Number", "1")
                          .header("X-Bz-Content-Sha1", B2TestClient.sha1(part1))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(part1)))
                  .status())
          .isEqualTo(200);
    }
    try (B2Emulator second =
        B2Emulator.builder()
            .dataDirectory(data)
            .recommendedPartSize(1000)
            .absoluteMinimumPartSize(500)
            .start()) {
      assertThat(second.keyId()).isEqualTo(masterId);
      assertThat(second.applicationKey()).isEqualTo(masterKey);
      B2TestClient c = B2TestClient.authorized(second, 2);
      JsonNode bucket =
          c.ok("b2_list_buckets", Map.of("accountId", c.accountId)).get("buckets").get(0);
      assertThat(bucket.get("bucketName").asText()).isEqualTo("persisted");
      assertThat(bucket.get("bucketType").asText()).isEqualTo("allPublic");
      assertThat(bucket.get("bucketInfo").get("team").asText()).isEqualTo("qa");
      assertThat(bucket.get("revision").asLong()).isEqualTo(2);

      JsonNode versions = c.ok("b2_list_file_versions", Map.of("bucketId", bucketId)).get("files");
      assertThat(versions)
          .extracting(f -> f.get("fileName").asText() + ":" + f.get("action").asText())
          .containsExactly(
              "big.bin:start",
              "docs/a.txt:upload",
              "docs/a.txt:upload",
              "gone.txt:hide",
              "gone.txt:upload");
      assertThat(versions.get(1).get("contentSha1").asText()).isEqualTo(B2TestClient.sha1(v2));
      assertThat(versions.get(2).get("fileInfo").get("author").asText()).isEqualTo("ann");
      assertThat(c.download("/file/persisted/docs/a.txt").body()).isEqualTo(v2);
      assertThat(
              c.download(
                      "/b2api/v2/b2_download_file_by_id?fileId="
                          + versions.get(2).get("fileId").asText())
                  .body())
          .isEqualTo(v1);
      assertThat(c.download("/file/persisted/gone.txt").status()).isEqualTo(404);

      JsonNode unfinished =
          c.ok("b2_list_unfinished_large_files", Map.of("bucketId", bucketId)).get("files");
      assertThat(unfinished).hasSize(1);
      assertThat(unfinished.get(0).get("fileId").asText()).isEqualTo(largeId);
      JsonNode parts = c.ok("b2_list_parts", Map.of("fileId", largeId)).get("parts");
      assertThat(parts).hasSize(1);
      assertThat(parts.get(0).get("contentSha1").asText()).isEqualTo(B2TestClient.sha1(part1));

      B2TestClient restricted = new B2TestClient(second.url(), 2);
      restricted.authorize(keyId, key);
      assertThat(restricted.ok("b2_list_file_names", Map.of("bucketId", bucketId)).get("files"))
          .hasSize(1);
      assertThat(c.ok("b2_list_keys", Map.of("accountId", c.accountId)).get("keys")).hasSize(1);

      // the unfinished file can still be finished after the restart
      byte[] part2 = B2TestClient.randomBytes(10, 4);
      JsonNode u = c.ok("b2_get_upload_part_url", Map.of("fileId", largeId));
      c.send(
          HttpRequest.newBuilder(URI.create(u.get("uploadUrl").asText()))
              .header("Authorization", u.get("authorizationToken").asText())
              .header("X-Bz-Part-Number", "2")
              .header("X-Bz-Content-Sha1", B2TestClient.sha1(part2))
              .POST(HttpRequest.BodyPublishers.ofByteArray(part2)));
      c.ok(
          "b2_finish_large_file",
          Map.of(
              "fileId",
              largeId,
              "partSha1Array",
              List.of(B2TestClient.sha1(part1), B2TestClient.sha1(part2))));
      byte[] whole = c.download("/file/persisted/big.bin").body();
      assertThat(whole).hasSize(610);
      assertThat(java.util.Arrays.copyOfRange(whole, 0, 600)).isEqualTo(part1);
    }
    assertThat(Files.exists(data.resolve("account.json"))).isTrue();
    assertThat(port).isPositive();
  }

  @Test
  void restart_deletedThings_stayDeleted() {
    String bucketId;
    try (B2Emulator first = B2Emulator.builder().dataDirectory(data).start()) {
      B2TestClient c = B2TestClient.authorized(first, 2);
      bucketId = c.createBucket("short-lived", "allPrivate");
      JsonNode up = c.upload(bucketId, "x", new byte[] {1}).json();
      c.ok("b2_delete_file_version", Map.of("fileName", "x", "fileId", up.get("fileId").asText()));
      String fileId =
          c.ok(
                  "b2_start_large_file",
                  Map.of("bucketId", bucketId, "fileName", "y", "contentType", "b2/x-auto"))
              .get("fileId")
              .asText();
      c.ok("b2_cancel_large_file", Map.of("fileId", fileId));
      c.ok("b2_delete_bucket", Map.of("accountId", c.accountId, "bucketId", bucketId));
    }
    try (B2Emulator second = B2Emulator.builder().dataDirectory(data).start()) {
      B2TestClient c = B2TestClient.authorized(second, 2);
      assertThat(c.ok("b2_list_buckets", Map.of("accountId", c.accountId)).get("buckets"))
          .isEmpty();
    }
    try (var blobs = Files.list(data.resolve("blobs"))) {
      assertThat(blobs).isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
