package dev.stowage.b2.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 face with the AWS SDK v2: one store, two APIs, and B2's rules for keys, versions and ACLs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class B2S3FaceTest {
  private static final List<String> APP_CAPS =
      List.of(
          "listAllBucketNames",
          "listBuckets",
          "readBuckets",
          "listFiles",
          "readFiles",
          "writeFiles",
          "deleteFiles");

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .absoluteMinimumPartSize(5 << 20)
                      .recommendedPartSize(5 << 20))
          .bucket("face-bucket")
          .key("app", k -> k.capabilities(APP_CAPS.toArray(String[]::new)))
          .perClass();

  private B2Emulator b2;
  private B2S3Face face;
  private NativeApi api;
  private String bucket;
  private String bucketId;
  private NativeApi.Key appKey;
  private S3Client s3;

  @BeforeAll
  void start() {
    b2 = B2.emulator();
    face = B2S3Face.start(b2);
    api = new NativeApi(b2);
    bucket = "face-bucket";
    bucketId = b2.store().bucket(bucket).bucketId();
    appKey = new NativeApi.Key(B2.key("app").keyId(), B2.key("app").applicationKey());
    s3 = client(appKey.id(), appKey.secret());
  }

  @AfterAll
  void stop() {
    s3.close();
    face.close();
  }

  S3Client client(String id, String secret) {
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

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void authorize_faceStarted_s3ApiUrlIsTheFace() {
    assertThat(api.authorize(b2.keyId(), b2.applicationKey()).get("s3ApiUrl").asText())
        .isEqualTo(face.endpoint().toString());
  }

  @Test
  void putObject_applicationKey_nativeDownloadAndListingSeeIt() {
    var put =
        s3.putObject(
            b -> b.bucket(bucket).key("both/s3.txt").contentType("text/plain"),
            RequestBody.fromString("from s3"));

    assertThat(put.eTag()).isEqualTo("\"" + NativeApi.md5(bytes("from s3")) + "\"");
    assertThat(api.download(bucket, "both/s3.txt").body()).isEqualTo(bytes("from s3"));
    assertThat(api.listVersions(bucketId).get("files").findValuesAsText("fileName"))
        .contains("both/s3.txt");
  }

  @Test
  void getObject_nativeUpload_sameBytesAndMd5ETag() {
    api.upload(bucketId, "both/native.txt", bytes("from b2"), Map.of());

    var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("both/native.txt"));

    assertThat(got.asUtf8String()).isEqualTo("from b2");
    assertThat(got.response().eTag()).isEqualTo("\"" + NativeApi.md5(bytes("from b2")) + "\"");
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("both/")).contents())
        .anyMatch(o -> o.key().equals("both/native.txt"));
  }

  @Test
  void anyRequest_masterKey_refusedAsInvalidAccessKeyId() {
    try (S3Client master = client(b2.keyId(), b2.applicationKey())) {
      assertThatThrownBy(() -> master.listObjectsV2(b -> b.bucket(bucket)))
          .isInstanceOfSatisfying(
              S3Exception.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
              });
    }
  }

  @Test
  void listBuckets_keyWithoutListAllBucketNames_accessDenied() {
    NativeApi.Key limited = api.createKey("nolist", List.of("listFiles", "readFiles"), null, null);
    try (S3Client c = client(limited.id(), limited.secret())) {
      assertThatThrownBy(c::listBuckets)
          .isInstanceOfSatisfying(
              S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
    assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket));
  }

  @Test
  void requests_keyRestrictedToBucketAndPrefix_seeOnlyThat() {
    String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    String otherId = api.createBucket(other, "allPrivate", false);
    NativeApi.Key scoped =
        api.createKey("scoped", List.of("listFiles", "readFiles", "writeFiles"), otherId, "mine/");
    try (S3Client c = client(scoped.id(), scoped.secret())) {
      c.putObject(b -> b.bucket(other).key("mine/a.txt"), RequestBody.fromString("a"));

      assertThat(c.getObjectAsBytes(b -> b.bucket(other).key("mine/a.txt")).asUtf8String())
          .isEqualTo("a");
      assertThatThrownBy(
              () ->
                  c.putObject(
                      b -> b.bucket(other).key("theirs/b.txt"), RequestBody.fromString("b")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
      assertThatThrownBy(() -> c.listObjectsV2(b -> b.bucket(bucket)))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  void deleteObject_keyWithoutDeleteFiles_accessDenied() {
    NativeApi.Key writer =
        api.createKey("writer", List.of("listFiles", "readFiles", "writeFiles"), null, null);
    s3.putObject(b -> b.bucket(bucket).key("keep.txt"), RequestBody.fromString("k"));
    try (S3Client c = client(writer.id(), writer.secret())) {
      assertThatThrownBy(() -> c.deleteObject(b -> b.bucket(bucket).key("keep.txt")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
    assertThat(s3.headObject(b -> b.bucket(bucket).key("keep.txt")).contentLength()).isEqualTo(1);
  }

  @Test
  void deleteObject_withoutVersion_hideMarkerIsADeleteMarker() {
    s3.putObject(b -> b.bucket(bucket).key("v/hidden.txt"), RequestBody.fromString("one"));

    var deleted = s3.deleteObject(b -> b.bucket(bucket).key("v/hidden.txt"));

    assertThat(deleted.deleteMarker()).isTrue();
    ListObjectVersionsResponse versions =
        s3.listObjectVersions(b -> b.bucket(bucket).prefix("v/hidden"));
    assertThat(versions.deleteMarkers())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.isLatest()).isTrue();
              assertThat(m.versionId()).isEqualTo(deleted.versionId());
            });
    assertThat(versions.versions())
        .singleElement()
        .satisfies(v -> assertThat(v.isLatest()).isFalse());
    assertThat(api.listVersions(bucketId).get("files").findValuesAsText("action")).contains("hide");
    assertThatThrownBy(() -> s3.getObject(b -> b.bucket(bucket).key("v/hidden.txt")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void deleteObject_withVersion_removesOnlyThatVersion() {
    String first =
        s3.putObject(b -> b.bucket(bucket).key("v/two.txt"), RequestBody.fromString("1"))
            .versionId();
    s3.putObject(b -> b.bucket(bucket).key("v/two.txt"), RequestBody.fromString("2"));

    s3.deleteObject(b -> b.bucket(bucket).key("v/two.txt").versionId(first));

    var left = s3.listObjectVersions(b -> b.bucket(bucket).prefix("v/two")).versions();
    assertThat(left).singleElement().satisfies(v -> assertThat(v.versionId()).isNotEqualTo(first));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("v/two.txt")).asUtf8String())
        .isEqualTo("2");
  }

  @Test
  void listObjectVersions_pagesOfTwo_everyVersionOnceNewestFirst() {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      ids.add(
          0,
          s3.putObject(b -> b.bucket(bucket).key("pg/a.txt"), RequestBody.fromString("v" + n))
              .versionId());
    }
    ids.add(
        s3.putObject(b -> b.bucket(bucket).key("pg/b.txt"), RequestBody.fromString("b"))
            .versionId());

    List<String> listed =
        s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix("pg/").maxKeys(2)).stream()
            .flatMap(r -> r.versions().stream())
            .map(v -> v.versionId())
            .toList();

    assertThat(listed).containsExactlyElementsOf(ids);
  }

  @Test
  void deleteObject_versionUnderLegalHold_refused() {
    String locked = "locked-" + UUID.randomUUID().toString().substring(0, 8);
    String lockedId = api.createBucket(locked, "allPrivate", true);
    String fileId =
        api.upload(lockedId, "held.txt", bytes("h"), Map.of("X-Bz-File-Legal-Hold", "on"))
            .get("fileId")
            .asText();

    assertThatThrownBy(
            () -> s3.deleteObject(b -> b.bucket(locked).key("held.txt").versionId(fileId)))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    assertThat(api.download(locked, "held.txt").statusCode()).isEqualTo(200);
  }

  @Test
  void multipartUpload_partsListedThenCompleted_isANativeLargeFile() {
    byte[] part1 = new byte[5 << 20];
    byte[] part2 = bytes("tail");
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("mp/big.bin")).uploadId();
    assertThat(id).contains("_f2");
    String e1 =
        s3.uploadPart(
                b -> b.bucket(bucket).key("mp/big.bin").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part1))
            .eTag();
    String e2 =
        s3.uploadPart(
                b -> b.bucket(bucket).key("mp/big.bin").uploadId(id).partNumber(2),
                RequestBody.fromBytes(part2))
            .eTag();
    assertThat(s3.listParts(b -> b.bucket(bucket).key("mp/big.bin").uploadId(id)).parts())
        .hasSize(2);

    s3.completeMultipartUpload(
        b ->
            b.bucket(bucket)
                .key("mp/big.bin")
                .uploadId(id)
                .multipartUpload(
                    m ->
                        m.parts(
                            CompletedPart.builder().partNumber(1).eTag(e1).build(),
                            CompletedPart.builder().partNumber(2).eTag(e2).build())));

    assertThat(api.download(bucket, "mp/big.bin").body()).hasSize(part1.length + part2.length);
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(bucket).key("mp/big.bin").range("bytes=-4"))
                .asUtf8String())
        .isEqualTo("tail");
  }

  @Test
  void abortMultipartUpload_started_cancelsTheLargeFile() {
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("mp/aborted.bin")).uploadId();
    s3.uploadPart(
        b -> b.bucket(bucket).key("mp/aborted.bin").uploadId(id).partNumber(1),
        RequestBody.fromString("x"));

    s3.abortMultipartUpload(b -> b.bucket(bucket).key("mp/aborted.bin").uploadId(id));

    assertThat(
            api.call("b2_list_unfinished_large_files", Map.of("bucketId", bucketId)).get("files"))
        .noneMatch(f -> f.get("fileId").asText().equals(id));
  }

  @Test
  void copyObjectAndRangeGet_copiedBytes() {
    s3.putObject(
        b -> b.bucket(bucket).key("c/src.txt").contentType("text/x-src"),
        RequestBody.fromString("0123456789"));

    s3.copyObject(
        b ->
            b.sourceBucket(bucket)
                .sourceKey("c/src.txt")
                .destinationBucket(bucket)
                .destinationKey("c/dst.txt"));

    var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("c/dst.txt").range("bytes=2-4"));
    assertThat(got.asUtf8String()).isEqualTo("234");
    assertThat(got.response().contentType()).isEqualTo("text/x-src");
  }

  @Test
  void presignedPutAndGet_applicationKey_roundTrip() throws Exception {
    try (S3Presigner presigner =
        S3Presigner.builder()
            .endpointOverride(face.endpoint())
            .region(Region.of(B2S3Face.REGION))
            .serviceConfiguration(
                software.amazon.awssdk.services.s3.S3Configuration.builder()
                    .pathStyleAccessEnabled(true)
                    .build())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(appKey.id(), appKey.secret())))
            .build()) {
      URI put =
          presigner
              .presignPutObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .putObjectRequest(r -> r.bucket(bucket).key("p/signed.txt")))
              .url()
              .toURI();
      URI get =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(Duration.ofDays(7))
                          .getObjectRequest(r -> r.bucket(bucket).key("p/signed.txt")))
              .url()
              .toURI();
      HttpClient http = HttpClient.newHttpClient();

      assertThat(
              http.send(
                      HttpRequest.newBuilder(put)
                          .PUT(HttpRequest.BodyPublishers.ofString("signed"))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              http.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofString())
                  .body())
          .isEqualTo("signed");
    }
  }

  @Test
  void presignedGet_signedAnHourAgoForFiveMinutes_expired() throws Exception {
    s3.putObject(b -> b.bucket(bucket).key("p/old.txt"), RequestBody.fromString("old"));
    var signer = AwsV4HttpSigner.create();
    var unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create(face.endpoint() + "/" + bucket + "/p/old.txt"))
            .build();
    var signed =
        signer.sign(
            r ->
                r.request(unsigned)
                    .identity(AwsCredentialsIdentity.create(appKey.id(), appKey.secret()))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, B2S3Face.REGION)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(
                        AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                    .putProperty(
                        HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC)));

    var res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(signed.request().getUri()).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.body()).contains("AccessDenied").doesNotContain("old");
  }

  @Test
  void anonymousGet_publicBucketOnly() throws IOException, InterruptedException {
    String pub = "pub-" + UUID.randomUUID().toString().substring(0, 8);
    String pubId = api.createBucket(pub, "allPublic", false);
    api.upload(pubId, "open.txt", bytes("open"), Map.of());
    api.upload(bucketId, "closed.txt", bytes("closed"), Map.of());
    HttpClient http = HttpClient.newHttpClient();

    var open =
        http.send(
            HttpRequest.newBuilder(URI.create(face.endpoint() + "/" + pub + "/open.txt")).build(),
            HttpResponse.BodyHandlers.ofString());
    var closed =
        http.send(
            HttpRequest.newBuilder(URI.create(face.endpoint() + "/" + bucket + "/closed.txt"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).isEqualTo("open");
    assertThat(closed.statusCode()).isEqualTo(403);
  }

  @Test
  void cors_bucketRulesForS3Operations_answerPreflightAndActualRequests() throws Exception {
    String corsBucket = "cors-" + UUID.randomUUID().toString().substring(0, 8);
    String corsId = api.createBucket(corsBucket, "allPublic", false);
    api.call(
        "b2_update_bucket",
        Map.of(
            "accountId",
            b2.keyId(),
            "bucketId",
            corsId,
            "corsRules",
            List.of(
                Map.of(
                    "corsRuleName",
                    "s3-uploads",
                    "allowedOrigins",
                    List.of("https://app.example"),
                    "allowedOperations",
                    List.of("s3_put", "s3_get"),
                    "allowedHeaders",
                    List.of("content-type"),
                    "exposeHeaders",
                    List.of("ETag"),
                    "maxAgeSeconds",
                    600),
                Map.of(
                    "corsRuleName",
                    "native-only",
                    "allowedOrigins",
                    List.of("https://native.example"),
                    "allowedOperations",
                    List.of("b2_download_file_by_name"),
                    "maxAgeSeconds",
                    600))));
    api.upload(corsId, "c.txt", bytes("cors"), Map.of());
    HttpClient http = HttpClient.newHttpClient();
    URI object = URI.create(face.endpoint() + "/" + corsBucket + "/c.txt");

    var allowed =
        http.send(
            HttpRequest.newBuilder(object)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var nativeOnly =
        http.send(
            HttpRequest.newBuilder(object)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://native.example")
                .header("Access-Control-Request-Method", "GET")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var get =
        http.send(
            HttpRequest.newBuilder(object).header("Origin", "https://app.example").build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("content-type");
    assertThat(nativeOnly.statusCode()).isEqualTo(403);
    assertThat(nativeOnly.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(get.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag");
  }

  @Test
  void putObject_wrongContentMd5InRetainedBucket_badDigestAndNothingStored() {
    String retained = "retained-" + UUID.randomUUID().toString().substring(0, 8);
    String retainedId = api.createBucket(retained, "allPrivate", true);
    api.call(
        "b2_update_bucket",
        Map.of(
            "accountId",
            b2.keyId(),
            "bucketId",
            retainedId,
            "defaultRetention",
            Map.of("mode", "governance", "period", Map.of("duration", 1, "unit", "days"))));

    assertThatThrownBy(
            () ->
                s3.putObject(
                    b -> b.bucket(retained).key("bad.txt").contentMD5("AAAAAAAAAAAAAAAAAAAAAA=="),
                    RequestBody.fromString("x")))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
            });

    assertThat(api.listVersions(retainedId).get("files")).isEmpty();
  }

  @Test
  void putObject_aclOtherThanTheBuckets_refused() {
    assertThatThrownBy(
            () ->
                s3.putObject(
                    b -> b.bucket(bucket).key("acl.txt").acl(ObjectCannedACL.PUBLIC_READ),
                    RequestBody.fromString("x")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    s3.putObject(
        b -> b.bucket(bucket).key("acl.txt").acl(ObjectCannedACL.PRIVATE),
        RequestBody.fromString("x"));
  }

  @Test
  void putObject_checksumHeader_rejectedByDefaultAcceptedWhenSwitched() {
    assertThatThrownBy(
            () ->
                s3.putObject(
                    b ->
                        b.bucket(bucket).key("sum.txt").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                    RequestBody.fromString("x")))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
            });

    try (B2S3Face accepting = B2S3Face.builder(b2).checksumHeaders(ChecksumHeaders.ACCEPT).start();
        S3Client c =
            S3Client.builder()
                .endpointOverride(accepting.endpoint())
                .region(Region.of(B2S3Face.REGION))
                .forcePathStyle(true)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(appKey.id(), appKey.secret())))
                .build()) {
      c.putObject(
          b -> b.bucket(bucket).key("sum.txt").checksumAlgorithm(ChecksumAlgorithm.SHA256),
          RequestBody.fromString("x"));
      assertThat(c.getObjectAsBytes(b -> b.bucket(bucket).key("sum.txt")).asUtf8String())
          .isEqualTo("x");
    } finally {
      b2.s3ApiUrl(
          face.endpoint().toString()); // the second face took s3ApiUrl; the class's face is the one
    }
  }
}
