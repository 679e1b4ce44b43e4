package dev.stowage.b2;

import dev.stowage.ByteRange;
import dev.stowage.Filesystem;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2StartLargeFileRequest;
import dev.stowage.b2.client.B2UploadFileRequest;
import dev.stowage.b2.client.B2UploadUrl;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Run by {@link SecretsNotLoggedTest} with every Stowage logger at TRACE: exercises the adapter
 * and the client (successes, retries, expired tokens, failures, wrong keys), prints every failure
 * with its stack trace and the {@code toString()} of every value that holds a secret, and writes
 * the tokens it saw to a file so that the test can look for them in the output too.
 *
 * <p>Arguments: endpoint, bucket, secrets file. Credentials: the master key from
 * {@code B2_APPLICATION_KEY_ID}/{@code B2_APPLICATION_KEY}, an application key from
 * {@code TEST_APP_KEY_ID}/{@code TEST_APP_KEY}.
 */
public final class SecretsScenarioChild {
  private SecretsScenarioChild() {}

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    String bucket = args[1];
    List<String> seen = new ArrayList<>();
    B2Credentials app =
        new B2Credentials(System.getenv("TEST_APP_KEY_ID"), System.getenv("TEST_APP_KEY"));
    System.out.println("credentials: " + app + " " + B2Credentials.environment().get());

    B2Config master =
        B2Config.builder(bucket)
            .endpoint(endpoint)
            .retry(10, Duration.ofMillis(1), Duration.ofMillis(5))
            .testMode("expire_some_account_authorization_tokens")
            .build();
    System.out.println("config: " + master);
    try (B2Client client =
        B2Client.builder().endpoint(endpoint).credentials(B2Credentials.environment()).build()) {
      seen.add(client.authorization().authorizationToken());
      System.out.println("authorization: " + client.authorization());
      String bucketId = client.listBuckets(null, bucket).get(0).bucketId();
      B2UploadUrl upload = client.getUploadUrl(bucketId);
      seen.add(upload.authorizationToken());
      System.out.println("upload url: " + upload);
      byte[] body = "via an upload URL".getBytes(StandardCharsets.UTF_8);
      client.uploadFile(
          upload,
          new B2UploadFileRequest("s/direct.txt", "text/plain", body.length, null, Map.of()),
          new ByteArrayInputStream(body));
      B2FileVersion large =
          client.startLargeFile(
              new B2StartLargeFileRequest(bucketId, "s/parts.bin", "b2/x-auto", Map.of()));
      B2UploadUrl partUrl = client.getUploadPartUrl(large.fileId());
      seen.add(partUrl.authorizationToken());
      client.uploadPart(partUrl, 1, body.length, null, new ByteArrayInputStream(body));
      client.cancelLargeFile(large.fileId());
    }
    // The adapter's own session tokens: a shared client, its token read after each round.
    try (B2Client shared =
            B2Client.builder()
                .endpoint(endpoint)
                .credentials(B2Credentials.environment())
                .testMode("expire_some_account_authorization_tokens")
                .build();
        Filesystem fs = Filesystem.of(B2Adapter.create(shared, master))) {
      exercise(fs, seen);
      seen.add(shared.authorization().authorizationToken());
      exercise(fs, seen);
      seen.add(shared.authorization().authorizationToken());
    }
    try (Filesystem fs = Filesystem.of(B2Adapter.create(master))) {
      exercise(fs, seen);
    }
    attempt(
        "endpoint with user info",
        () ->
            B2Config.builder(bucket)
                .endpoint(URI.create("http://user:EndpointUserInfoSecret77@127.0.0.1:1")));
    B2Config narrow = master.toBuilder().credentials(app).testMode("fail_some_uploads").build();
    try (Filesystem fs = Filesystem.of(B2Adapter.create(narrow))) {
      exercise(fs, seen);
    }
    B2Config wrong =
        master.toBuilder()
            .credentials(new B2Credentials(app.keyId(), "WrongSecret" + app.applicationKey()))
            .testMode(null)
            .build();
    attempt("open with a wrong key", () -> Filesystem.of(B2Adapter.create(wrong)).fileExists("x"));
    Files.write(Path.of(args[2]), seen, StandardCharsets.UTF_8);
    System.out.println("scenario done");
  }

  private static void exercise(Filesystem fs, List<String> seen) {
    byte[] big = new byte[5000];
    new Random(1).nextBytes(big);
    for (int i = 0; i < 5; i++) {
      fs.write(
          "s/small-" + i + ".txt",
          "small " + i,
          WriteOptions.builder().userMetadata("k", "v").build());
      fs.write("s/big-" + i + ".bin", new ByteArrayInputStream(big), WriteOptions.DEFAULT);
      fs.read("s/small-" + i + ".txt");
      fs.read("s/big-" + i + ".bin");
    }
    fs.list("s", true).toList();
    fs.stat("s/big-0.bin");
    fs.copy("s/small-0.txt", "s/copy.txt");
    fs.move("s/copy.txt", "s/moved.txt");
    URI temporary = fs.temporaryUrl("s/small-1.txt", Duration.ofMinutes(1));
    seen.add(temporary.getRawQuery().substring("Authorization=".length()));
    UploadTicket ticket =
        fs.prepareUpload("s/ticket.txt", Duration.ofMinutes(1), UploadConstraints.NONE);
    seen.add(ticket.headers().get("Authorization"));
    System.out.println("ticket: " + ticket);
    attempt("read a missing file", () -> fs.read("s/missing.txt"));
    attempt("public URL of a private bucket", () -> fs.publicUrl("s/small-1.txt"));
    attempt(
        "range past the end", () -> fs.readStream("s/small-1.txt", ByteRange.from(1000)).read());
    fs.deleteDirectory("s");
  }

  private static void attempt(String what, ThrowingRunnable action) {
    try {
      action.run();
      System.out.println(what + ": no failure");
    } catch (Exception e) {
      System.out.println(what + ": " + e);
      e.printStackTrace(System.out);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
