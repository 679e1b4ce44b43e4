package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** b2_authorize_account: GET and POST, flat v1/v2 shapes and nested v3/v4 shapes, restricted keys. */
@Timeout(30)
class AuthHandlersTest {
  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.perClass(
          () ->
              B2Emulator.builder()
                  .keyId("0123456789ab")
                  .applicationKey("K-secret")
                  .recommendedPartSize(2000)
                  .absoluteMinimumPartSize(1000));

  @Test
  void authorize_v2Post_flatShapeWithEverythingClientsNeed() {
    String basic = Base64.getEncoder().encodeToString("0123456789ab:K-secret".getBytes());
    B2TestClient c = new B2TestClient(B2.emulator().url(), 2);
    B2TestClient.Res r =
        c.send(
            HttpRequest.newBuilder(URI.create(c.url + "/b2api/v2/b2_authorize_account"))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(r.status()).isEqualTo(200);
    JsonNode a = r.json();
    assertThat(a.get("accountId").asText()).isEqualTo("0123456789ab");
    assertThat(a.get("apiUrl").asText()).isEqualTo(B2.emulator().url());
    assertThat(a.get("downloadUrl").asText()).isEqualTo(B2.emulator().url());
    assertThat(a.get("s3ApiUrl").isTextual()).isTrue();
    assertThat(a.get("recommendedPartSize").asLong()).isEqualTo(2000);
    assertThat(a.get("absoluteMinimumPartSize").asLong()).isEqualTo(1000);
    assertThat(a.get("allowed").get("capabilities")).hasSizeGreaterThan(20);
    assertThat(a.get("allowed").has("bucketName")).isTrue();
    assertThat(r.header("Date")).endsWith("GMT");
    assertThat(r.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void authorize_v3_nestedStorageApi() {
    JsonNode a = new B2TestClient(B2.emulator().url(), 3).authorize("0123456789ab", "K-secret");
    JsonNode storage = a.get("apiInfo").get("storageApi");
    assertThat(storage.get("apiUrl").asText()).isEqualTo(B2.emulator().url());
    assertThat(storage.get("absoluteMinimumPartSize").asLong()).isEqualTo(1000);
    assertThat(storage.get("infoType").asText()).isEqualTo("storageApi");
    assertThat(storage.get("capabilities")).isNotEmpty();
    assertThat(a.has("allowed")).isFalse();
  }

  @Test
  void authorize_v4_allowedBucketsList() {
    JsonNode a = new B2TestClient(B2.emulator().url(), 4).authorize("0123456789ab", "K-secret");
    JsonNode storage = a.get("apiInfo").get("storageApi");
    assertThat(storage.get("allowed").get("buckets").isNull()).isTrue();
    assertThat(storage.has("bucketId")).isFalse();
  }

  @Test
  void authorize_restrictedKeyV1_bucketNameSentAndListFiltered() {
    B2TestClient master = B2TestClient.authorized(B2.emulator(), 2);
    String bucketId = master.createBucket("auth-restricted", "allPrivate");
    master.createBucket("auth-other-bucket", "allPrivate");
    JsonNode key =
        master.ok(
            "b2_create_key",
            Map.of(
                "accountId",
                master.accountId,
                "keyName",
                "one-bucket",
                "capabilities",
                List.of("listBuckets", "listFiles"),
                "bucketId",
                bucketId,
                "namePrefix",
                "p/"));
    assertThat(key.get("applicationKey").asText()).isNotBlank();
    B2TestClient v1 = new B2TestClient(B2.emulator().url(), 1);
    JsonNode a =
        v1.authorize(key.get("applicationKeyId").asText(), key.get("applicationKey").asText());
    assertThat(a.get("allowed").get("bucketId").asText()).isEqualTo(bucketId);
    assertThat(a.get("allowed").get("bucketName").asText()).isEqualTo("auth-restricted");
    assertThat(a.get("allowed").get("namePrefix").asText()).isEqualTo("p/");
    JsonNode buckets = v1.ok("b2_list_buckets", Map.of("accountId", v1.accountId)).get("buckets");
    assertThat(buckets).hasSize(1);
    assertThat(
            v1.ok("b2_list_buckets", Map.of("accountId", v1.accountId, "bucketId", bucketId))
                .get("buckets"))
        .hasSize(1);
  }

  @Test
  void listBuckets_getWithQueryAndFilters_matches() {
    B2TestClient c = B2TestClient.authorized(B2.emulator(), 2);
    c.createBucket("auth-public-one", "allPublic");
    B2TestClient.Res r =
        c.send(
            HttpRequest.newBuilder(
                    URI.create(
                        c.url
                            + "/b2api/v2/b2_list_buckets?accountId="
                            + c.accountId
                            + "&bucketName=AUTH-PUBLIC-ONE"))
                .header("Authorization", c.token)
                .GET());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("buckets")).hasSize(1);
    JsonNode typed =
        c.ok(
                "b2_list_buckets",
                Map.of("accountId", c.accountId, "bucketTypes", List.of("allPublic")))
            .get("buckets");
    typed.forEach(b -> assertThat(b.get("bucketType").asText()).isEqualTo("allPublic"));
    assertThat(
            c.call(
                    "b2_list_buckets",
                    Map.of("accountId", c.accountId, "bucketTypes", List.of("all", "allPublic")))
                .status())
        .isEqualTo(400);
    assertThat(
            c.ok(
                    "b2_list_buckets",
                    Map.of("accountId", c.accountId, "bucketName", "nothing-like-it"))
                .get("buckets"))
        .isEmpty();
  }
}
