package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.Filesystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file commands against the B2 emulator and S3Proxy, through the real adapters. */
@Tag("interop")
@Timeout(120)
class RemoteCommandsTest {

  @RegisterExtension static final LoopbackBackends backends = LoopbackBackends.perClass();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private FakeConsole console() {
    FakeConsole c = backends.credentials(new FakeConsole());
    c.workingDirectory = dir;
    return c;
  }

  private static String unique(String name) {
    return UUID.randomUUID().toString().substring(0, 8) + "/" + name;
  }

  @ParameterizedTest
  @ValueSource(strings = {"b2", "s3"})
  void cp_upAndDown_roundTripsTheBytes_andLsStatCatSeeTheFile(String backend) throws Exception {
    String path = unique("hello.txt");
    Files.writeString(dir.resolve("hello.txt"), "hello " + backend);
    FakeConsole c = console();

    FakeConsole.Result up = c.run("cp", "hello.txt", backends.uri(backend, path));
    FakeConsole.Result ls = c.run("ls", "-l", backends.uri(backend, path.substring(0, 8)));
    FakeConsole.Result stat = c.run("stat", backends.uri(backend, path));
    FakeConsole.Result cat = c.run("cat", backends.uri(backend, path));
    FakeConsole.Result down = c.run("cp", backends.uri(backend, path), "back.txt");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(ls.out().strip()).matches("8  \\S+ \\S+  hello\\.txt");
    assertThat(stat.out()).contains("size:", "8 (8 B)", "content-type:", "text/plain");
    assertThat(cat.out()).isEqualTo("hello " + backend);
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(Files.readString(dir.resolve("back.txt"))).isEqualTo("hello " + backend);
  }

  @ParameterizedTest
  @ValueSource(strings = {"b2", "s3"})
  void url_withExpiry_downloadsWithoutCredentials(String backend) throws Exception {
    String path = unique("private.txt");
    try (Filesystem fs = backends.open(backend)) {
      fs.write(path, "secret report");
    }

    FakeConsole.Result r = console().run("url", "--expires", "15m", backends.uri(backend, path));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    HttpResponse<String> get =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(r.out().strip())).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("secret report");
  }

  @ParameterizedTest
  @ValueSource(strings = {"b2", "s3"})
  void uploadTicket_printsJsonThatAPlainHttpClientCanUpload(String backend) throws Exception {
    String path = unique("avatar.png");

    FakeConsole.Result r =
        console()
            .run(
                "upload-ticket",
                "--content-type",
                "image/png",
                "--expires",
                "10m",
                backends.uri(backend, path));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode ticket = new ObjectMapper().readTree(r.out());
    assertThat(ticket.get("path").asText()).isEqualTo(path);
    assertThat(ticket.get("scope").asText()).isEqualTo("b2".equals(backend) ? "bucket" : "object");
    HttpRequest.Builder upload =
        HttpRequest.newBuilder(URI.create(ticket.get("url").asText()))
            .method(
                ticket.get("method").asText(),
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}));
    for (Map.Entry<String, JsonNode> h : ticket.get("headers").properties()) {
      upload.header(h.getKey(), h.getValue().asText());
    }
    HttpResponse<String> sent = HTTP.send(upload.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    try (Filesystem fs = backends.open(backend)) {
      assertThat(fs.read(path)).containsExactly(1, 2, 3);
      assertThat(fs.stat(path).contentType()).isEqualTo("image/png");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"b2", "s3"})
  void mvAndRm_withinTheBucket(String backend) throws Exception {
    String base = unique("");
    try (Filesystem fs = backends.open(backend)) {
      fs.write(base + "inbox/a.txt", "a");
      fs.write(base + "tmp/x", "x");
      fs.write(base + "tmp/y/z", "z");
      FakeConsole c = console();

      FakeConsole.Result mv =
          c.run(
              "mv",
              backends.uri(backend, base + "inbox/a.txt"),
              backends.uri(backend, base + "archive/"));
      FakeConsole.Result rmDir = c.run("rm", backends.uri(backend, base + "tmp"));
      FakeConsole.Result rmR = c.run("rm", "-r", backends.uri(backend, base + "tmp"));

      assertThat(mv.exitCode()).as(mv.toString()).isZero();
      assertThat(fs.fileExists(base + "inbox/a.txt")).isFalse();
      assertThat(fs.readString(base + "archive/a.txt")).isEqualTo("a");
      assertThat(rmDir.exitCode()).isEqualTo(1);
      assertThat(rmR.exitCode()).as(rmR.toString()).isZero();
      assertThat(fs.exists(base + "tmp")).isFalse();
    }
  }

  @Test
  void cp_betweenBackends_streamsAndKeepsTheContentType() throws Exception {
    String path = unique("page.html");
    try (Filesystem b2 = backends.open("b2");
        Filesystem s3 = backends.open("s3")) {
      b2.write(
          path, "<p>hi</p>", dev.stowage.WriteOptions.builder().contentType("text/html").build());

      FakeConsole.Result r =
          console().run("cp", backends.uri("b2", path), backends.uri("s3", path));

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(s3.readString(path)).isEqualTo("<p>hi</p>");
      assertThat(s3.stat(path).contentType()).startsWith("text/html");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"b2", "s3"})
  void cat_missingFile_exitsOneSayingNotFound(String backend) {
    FakeConsole.Result r = console().run("cat", backends.uri(backend, unique("missing.txt")));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).startsWith("stowage: ").contains("missing.txt").contains("not found");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void ls_b2WithoutCredentials_isAUsageErrorNamingTheVariables() {
    FakeConsole.Result r = new FakeConsole().run("ls", backends.uri("b2", ""));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY");
  }

  @Test
  void ls_wrongCredentials_exitsOneWithoutLeakingTheKey() {
    FakeConsole c =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", backends.b2().keyId())
            .env("B2_APPLICATION_KEY", "K00wrong-key-value-xyz");

    FakeConsole.Result r = c.run("ls", backends.uri("b2", ""));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("stowage: ").doesNotContain("K00wrong-key-value-xyz");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void cp_toMissingBucket_exitsOne() throws Exception {
    Files.writeString(dir.resolve("f"), "f");

    FakeConsole.Result r =
        console()
            .run(
                "cp",
                "f",
                "s3://no-such-bucket/f?endpoint=" + backends.s3().endpoint() + "&region=us-east-1");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("stowage: ");
    assertThat(new String(Files.readAllBytes(dir.resolve("f")), StandardCharsets.UTF_8))
        .isEqualTo("f");
  }
}
