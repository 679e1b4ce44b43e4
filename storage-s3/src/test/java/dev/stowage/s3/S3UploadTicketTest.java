package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadScope;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.testing.S3ProxyExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upload tickets (presigned PUTs) used by a plain HTTP client, against S3Proxy with signature
 * checking on: the signed content type, key, ACL and length are enforced, and expiry holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3UploadTicketTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

  private final SigningKitClock clock = new SigningKitClock();

  @RegisterExtension
  static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("tickets").perClass();

  private Filesystem fs;

  @BeforeAll
  void start() {
    fs =
        Filesystem.of(
            S3Adapter.create(
                EmbeddedS3Proxy.config(S3.server(), "tickets").prefix("uploads").build(), clock));
  }

  @AfterAll
  void stop() {
    fs.close();
  }

  @Test
  void prepareUpload_plainHttpPutWithTicketHeaders_createsFile() throws Exception {
    UploadTicket ticket =
        fs.prepareUpload(
            "img/a.png", Duration.ofMinutes(5), UploadConstraints.contentType("image/png"));

    HttpResponse<byte[]> response = Http.send(ticket.method(), ticket.url(), ticket.headers(), PNG);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ticket.method()).isEqualTo("PUT");
    assertThat(ticket.scope()).isEqualTo(UploadScope.OBJECT);
    assertThat(ticket.headers())
        .containsEntry("Content-Type", "image/png")
        .doesNotContainKey("Host");
    assertThat(ticket.expiresAt())
        .isAfter(Instant.now())
        .isBefore(Instant.now().plus(Duration.ofMinutes(6)));
    assertThat(fs.read("img/a.png")).isEqualTo(PNG);
    assertThat(fs.stat("img/a.png").contentType()).isEqualTo("image/png");
  }

  @Test
  void prepareUpload_wrongContentType_refusedAndNothingWritten() throws Exception {
    UploadTicket ticket =
        fs.prepareUpload(
            "img/b.png", Duration.ofMinutes(5), UploadConstraints.contentType("image/png"));
    Map<String, String> headers = new HashMap<>(ticket.headers());
    headers.put("Content-Type", "text/html");

    HttpResponse<byte[]> response =
        Http.send("PUT", ticket.url(), headers, "<script>".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(fs.fileExists("img/b.png")).isFalse();
  }

  @Test
  void prepareUpload_urlPointedAtAnotherKey_refused() throws Exception {
    UploadTicket ticket =
        fs.prepareUpload(
            "img/c.png", Duration.ofMinutes(5), UploadConstraints.contentType("image/png"));
    URI other = URI.create(ticket.url().toString().replace("img/c.png", "img/other.png"));

    HttpResponse<byte[]> response = Http.send("PUT", other, ticket.headers(), PNG);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(fs.fileExists("img/other.png")).isFalse();
  }

  @Test
  void prepareUpload_afterExpiry_refusedAsExpiredAndNothingWritten() throws Exception {
    // Issued ten minutes ago for five: expired now, without waiting. The same ticket issued now
    // works (prepareUpload_plainHttpPutWithTicketHeaders_createsFile).
    UploadTicket ticket =
        clock.issuedAgo(
            Duration.ofMinutes(10),
            () ->
                fs.prepareUpload(
                    "img/late.png",
                    Duration.ofMinutes(5),
                    UploadConstraints.contentType("image/png")));

    HttpResponse<byte[]> response = Http.send("PUT", ticket.url(), ticket.headers(), PNG);

    assertThat(ticket.expiresAt()).isBefore(Instant.now());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).containsIgnoringCase("expired");
    assertThat(fs.fileExists("img/late.png")).isFalse();
  }

  @Test
  void prepareUpload_publicVisibility_ticketCarriesAclAndFileIsPublic() throws Exception {
    UploadTicket ticket =
        fs.prepareUpload(
            "pub/d.png",
            Duration.ofMinutes(5),
            new UploadConstraints("image/png", -1, Visibility.PUBLIC));

    HttpResponse<byte[]> response = Http.send("PUT", ticket.url(), ticket.headers(), PNG);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ticket.headers()).containsEntry("x-amz-acl", "public-read");
    assertThat(fs.visibility("pub/d.png")).isEqualTo(Visibility.PUBLIC);
    assertThat(Http.get(fs.publicUrl("pub/d.png")).body()).isEqualTo(PNG);
  }

  @Test
  void prepareUpload_fixedLength_otherLengthRefused() throws Exception {
    UploadTicket ticket =
        fs.prepareUpload(
            "img/e.png",
            Duration.ofMinutes(5),
            new UploadConstraints("image/png", PNG.length, null));

    HttpResponse<byte[]> longer =
        Http.send("PUT", ticket.url(), ticket.headers(), new byte[PNG.length + 1]);
    HttpResponse<byte[]> exact = Http.send("PUT", ticket.url(), ticket.headers(), PNG);

    assertThat(longer.statusCode()).isEqualTo(403);
    assertThat(exact.statusCode()).isEqualTo(200);
    assertThat(fs.read("img/e.png")).isEqualTo(PNG);
  }

  @Test
  void temporaryUrl_plainGet_servesPrivateFile() throws Exception {
    fs.write("private/t.txt", "secret content");

    HttpResponse<byte[]> response =
        Http.get(fs.temporaryUrl("private/t.txt", Duration.ofMinutes(1)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("secret content");
    assertThat(Http.get(fs.publicUrl("private/t.txt")).statusCode()).isEqualTo(403);
  }

  @Test
  void ticketToString_hidesSignature() {
    UploadTicket ticket =
        fs.prepareUpload(
            "img/f.png", Duration.ofMinutes(5), UploadConstraints.contentType("image/png"));

    assertThat(ticket.url().getQuery()).contains("X-Amz-Signature");
    assertThat(ticket.toString())
        .doesNotContain("X-Amz-Signature")
        .doesNotContain(S3.server().accessKey());
  }
}
