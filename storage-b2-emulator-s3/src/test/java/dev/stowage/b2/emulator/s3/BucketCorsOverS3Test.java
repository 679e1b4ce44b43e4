package dev.stowage.b2.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutBucketCors, GetBucketCors and DeleteBucketCors on the S3 face map to the bucket's native
 * CORS rules, the ones both APIs share. The face accepts checksum headers here: the SDK sends one
 * on PutBucketCors whatever its settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BucketCorsOverS3Test {
  private static final List<String> CAPS =
      List.of(
          "listAllBucketNames",
          "listBuckets",
          "readBuckets",
          "writeBuckets",
          "listFiles",
          "readFiles",
          "writeFiles",
          "deleteFiles");

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .bucket("cors-bucket")
          .key("cors-admin", k -> k.capabilities(CAPS.toArray(String[]::new)))
          .perClass();

  private B2Emulator b2;
  private B2S3Face face;
  private NativeApi api;
  private String bucket;
  private String bucketId;
  private NativeApi.Key key;
  private S3Client s3;

  @BeforeAll
  void start() {
    b2 = B2.emulator();
    face = B2S3Face.builder(b2).checksumHeaders(ChecksumHeaders.ACCEPT).start();
    api = new NativeApi(b2);
    bucket = "cors-bucket";
    bucketId = b2.store().bucket(bucket).bucketId();
    key = new NativeApi.Key(B2.key("cors-admin").keyId(), B2.key("cors-admin").applicationKey());
    s3 = client(key.id(), key.secret());
  }

  @AfterAll
  void stop() {
    s3.close();
    face.close();
  }

  private S3Client client(String id, String secret) {
    return S3Client.builder()
        .endpointOverride(face.endpoint())
        .region(Region.of(B2S3Face.REGION))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  private void put(CORSRule... rules) {
    s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(rules)));
  }

  @Test
  void putGetDelete_overS3_areTheNativeRules_andAnswerPreflights() throws Exception {
    put(
        CORSRule.builder()
            .id("uploads-from-app")
            .allowedOrigins("https://app.example")
            .allowedMethods("PUT", "GET")
            .allowedHeaders("content-type")
            .exposeHeaders("ETag")
            .maxAgeSeconds(600)
            .build());

    JsonNode nativeRules =
        api.call(
                "b2_list_buckets",
                Map.of(
                    "accountId",
                    api.authorize(b2.keyId(), b2.applicationKey()).get("accountId").asText(),
                    "bucketId",
                    bucketId))
            .get("buckets")
            .get(0)
            .get("corsRules");
    GetBucketCorsResponse got = s3.getBucketCors(b -> b.bucket(bucket));
    HttpResponse<Void> preflight =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(face.endpoint() + "/" + bucket + "/a.png"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example")
                    .header("Access-Control-Request-Method", "PUT")
                    .build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(nativeRules).hasSize(1);
    assertThat(nativeRules.get(0).get("corsRuleName").asText()).isEqualTo("uploads-from-app");
    assertThat(nativeRules.get(0).get("allowedOperations").toString())
        .contains("s3_put", "s3_get")
        .doesNotContain("b2_");
    assertThat(got.corsRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.allowedOrigins()).containsExactly("https://app.example");
              assertThat(r.allowedMethods()).containsExactlyInAnyOrder("GET", "PUT");
              assertThat(r.allowedHeaders()).containsExactly("content-type");
              assertThat(r.exposeHeaders()).containsExactly("ETag");
              assertThat(r.maxAgeSeconds()).isEqualTo(600);
            });
    assertThat(preflight.statusCode()).isEqualTo(200);

    s3.deleteBucketCors(b -> b.bucket(bucket));

    assertThatThrownBy(() -> s3.getBucketCors(b -> b.bucket(bucket)))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCORSConfiguration");
            });
  }

  @Test
  void put_badRules_refusedAndNothingChanged() {
    put(
        CORSRule.builder()
            .id("kept-rule")
            .allowedOrigins("https://kept.example")
            .allowedMethods("GET")
            .build());

    assertThatThrownBy(
            () -> put(CORSRule.builder().allowedOrigins("").allowedMethods("GET").build()))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(
            () ->
                put(
                    CORSRule.builder()
                        .allowedOrigins("https://a.example")
                        .allowedMethods("GET")
                        .maxAgeSeconds(86_401)
                        .build()))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));

    assertThat(s3.getBucketCors(b -> b.bucket(bucket)).corsRules())
        .singleElement()
        .satisfies(r -> assertThat(r.allowedOrigins()).containsExactly("https://kept.example"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity", "truncated", "oversized"})
  void put_hostileDocument_refusedAsMalformedAndNothingChanged(String kind) {
    put(
        CORSRule.builder()
            .id("kept-rule")
            .allowedOrigins("https://kept.example")
            .allowedMethods("GET")
            .build());
    String rule =
        "<CORSRule><AllowedOrigin>https://x.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
            + "</CORSRule>";
    String document =
        switch (kind) {
          case "entity" ->
              "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                  + "<CORSConfiguration><CORSRule><AllowedOrigin>&e;</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                  + "</CORSRule></CORSConfiguration>";
          case "truncated" ->
              "<CORSConfiguration><CORSRule><AllowedOrigin>https://x.example</AllowedOrigin>";
          default ->
              "<CORSConfiguration>"
                  + rule.repeat(BucketCorsCalls.MAX_DOCUMENT / rule.length() + 1)
                  + "</CORSConfiguration>";
        };
    byte[] bytes = document.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ExecutionInterceptor replaceBody =
        new ExecutionInterceptor() {
          @Override
          public SdkHttpRequest modifyHttpRequest(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder()
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .build();
          }

          @Override
          public Optional<RequestBody> modifyHttpContent(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return Optional.of(RequestBody.fromBytes(bytes));
          }
        };
    try (S3Client hostile =
        S3Client.builder()
            .endpointOverride(face.endpoint())
            .region(Region.of(B2S3Face.REGION))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(key.id(), key.secret())))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .overrideConfiguration(c -> c.addExecutionInterceptor(replaceBody))
            .build()) {
      assertThatThrownBy(
              () ->
                  hostile.putBucketCors(
                      b ->
                          b.bucket(bucket)
                              .corsConfiguration(
                                  c ->
                                      c.corsRules(
                                          CORSRule.builder()
                                              .allowedOrigins("https://x.example")
                                              .allowedMethods("GET")
                                              .build()))))
          .isInstanceOfSatisfying(
              S3Exception.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.getMessage()).doesNotContain(hostnameOrPlaceholder());
              });
    }

    assertThat(s3.getBucketCors(b -> b.bucket(bucket)).corsRules())
        .singleElement()
        .satisfies(r -> assertThat(r.allowedOrigins()).containsExactly("https://kept.example"));
  }

  /** The machine's host name, which an expanded external entity would have leaked; a placeholder if unknown. */
  private static String hostnameOrPlaceholder() {
    try {
      String name = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
      return name.isEmpty() ? "\u0000no-host-name" : name;
    } catch (java.io.IOException e) {
      return "\u0000no-host-name";
    }
  }

  @Test
  void put_wrongSecretOrMissingCapability_refused() {
    NativeApi.Key reader =
        api.createKey(
            "cors-reader", List.of("listBuckets", "readBuckets", "readFiles"), null, null);
    CORSRule rule =
        CORSRule.builder().allowedOrigins("https://x.example").allowedMethods("GET").build();
    try (S3Client forged = client(key.id(), "not-the-secret-of-this-key");
        S3Client readOnly = client(reader.id(), reader.secret())) {
      assertThatThrownBy(
              () ->
                  forged.putBucketCors(
                      b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(rule))))
          .isInstanceOfSatisfying(
              S3Exception.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
              });
      assertThatThrownBy(
              () ->
                  readOnly.putBucketCors(
                      b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(rule))))
          .isInstanceOfSatisfying(
              S3Exception.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
              });
      assertThatThrownBy(
              () -> client(b2.keyId(), b2.applicationKey()).getBucketCors(b -> b.bucket(bucket)))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }
}
