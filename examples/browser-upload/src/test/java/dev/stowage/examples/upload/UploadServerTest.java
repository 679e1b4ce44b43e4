package dev.stowage.examples.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.testing.B2EmulatorExtension;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's endpoints without a browser: the page, ticket requests (good and bad), links. */
@Timeout(60)
class UploadServerTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().bucket("tickets").perClass();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Filesystem fs;
  private UploadServer server;

  @BeforeEach
  void start() {
    fs = Filesystems.open("memory:");
    server = UploadServer.builder(fs).maxSize(1000).start();
  }

  @AfterEach
  void stop() {
    server.close();
    fs.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postTicket(UploadServer s, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(s.uri().resolve("ticket"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void get_root_servesThePageAndScript() throws Exception {
    HttpResponse<String> page = get("/");
    HttpResponse<String> script = get("/upload.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<input type=\"file\" id=\"file\">", "upload.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("XMLHttpRequest");
    assertThat(get("/secrets.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void ticket_badRequests_areRefusedBeforeTheFilesystemIsAsked() throws Exception {
    assertThat(postTicket(server, "not json").statusCode()).isEqualTo(400);
    assertThat(postTicket(server, "[]").statusCode()).isEqualTo(400);
    assertThat(postTicket(server, "{\"name\":\"a.png\",\"contentType\":\"image/png\"}").body())
        .contains("size");
    assertThat(
            postTicket(server, "{\"name\":\"\",\"contentType\":\"image/png\",\"size\":1}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            postTicket(server, "{\"name\":\"a\\u0000b\",\"contentType\":\"image/png\",\"size\":1}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            postTicket(
                    server,
                    "{\"name\":\"a.png\",\"contentType\":\"text/plain; charset=utf-8\",\"size\":1}")
                .body())
        .contains("contentType");
    assertThat(
            postTicket(server, "{\"name\":\"a.png\",\"contentType\":\"image/png\",\"size\":-1}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            postTicket(server, "{\"name\":\"a.png\",\"contentType\":\"image/png\",\"size\":1001}")
                .statusCode())
        .isEqualTo(413);
    assertThat(
            HTTP.send(
                    HttpRequest.newBuilder(server.uri().resolve("ticket")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(405);
    try (var listing = fs.list("", true)) {
      assertThat(listing.toList()).isEmpty();
    }
  }

  @Test
  void ticket_backendWithoutUploadTickets_answers501WithTheReason() throws Exception {
    HttpResponse<String> r =
        postTicket(server, "{\"name\":\"a.png\",\"contentType\":\"image/png\",\"size\":3}");

    assertThat(r.statusCode()).isEqualTo(501);
    assertThat(JSON.readTree(r.body()).get("error").asText()).contains("unsupported");
  }

  @Test
  void ticket_onB2_isForAFreshPathBelowThePrefix_andOnlyTheLastNameSegmentCounts()
      throws Exception {
    try (Filesystem b2fs = Filesystems.open(B2.uri("tickets"), B2.settings());
        UploadServer s = UploadServer.builder(b2fs).prefix("in").start()) {
      HttpResponse<String> r =
          postTicket(
              s, "{\"name\":\"../../etc/passwd.png\",\"contentType\":\"image/png\",\"size\":3}");
      HttpResponse<String> again =
          postTicket(s, "{\"name\":\"passwd.png\",\"contentType\":\"image/png\",\"size\":3}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode ticket = JSON.readTree(r.body());
      assertThat(ticket.get("path").asText()).matches("in/[0-9a-f]{16}/passwd\\.png");
      assertThat(JSON.readTree(again.body()).get("path").asText())
          .isNotEqualTo(ticket.get("path").asText());
      assertThat(ticket.get("method").asText()).isEqualTo("POST");
      assertThat(ticket.get("scope").asText()).isEqualTo("bucket");
      assertThat(ticket.get("headers").get("Content-Type").asText()).isEqualTo("image/png");
      assertThat(ticket.get("headers").has("Authorization")).isTrue();
    }
  }

  @Test
  void url_onlyForUploadedFilesBelowThePrefix() throws Exception {
    fs.write("private/report.pdf", "x");
    fs.write("uploads/abc/f.txt", "x");

    assertThat(get("/url?path=" + enc("private/report.pdf")).statusCode()).isEqualTo(403);
    assertThat(get("/url?path=" + enc("uploads/../private/report.pdf")).statusCode())
        .isEqualTo(403);
    assertThat(get("/url").statusCode()).isEqualTo(403);
    assertThat(get("/url?path=" + enc("uploads/abc/missing.txt")).statusCode()).isEqualTo(404);
    // memory has no URLs at all: the link request fails with the storage message.
    HttpResponse<String> r = get("/url?path=" + enc("uploads/abc/f.txt"));
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.body()).contains("unsupported");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
