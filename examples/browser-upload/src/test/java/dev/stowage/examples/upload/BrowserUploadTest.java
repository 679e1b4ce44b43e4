package dev.stowage.examples.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.s3.B2S3Face;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.setup.CorsApis;
import dev.stowage.setup.CreatedKey;
import dev.stowage.setup.KeySpec;
import dev.stowage.setup.SetupResult;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.S3ProxyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in headless Chromium uploads straight to the bucket — the B2 emulator with CORS rules
 * applied by the setup utility, over its native API and over its S3 face with the application key
 * setup made, and S3Proxy with CORS for the page's origin — and the bytes read
 * back through the API match. The same page loaded from another origin ({@code localhost} instead
 * of {@code 127.0.0.1}: a different origin to a browser) must fail, and nothing may be stored.
 */
@Tag("browser")
@Timeout(300)
class BrowserUploadTest {

  private static final String BUCKET = "browser-uploads";

  @RegisterExtension
  static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().bucket(BUCKET).perClass();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path work;

  private static Chromium browser;

  @BeforeAll
  static void launch() throws Exception {
    var chromium = Chromium.find();
    assumeTrue(
        chromium.isPresent(),
        "Chromium not found at /usr/bin/chromium (or $STOWAGE_CHROMIUM): "
            + "install Debian's chromium package to run the browser upload test");
    browser = Chromium.launch(chromium.get(), work);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void upload_toB2Emulator_fromTheAllowedOriginStoresTheBytes_fromAnotherOriginFails()
      throws Exception {
    try (B2BucketSetup setup =
        B2BucketSetup.builder()
            .endpoint(URI.create(B2.emulator().url()))
            .credentials(B2.emulator().keyId(), B2.emulator().applicationKey())
            .build()) {
      try (Filesystem fs = Filesystems.open(B2.uri(BUCKET), B2.settings());
          UploadServer server = UploadServer.builder(fs).start()) {
        // The page's origin is known only now, so the CORS rule comes second, as an update.
        setup.run(
            BucketSpec.builder(BUCKET)
                .corsPreset("origins:" + origin(server), CorsApis.NATIVE)
                .build());

        uploadsFromAllowedOrigin_refusedFromOther(fs, server);
      }
    }
  }

  /**
   * The seed guides' one bucket for both APIs: setup makes the bucket, an application key and a
   * CORS rule for both faces; the page uploads over S3 to the emulator's S3 face with that key.
   */
  @Test
  void upload_toTheEmulatorsS3Face_withSetupsKeyAndCorsRule_allowedOriginStores_otherOriginFails()
      throws Exception {
    try (B2Emulator b2 = B2Emulator.builder().start();
        B2S3Face face = B2S3Face.start(b2);
        B2BucketSetup setup =
            B2BucketSetup.builder()
                .endpoint(URI.create(b2.url()))
                .credentials(b2.keyId(), b2.applicationKey())
                .build()) {
      SetupResult made =
          setup.run(BucketSpec.builder(BUCKET).key(KeySpec.of("page", KeySpec.READ_WRITE)).build());
      CreatedKey key = made.createdKeys().get(0);
      assertThat(made.s3Endpoint())
          .as("setup names the S3 face")
          .isEqualTo(face.endpoint().toString());
      URI uri =
          URI.create(
              "s3://"
                  + BUCKET
                  + "?profile=b2&endpoint="
                  + made.s3Endpoint()
                  + "&region="
                  + B2S3Face.REGION);
      try (Filesystem fs =
              Filesystems.open(
                  uri,
                  Map.of("accessKey", key.applicationKeyId(), "secretKey", key.applicationKey()));
          UploadServer server = UploadServer.builder(fs).start()) {
        // The page's origin is known only now: the rule for both APIs comes second, as an update.
        setup.run(
            BucketSpec.builder(BUCKET)
                .corsPreset("origins:" + origin(server), CorsApis.BOTH)
                .build());

        uploadsFromAllowedOrigin_refusedFromOther(fs, server);
      }
    }
  }

  @Test
  void upload_toS3Proxy_fromTheAllowedOriginStoresTheBytes_fromAnotherOriginFails()
      throws Exception {
    // S3Proxy's CORS is global and set at start, before the page server (and so its port)
    // exists: allow the page's host on any port. localhost is a different origin and stays out.
    try (S3ProxyServer s3 = S3ProxyServer.builder().bucket(BUCKET).corsAnyLoopbackPort().start();
        Filesystem fs = s3.filesystem(BUCKET);
        UploadServer server = UploadServer.builder(fs).start()) {
      uploadsFromAllowedOrigin_refusedFromOther(fs, server);
    }
  }

  @Test
  void prepare_ticketAsksForTheSha1_pageComputesIt() throws Exception {
    try (Filesystem fs = Filesystems.open("memory:");
        UploadServer server = UploadServer.builder(fs).start()) {
      BrowserPage page = browser.newPage();
      page.navigate(server.uri().toString());

      JsonNode header =
          page.evaluate(
              "window.stowage.prepare({headers: {'X-Bz-Content-Sha1': 'compute', "
                  + "'Content-Length': '3', 'X-Bz-File-Name': 'a.txt'}}, new Blob(['abc'])).then(r => r.headers)");
      JsonNode trailer =
          page.evaluate(
              "window.stowage.prepare({headers: {'X-Bz-Content-Sha1': 'hex_digits_at_end'}}, "
                  + "new Blob(['abc'])).then(r => r.body.text())");
      JsonNode kept =
          page.evaluate(
              "window.stowage.prepare({headers: {'X-Bz-Content-Sha1': 'do_not_verify'}}, "
                  + "new Blob(['abc'])).then(r => r.headers)");

      assertThat(header.get("X-Bz-Content-Sha1").asText())
          .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
      assertThat(header.has("Content-Length")).isFalse();
      assertThat(header.get("X-Bz-File-Name").asText()).isEqualTo("a.txt");
      assertThat(trailer.asText()).isEqualTo("abca9993e364706816aba3e25717850c26c9cd0d89d");
      assertThat(kept.get("X-Bz-Content-Sha1").asText()).isEqualTo("do_not_verify");
    }
  }

  private static void uploadsFromAllowedOrigin_refusedFromOther(Filesystem fs, UploadServer server)
      throws Exception {
    byte[] bytes = new byte[300 * 1024];
    new Random(7).nextBytes(bytes);
    Path file = work.resolve("photo.png");
    Files.write(file, bytes);
    BrowserPage page = browser.newPage();

    JsonNode allowed = upload(page, server.uri().toString(), file);

    assertThat(allowed.get("ok").asBoolean()).as(allowed.toString()).isTrue();
    String path = allowed.get("path").asText();
    assertThat(path).startsWith("uploads/").endsWith("/photo.png");
    assertThat(fs.read(path)).isEqualTo(bytes);
    assertThat(fs.stat(path).contentType()).isEqualTo("image/png");
    assertThat(page.evaluate("document.getElementById('status').dataset.state").asText())
        .isEqualTo("done");
    HttpResponse<byte[]> link =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(allowed.get("url").asText())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(link.statusCode()).isEqualTo(200);
    assertThat(link.body()).isEqualTo(bytes);

    JsonNode refused = upload(page, "http://localhost:" + server.port() + "/", file);

    assertThat(refused.get("ok").asBoolean()).as(refused.toString()).isFalse();
    assertThat(refused.get("error").asText()).contains("blocked");
    assertThat(page.evaluate("document.getElementById('status').dataset.state").asText())
        .isEqualTo("failed");
    String refusedPath = refused.get("path").asText();
    assertThat(refusedPath).isNotEqualTo(path).startsWith("uploads/");
    assertThat(fs.fileExists(refusedPath)).isFalse();
    try (var listing = fs.list("uploads", true)) {
      assertThat(listing.stream().filter(e -> e.isFile()).count()).isEqualTo(1);
    }
  }

  /** Loads the page from {@code pageUrl}, picks {@code file}, clicks Upload and returns the outcome. */
  private static JsonNode upload(BrowserPage page, String pageUrl, Path file) throws Exception {
    page.navigate(pageUrl);
    page.chooseFile("#file", file);
    page.evaluate("document.getElementById('upload').click()");
    return page.evaluate("window.stowage.last");
  }

  private static String origin(UploadServer server) {
    String uri = server.uri().toString();
    return uri.substring(0, uri.length() - 1);
  }
}
