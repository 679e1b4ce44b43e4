package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bucket CORS rules enforced on preflights and actual requests to download and upload URLs. */
@Timeout(60)
class CorsTest {
  @RegisterExtension final B2EmulatorExtension b2 = B2EmulatorExtension.perTest();

  private B2TestClient c;
  private String bucketId;

  private static Map<String, Object> rule(
      String name,
      List<String> origins,
      List<String> ops,
      List<String> headers,
      List<String> expose) {
    return Map.of(
        "corsRuleName",
        name,
        "allowedOrigins",
        origins,
        "allowedOperations",
        ops,
        "allowedHeaders",
        headers,
        "exposeHeaders",
        expose,
        "maxAgeSeconds",
        600);
  }

  @BeforeEach
  void setUp(B2Emulator emulator) {
    c = B2TestClient.authorized(emulator, 2);
    List<Object> rules =
        List.of(
            rule(
                "uploadsFromApp",
                List.of("https://app.example.com"),
                List.of("b2_upload_file"),
                List.of("authorization", "content-type", "x-bz-*"),
                List.of()),
            rule(
                "downloadsFromSub",
                List.of("https://*.example.com"),
                List.of("b2_download_file_by_name", "b2_download_file_by_id"),
                List.of("range"),
                List.of("x-bz-content-sha1")),
            rule(
                "anyHttpsDownload",
                List.of("https"),
                List.of("b2_download_file_by_name"),
                List.of("*"),
                List.of()));
    bucketId =
        c.ok(
                "b2_create_bucket",
                Map.of(
                    "accountId",
                    c.accountId,
                    "bucketName",
                    "cors-bucket",
                    "bucketType",
                    "allPublic",
                    "corsRules",
                    rules))
            .get("bucketId")
            .asText();
    c.upload(bucketId, "f.txt", "cors body".getBytes());
  }

  private B2TestClient.Res preflight(String url, String origin, String method, String headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method);
    if (headers != null) {
      b.header("Access-Control-Request-Headers", headers);
    }
    return c.send(b);
  }

  @Test
  void preflight_downloadByName_firstMatchingRuleAnswers() {
    B2TestClient.Res r =
        preflight(c.url + "/file/cors-bucket/f.txt", "https://www.example.com", "GET", "Range");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://www.example.com");
    assertThat(r.header("Access-Control-Allow-Methods")).contains("GET").contains("HEAD");
    assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("range");
    assertThat(r.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(r.header("Vary")).isEqualTo("Origin");
    // a header rule 2 does not allow falls through to rule 3 (any https origin, any header)
    B2TestClient.Res other =
        preflight(c.url + "/file/cors-bucket/f.txt", "https://elsewhere.org", "GET", "x-custom");
    assertThat(other.status()).isEqualTo(200);
  }

  @Test
  void preflight_noMatchingRule_refusedWithoutCorsHeaders() {
    B2TestClient.Res r =
        preflight(c.url + "/file/cors-bucket/f.txt", "http://plain.example.com", "GET", null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    B2TestClient.Res byId =
        preflight(
            c.url + "/b2api/v2/b2_download_file_by_id?fileId=nope",
            "https://www.example.com",
            "GET",
            null);
    assertThat(byId.status()).isEqualTo(403);
  }

  @Test
  void preflight_uploadUrl_followsUploadRule() {
    JsonNode u = c.uploadUrl(bucketId);
    String url = u.get("uploadUrl").asText();
    B2TestClient.Res ok =
        preflight(
            url,
            "https://app.example.com",
            "POST",
            "authorization,content-type,x-bz-file-name,x-bz-content-sha1");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Access-Control-Allow-Methods")).isEqualTo("POST");
    assertThat(preflight(url, "https://www.example.com", "POST", "authorization").status())
        .isEqualTo(403);
    assertThat(preflight(url, "https://app.example.com", "POST", "x-other").status())
        .isEqualTo(403);
    B2TestClient.Res actual =
        c.uploadTo(
            u,
            "browser.txt",
            new byte[] {1},
            B2TestClient.sha1(new byte[] {1}),
            "Origin",
            "https://app.example.com");
    assertThat(actual.status()).isEqualTo(200);
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
  }

  @Test
  void actualDownload_matchingOrigin_corsHeadersAdded() {
    B2TestClient.Res r = c.download("/file/cors-bucket/f.txt", "Origin", "https://cdn.example.com");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://cdn.example.com");
    assertThat(r.header("Access-Control-Expose-Headers")).isEqualTo("x-bz-content-sha1");
    B2TestClient.Res none = c.download("/file/cors-bucket/f.txt", "Origin", "http://nope.test");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void bucketWithoutRules_preflightRefused() {
    c.createBucket("no-cors-here", "allPublic");
    assertThat(
            preflight(c.url + "/file/no-cors-here/x", "https://a.example.com", "GET", null)
                .status())
        .isEqualTo(403);
  }

  @Test
  void updateBucket_clearsRules_preflightThenRefused() {
    c.ok(
        "b2_update_bucket",
        Map.of("accountId", c.accountId, "bucketId", bucketId, "corsRules", List.of()));
    assertThat(
            preflight(c.url + "/file/cors-bucket/f.txt", "https://www.example.com", "GET", null)
                .status())
        .isEqualTo(403);
  }
}
