package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code b2-emulator} and {@code s3-emulator} run in the foreground, serve, and stop when interrupted. */
@Tag("interop")
@Timeout(120)
class EmulatorCommandsTest {

  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  /** Captures a server command's output and completes when it prints its listening line. */
  private static final class Watched extends ByteArrayOutputStream {
    final CompletableFuture<String> url = new CompletableFuture<>();

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      super.write(b, off, len);
      Matcher m = LISTENING.matcher(toString(StandardCharsets.UTF_8));
      if (m.find()) {
        url.complete(m.group(1));
      }
    }
  }

  /** A server command running on its own thread. */
  private record Running(Thread thread, Watched out, StringWriter err, int[] exit) {
    String awaitUrl() throws Exception {
      return out.url.get(60, TimeUnit.SECONDS);
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(thread.isAlive()).as("the command stopped when interrupted").isFalse();
      return exit[0];
    }
  }

  private static Running start(FakeConsole console, String... args) {
    Watched out = new Watched();
    StringWriter err = new StringWriter();
    CliContext context = console.context(out, new PrintWriter(err, true));
    int[] exit = {-1};
    Thread t =
        new Thread(
            () -> {
              exit[0] = Stowage.run(context, args);
              out.url.completeExceptionally(
                  new AssertionError("the command ended with " + exit[0] + ": " + err));
            },
            "cli-under-test");
    t.start();
    return new Running(t, out, err, exit);
  }

  @Test
  void b2Emulator_servesTheBucketItWasAskedFor_untilInterrupted() throws Exception {
    Running server =
        start(
            new FakeConsole(),
            "b2-emulator",
            "--key-id",
            "clitest",
            "--application-key",
            "cli-test-key",
            "--bucket",
            "fresh-bucket",
            "--data",
            dir.resolve("data").toString());
    String url = server.awaitUrl();
    Files.writeString(dir.resolve("a.txt"), "served");
    FakeConsole client =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", "clitest")
            .env("B2_APPLICATION_KEY", "cli-test-key");
    client.workingDirectory = dir;

    FakeConsole.Result cp = client.run("cp", "a.txt", "b2://fresh-bucket/a.txt?endpoint=" + url);
    FakeConsole.Result cat = client.run("cat", "b2://fresh-bucket/a.txt?endpoint=" + url);
    int exit = server.stop();

    assertThat(cp.exitCode()).as(cp.toString()).isZero();
    assertThat(cat.out()).isEqualTo("served");
    assertThat(exit).isZero();
    assertThat(server.out().toString(StandardCharsets.UTF_8))
        .contains("export B2_APPLICATION_KEY_ID=clitest")
        .doesNotContain("cli-test-key");
    assertThat(Files.list(dir.resolve("data")).count()).as("data kept on disk").isPositive();
  }

  @Test
  void b2Emulator_helpExample_runsAsPrinted_andAMissingBucketDoesNotListAsEmpty() throws Exception {
    String help = new FakeConsole().run("b2-emulator", "--help").out();
    Matcher bucket = Pattern.compile("--bucket (\\S+)").matcher(help);
    assertThat(bucket.find()).as(help).isTrue();
    Running server =
        start(
            new FakeConsole(),
            "b2-emulator",
            "--key-id",
            "dev",
            "--application-key",
            "devsecret",
            "--bucket",
            bucket.group(1));
    String url = server.awaitUrl();
    FakeConsole client =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", "dev")
            .env("B2_APPLICATION_KEY", "devsecret");

    FakeConsole.Result listed = client.run("ls", "b2://" + bucket.group(1) + "?endpoint=" + url);
    FakeConsole.Result missing =
        client.run("ls", "b2://not-" + bucket.group(1) + "?endpoint=" + url);
    server.stop();

    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .contains("bucket not found")
        .contains("no bucket named not-" + bucket.group(1));
  }

  @Test
  void b2Emulator_s3Port_servesTheS3ApiAndAuthorizeNamesIt() throws Exception {
    Running server =
        start(
            new FakeConsole(),
            "b2-emulator",
            "--key-id",
            "s3cli",
            "--application-key",
            "s3-cli-key",
            "--bucket",
            "s3-bucket",
            "--s3-port",
            "0");
    String url = server.awaitUrl();
    Pattern s3Line = Pattern.compile("S3 API \\(s3ApiUrl\\) on (http://127\\.0\\.0\\.1:\\d+)");
    Matcher s3 = s3Line.matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(s3 = s3Line.matcher(server.out().toString(StandardCharsets.UTF_8))).find()
        && System.nanoTime() < deadline) {
      Thread.sleep(10); // the S3 line follows the listening line
    }
    assertThat(s3.find(0)).as(server.out().toString(StandardCharsets.UTF_8)).isTrue();
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString("s3cli:s3-cli-key".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> auth =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "/b2api/v2/b2_authorize_account"))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(s3.group(1) + "/s3-bucket/x.txt")).build(),
            HttpResponse.BodyHandlers.ofString());
    server.stop();

    assertThat(auth.body()).contains("\"s3ApiUrl\":\"" + s3.group(1) + "\"");
    assertThat(anonymous.statusCode())
        .as("a private bucket refuses anonymous reads over S3")
        .isEqualTo(403);
    assertThat(anonymous.body()).contains("<Code>AccessDenied</Code>");
  }

  @Test
  void b2Emulator_withoutAKey_generatesAndPrintsIt() throws Exception {
    Running server = start(new FakeConsole(), "b2-emulator");
    server.awaitUrl();
    server.stop();

    assertThat(server.out().toString(StandardCharsets.UTF_8))
        .containsPattern("export B2_APPLICATION_KEY=\\S+");
  }

  @Test
  void b2Emulator_restartFromData_neverPrintsTheStoredKey() throws Exception {
    Path data = dir.resolve("data");
    Running first = start(new FakeConsole(), "b2-emulator", "--data", data.toString());
    first.awaitUrl();
    first.stop();
    Matcher generated =
        Pattern.compile("export B2_APPLICATION_KEY=(\\S+)")
            .matcher(first.out().toString(StandardCharsets.UTF_8));
    assertThat(generated.find()).as("a new key is printed once").isTrue();
    String secret = generated.group(1);

    Running second = start(new FakeConsole(), "b2-emulator", "--data", data.toString());
    second.awaitUrl();
    second.stop();

    String printed = second.out().toString(StandardCharsets.UTF_8) + second.err();
    assertThat(printed)
        .doesNotContain(secret)
        .contains(
            "B2_APPLICATION_KEY: not shown; kept in "
                + data.resolve("account.json").toAbsolutePath());
  }

  @Test
  void s3Emulator_allowsTheGivenOriginOnly_andServesFiles() throws Exception {
    Running server =
        start(
            new FakeConsole(),
            "s3-emulator",
            "--access-key",
            "dev",
            "--secret-key",
            "dev-secret-1",
            "--bucket",
            "bkt",
            "--cors-origin",
            "http://localhost:8080");
    String url = server.awaitUrl();
    FakeConsole client =
        new FakeConsole()
            .env("AWS_ACCESS_KEY_ID", "dev")
            .env("AWS_SECRET_ACCESS_KEY", "dev-secret-1");
    client.stdin = "piped".getBytes(StandardCharsets.UTF_8);

    FakeConsole.Result cp =
        client.run("cp", "-", "s3://bkt/p.txt?endpoint=" + url + "&region=us-east-1");
    HttpResponse<Void> allowed = preflight(url, "http://localhost:8080");
    HttpResponse<Void> refused = preflight(url, "http://localhost:9999");
    int exit = server.stop();

    assertThat(cp.exitCode()).as(cp.toString()).isZero();
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(exit).isZero();
    assertThat(server.out().toString(StandardCharsets.UTF_8)).doesNotContain("dev-secret-1");
  }

  @Test
  void s3Emulator_portInUse_exitsOneSayingSo() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      FakeConsole.Result r =
          new FakeConsole().run("s3-emulator", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("stowage: cannot start the S3 server on port " + taken.getLocalPort());
    }
  }

  @Test
  void b2Emulator_badBucketName_isAUsageErrorAndTheServerStops() {
    FakeConsole.Result r = new FakeConsole().run("b2-emulator", "--bucket", "tiny");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--bucket").contains("6 to 63 characters");
  }

  @Test
  void b2Emulator_badKeyId_isAUsageError() {
    FakeConsole.Result r = new FakeConsole().run("b2-emulator", "--key-id", "not valid!");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("keyId");
  }

  private static HttpResponse<Void> preflight(String url, String origin) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url + "/bkt/upload.png"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "content-type")
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
