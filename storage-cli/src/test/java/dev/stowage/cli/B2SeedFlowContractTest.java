package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.s3.B2S3Face;
import dev.stowage.s3.S3Adapter;
import dev.stowage.s3.S3Config;
import dev.stowage.s3.S3Profile;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed flow on one emulator with both faces: {@code stowage setup b2 --cors share-all-https --cors-apis both
 * --key-name app} makes the bucket, its CORS rule and an application key; the key's id, secret and S3 endpoint come
 * from the secrets file; the whole kit then runs on the S3 adapter with {@code profile=b2} against the emulator's S3
 * face. The master key is refused by the adapter before any request.
 */
class B2SeedFlowContractTest extends FilesystemContract {
  /** Small parts; no buckets declared: the setup command under test makes the bucket and key. */
  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .absoluteMinimumPartSize(5 << 20)
                      .recommendedPartSize(5 << 20))
          .perClass();

  private B2Emulator b2;
  private B2S3Face face;
  private Path secrets;
  private Map<String, String> saved;
  private String bucket;

  /** Runs the setup command, reads the secrets file and opens the adapter with that key. */
  @Override
  protected Filesystem createFilesystem() {
    b2 = B2.emulator();
    face = B2S3Face.start(b2);
    bucket = "seed-flow-" + Long.toHexString(System.nanoTime());
    try {
      secrets = Files.createTempDirectory("seed-flow").resolve("app.env");
      FakeConsole.Result setup =
          new FakeConsole()
              .env("B2_APPLICATION_KEY_ID", b2.keyId())
              .env("B2_APPLICATION_KEY", b2.applicationKey())
              .run(
                  "setup",
                  "b2",
                  "--bucket",
                  bucket,
                  "--endpoint",
                  b2.url(),
                  "--cors",
                  "share-all-https",
                  "--cors-apis",
                  "both",
                  "--key-name",
                  "app",
                  "--key-capabilities",
                  "listAllBucketNames,listBuckets,readBuckets,listFiles,readFiles,writeFiles,deleteFiles,shareFiles",
                  "--secrets-file",
                  secrets.toString());
      assertThat(setup.exitCode()).as(setup.toString()).isZero();
      saved = new HashMap<>();
      for (String line : Files.readAllLines(secrets)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          saved.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(saved.get("AWS_ENDPOINT_URL"))
        .as("the secrets file names the S3 face")
        .isEqualTo(face.endpoint().toString());
    return Filesystem.of(
        S3Adapter.create(
            config(saved.get("AWS_ACCESS_KEY_ID"), saved.get("AWS_SECRET_ACCESS_KEY"))
                .partSize(5 << 20)
                .multipartThreshold(5 << 20)
                .concurrency(3)
                .build()));
  }

  private S3Config.Builder config(String id, String secret) {
    return S3Config.builder(bucket)
        .profile(S3Profile.B2)
        .endpoint(URI.create(saved.get("AWS_ENDPOINT_URL")))
        .region(B2S3Face.REGION)
        .credentials(id, secret);
  }

  @Override
  protected void afterAll() {
    face.close();
    try {
      Files.deleteIfExists(secrets);
      Files.deleteIfExists(secrets.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void seedFlow_masterKey_refusedByTheAdapterBeforeAnyRequest() {
    assertThatThrownBy(() -> S3Adapter.create(config(b2.keyId(), b2.applicationKey()).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("create an application key")
        .hasMessageNotContaining(b2.applicationKey());
  }

  @Test
  void seedFlow_corsRuleFromSetup_answersS3PreflightsFromHttpsOrigins() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI object = URI.create(face.endpoint() + "/" + bucket + "/upload.png");

    HttpResponse<Void> https =
        http.send(
            HttpRequest.newBuilder(object)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .build(),
            HttpResponse.BodyHandlers.discarding());
    HttpResponse<Void> plain =
        http.send(
            HttpRequest.newBuilder(object)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://app.example")
                .header("Access-Control-Request-Method", "PUT")
                .build(),
            HttpResponse.BodyHandlers.discarding());

    assertThat(https.statusCode()).isEqualTo(200);
    assertThat(https.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(plain.statusCode()).isEqualTo(403);
  }
}
