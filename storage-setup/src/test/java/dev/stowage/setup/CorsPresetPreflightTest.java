package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2UploadUrl;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CORS presets do what a browser needs: a preflight (OPTIONS with Origin and Access-Control-Request-*) and then
 * the upload itself (POST to the upload URL with Origin) succeed from an allowed origin and are refused for another.
 */
@Timeout(60)
class CorsPresetPreflightTest {
  private static final String BUCKET = "browser-uploads-1";
  private static final String UPLOAD_HEADERS =
      "authorization,content-type,x-bz-file-name,x-bz-content-sha1";

  private final HttpClient http = HttpClient.newHttpClient();
  private B2Emulator emulator;
  private B2BucketSetup setup;
  private B2Client admin;

  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perTest();

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture(B2.emulator());
    emulator = fixture.emulator;
    setup = fixture.setup;
    admin = fixture.admin;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private B2UploadUrl uploadUrl(String corsPreset) {
    SetupResult result =
        setup.run(BucketSpec.builder(BUCKET).corsPreset(corsPreset, CorsApis.BOTH).build());
    return admin.getUploadUrl(result.bucketId());
  }

  private HttpResponse<String> preflight(String url, String origin, String method, String headers)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", headers)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> upload(B2UploadUrl url, String origin, String name)
      throws Exception {
    byte[] body = "hello from the browser".getBytes(StandardCharsets.UTF_8);
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url.uploadUrl()))
            .header("Origin", origin)
            .header("Authorization", url.authorizationToken())
            .header("Content-Type", "text/plain")
            .header("X-Bz-File-Name", name)
            .header("X-Bz-Content-Sha1", sha1)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shareAllHttps_preflightAndUploadFromHttpsOrigin_succeed() throws Exception {
    B2UploadUrl url = uploadUrl("share-all-https");
    String origin = "https://app.example.com";

    HttpResponse<String> pre = preflight(url.uploadUrl(), origin, "POST", UPLOAD_HEADERS);
    HttpResponse<String> up = upload(url, origin, "uploads/from-browser.txt");

    assertThat(pre.statusCode()).isEqualTo(200);
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
    assertThat(pre.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    assertThat(up.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
    assertThat(up.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .contains("x-bz-content-sha1", "x-bz-file-id");
  }

  @Test
  void shareAllHttps_preflightFromPlainHttpOrigin_isRefused() throws Exception {
    B2UploadUrl url = uploadUrl("share-all-https");

    HttpResponse<String> pre =
        preflight(url.uploadUrl(), "http://app.example.com", "POST", UPLOAD_HEADERS);

    assertThat(pre.statusCode()).isEqualTo(403);
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void shareAllHttps_downloadPreflightWithRange_succeeds() throws Exception {
    uploadUrl("share-all-https");
    String url = emulator.url() + "/file/" + BUCKET + "/some/file.txt";

    HttpResponse<String> pre = preflight(url, "https://viewer.example.com", "GET", "range");

    assertThat(pre.statusCode()).isEqualTo(200);
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://viewer.example.com");
  }

  @Test
  void originsPreset_allowedOrigin_preflightAndUploadSucceed() throws Exception {
    B2UploadUrl url = uploadUrl("origins:https://app.example.com,http://localhost:8080");

    HttpResponse<String> pre =
        preflight(url.uploadUrl(), "http://localhost:8080", "POST", UPLOAD_HEADERS);
    HttpResponse<String> up = upload(url, "http://localhost:8080", "uploads/local.txt");

    assertThat(pre.statusCode()).isEqualTo(200);
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
    assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
    assertThat(up.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
  }

  @Test
  void originsPreset_otherOrigin_isRefused() throws Exception {
    B2UploadUrl url = uploadUrl("origins:https://app.example.com");

    HttpResponse<String> pre =
        preflight(url.uploadUrl(), "https://evil.example.net", "POST", UPLOAD_HEADERS);
    HttpResponse<String> up = upload(url, "https://evil.example.net", "uploads/evil.txt");

    assertThat(pre.statusCode()).isEqualTo(403);
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(up.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void originsPreset_unlistedRequestHeader_isRefused() throws Exception {
    B2UploadUrl url = uploadUrl("origins:https://app.example.com");

    HttpResponse<String> pre =
        preflight(
            url.uploadUrl(),
            "https://app.example.com",
            "POST",
            UPLOAD_HEADERS + ",x-custom-tracking");

    assertThat(pre.statusCode()).isEqualTo(403);
  }
}
