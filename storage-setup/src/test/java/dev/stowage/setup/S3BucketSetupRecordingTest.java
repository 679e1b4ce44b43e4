package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The S3 path's exact requests, against a recording server that keeps bucket configuration documents. */
@Timeout(60)
class S3BucketSetupRecordingTest {
  private static final String BUCKET = "media-bucket-01";

  private FakeS3Server server;
  private S3BucketSetup setup;

  @BeforeEach
  void start() throws Exception {
    server = new FakeS3Server();
    setup =
        S3BucketSetup.builder()
            .endpoint(server.recorder().uri())
            .region("us-east-1")
            .credentials("test-access-key", "test-secret-key")
            .build();
  }

  @AfterEach
  void stop() {
    setup.close();
    server.close();
  }

  private static BucketSpec fullSpec() {
    return BucketSpec.builder(BUCKET)
        .encryption(Encryption.SSE_B2)
        .lifecyclePreset("keep-only-last-version")
        .corsPreset("share-all-https", CorsApis.S3)
        .build();
  }

  private List<String> lines() {
    return server.requests().stream().map(RecordingServer.Request::toString).toList();
  }

  @Test
  void run_freshBucket_sendsCreateThenEachConfiguration() {
    SetupResult result = setup.run(fullSpec());

    assertThat(lines())
        .containsExactly(
            "HEAD /" + BUCKET,
            "PUT /" + BUCKET,
            "PUT /" + BUCKET + "?encryption",
            "PUT /" + BUCKET + "?cors",
            "PUT /" + BUCKET + "?lifecycle");
    assertThat(result.bucketName()).isEqualTo(BUCKET);
    assertThat(result.s3Endpoint()).isEqualTo(server.recorder().uri().toString());
    assertThat(result.applied())
        .extracting(Change::action)
        .containsExactly(
            Change.Action.CREATE_BUCKET,
            Change.Action.ADD_CORS_RULE,
            Change.Action.ADD_LIFECYCLE_RULE);
  }

  @Test
  void run_configurationCalls_carryContentMd5AndNoChecksumHeaders() throws Exception {
    setup.run(fullSpec());

    List<RecordingServer.Request> puts =
        server.requests().stream()
            .filter(r -> r.method().equals("PUT") && r.query() != null)
            .toList();
    assertThat(puts).hasSize(3);
    for (RecordingServer.Request r : puts) {
      String md5 =
          Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(r.body()));
      assertThat(r.header("content-md5")).as(r.toString()).isEqualTo(md5);
      assertThat(r.headers().keySet())
          .as(r.toString())
          .noneMatch(
              h ->
                  h.startsWith("x-amz-checksum-")
                      || h.equals("x-amz-sdk-checksum-algorithm")
                      || h.equals("x-amz-trailer"));
    }
  }

  @Test
  void run_corsAndLifecycleBodies_matchThePresets() {
    setup.run(fullSpec());

    String cors = server.config(BUCKET, "cors");
    assertThat(cors)
        .contains(
            "<ID>stowage-share-all-https</ID>",
            "<AllowedOrigin>https://*</AllowedOrigin>",
            "<AllowedMethod>GET</AllowedMethod>",
            "<AllowedMethod>HEAD</AllowedMethod>",
            "<AllowedMethod>PUT</AllowedMethod>",
            "<AllowedHeader>content-type</AllowedHeader>",
            "<ExposeHeader>etag</ExposeHeader>",
            "<MaxAgeSeconds>3600</MaxAgeSeconds>");
    assertThat(cors).doesNotContain("b2_");
    String lifecycle = server.config(BUCKET, "lifecycle");
    assertThat(lifecycle)
        .contains(
            "<NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>",
            "<Status>Enabled</Status>")
        .containsPattern("<Filter><Prefix\\s*(/>|></Prefix>)");
    assertThat(lifecycle).doesNotContain("<Expiration>", "AbortIncompleteMultipartUpload");
    assertThat(server.config(BUCKET, "encryption")).contains("<SSEAlgorithm>AES256</SSEAlgorithm>");
  }

  @Test
  void plan_afterRun_hasNoChangesAndOnlyReads() {
    setup.run(fullSpec());
    server.recorder().clear();

    Plan again = setup.plan(fullSpec());

    assertThat(again.hasChanges()).as(again.toString()).isFalse();
    assertThat(server.requests())
        .allMatch(r -> r.method().equals("HEAD") || r.method().equals("GET"));
    assertThat(lines())
        .containsExactly(
            "HEAD /" + BUCKET,
            "GET /" + BUCKET + "?encryption",
            "GET /" + BUCKET + "?cors",
            "GET /" + BUCKET + "?lifecycle");
  }

  @Test
  void fakeServer_keepsItsOwnFormAndRefusesWhatS3Refuses() throws Exception {
    setup.run(BucketSpec.builder(BUCKET).build());
    String ns = " xmlns=\"" + S3ConfigDocuments.NAMESPACE + "\"";

    assertThat(
            put(
                "lifecycle",
                "<LifecycleConfiguration><Rule><Status>Enabled</Status><Filter><Prefix>a/</Prefix>"
                    + "</Filter><Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>"))
        .isEqualTo(200);
    assertThat(server.config(BUCKET, "lifecycle"))
        .as("S3 order, namespace and a generated ID")
        .matches(
            ".*<LifecycleConfiguration"
                + ns
                + "><Rule><ID>[0-9a-f]{32}</ID><Filter><Prefix>a/</Prefix>"
                + "</Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule>.*");
    assertThat(
            put(
                "encryption",
                "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
                    + "<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
                    + "</ServerSideEncryptionConfiguration>"))
        .isEqualTo(200);
    assertThat(server.config(BUCKET, "encryption"))
        .contains("<BucketKeyEnabled>false</BucketKeyEnabled>");

    String stored = server.config(BUCKET, "lifecycle");
    assertThat(
            put(
                "lifecycle",
                "<LifecycleConfiguration><Rule><ID>x</ID><Prefix>a/</Prefix><Filter><Prefix>a/"
                    + "</Prefix></Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule>"
                    + "</LifecycleConfiguration>"))
        .as("both Prefix and Filter")
        .isEqualTo(400);
    assertThat(
            put(
                "lifecycle",
                "<LifecycleConfiguration><Rule><ID>x</ID><Filter><Prefix/></Filter>"
                    + "<Status>enabled</Status><Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>"))
        .as("lower-case status")
        .isEqualTo(400);
    assertThat(
            put(
                "cors",
                "<CORSConfiguration><CORSRule><AllowedMethod>get</AllowedMethod><AllowedOrigin>*"
                    + "</AllowedOrigin></CORSRule></CORSConfiguration>"))
        .as("lower-case method")
        .isEqualTo(400);
    assertThat(
            put(
                "cors",
                "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*"
                    + "</AllowedOrigin><MaxAge>5</MaxAge></CORSRule></CORSConfiguration>"))
        .as("unknown element")
        .isEqualTo(400);
    assertThat(server.config(BUCKET, "lifecycle"))
        .as("refused documents change nothing")
        .isEqualTo(stored);
    assertThat(server.config(BUCKET, "cors")).isNull();
  }

  /** PUTs {@code xml} to a configuration subresource with a correct Content-MD5 and returns the status. */
  private int put(String subresource, String xml) throws Exception {
    byte[] body = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(server.recorder().uri().resolve("/" + BUCKET + "?" + subresource))
            .header(
                "Content-MD5",
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body)))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void run_changedCorsOnly_putsOnlyCors() {
    setup.run(fullSpec());
    server.recorder().clear();
    BucketSpec changed = fullSpec().toBuilder().build();
    changed =
        new BucketSpec(
            changed.name(),
            changed.type(),
            changed.encryption(),
            false,
            changed.lifecycleRules(),
            List.of(
                Presets.cors("origins:https://app.example.com", CorsApis.S3)
                    .withName("stowage-share-all-https")),
            List.of(),
            false,
            false);

    SetupResult result = setup.run(changed);

    assertThat(result.applied())
        .extracting(Change::action)
        .containsExactly(Change.Action.REPLACE_CORS_RULE);
    assertThat(lines())
        .filteredOn(l -> !l.startsWith("HEAD") && !l.startsWith("GET"))
        .containsExactly("PUT /" + BUCKET + "?cors");
    assertThat(server.config(BUCKET, "cors"))
        .contains("<AllowedOrigin>https://app.example.com</AllowedOrigin>")
        .doesNotContain("https://*");
  }

  @Test
  void run_ruleNotInSpec_isKeptUnlessReplace() {
    setup.run(fullSpec());
    BucketSpec other =
        BucketSpec.builder(BUCKET)
            .corsPreset("origins:https://admin.example.com", CorsApis.S3)
            .build();

    setup.run(other);
    assertThat(server.config(BUCKET, "cors"))
        .contains("stowage-share-all-https", "stowage-origins");

    SetupResult replaced = setup.run(other.toBuilder().replace(true).build());
    assertThat(replaced.applied())
        .extracting(Change::action)
        .contains(Change.Action.REMOVE_CORS_RULE, Change.Action.REMOVE_LIFECYCLE_RULE);
    assertThat(server.config(BUCKET, "cors"))
        .contains("stowage-origins")
        .doesNotContain("stowage-share-all-https");
    assertThat(server.config(BUCKET, "lifecycle")).isNull();
  }

  @Test
  void run_publicWithObjectAcls_setsOwnershipAndAccessBlockBeforeAcl() {
    BucketSpec spec = BucketSpec.builder(BUCKET).type(BucketType.PUBLIC).objectAcls(true).build();

    setup.run(spec);

    assertThat(lines())
        .containsExactly(
            "HEAD /" + BUCKET,
            "PUT /" + BUCKET,
            "PUT /" + BUCKET + "?ownershipControls",
            "PUT /" + BUCKET + "?publicAccessBlock",
            "PUT /" + BUCKET + "?acl");
    RecordingServer.Request acl = server.requests().get(4);
    assertThat(acl.header("x-amz-acl")).isEqualTo("public-read");
    assertThat(server.config(BUCKET, "ownershipControls")).contains("BucketOwnerPreferred");
    assertThat(server.config(BUCKET, "publicAccessBlock"))
        .contains("<BlockPublicAcls>false</BlockPublicAcls>");
    assertThat(setup.plan(spec).hasChanges()).isFalse();
  }

  @Test
  void plan_dryRun_sendsOnlyReads() {
    Plan plan = setup.plan(fullSpec());

    assertThat(plan.hasChanges()).isTrue();
    assertThat(lines()).containsExactly("HEAD /" + BUCKET);
  }

  @Test
  void run_objectLockOnNewBucket_sendsLockHeader() {
    setup.run(BucketSpec.builder(BUCKET).objectLock(true).build());

    RecordingServer.Request create = server.requests().get(1);
    assertThat(create.header("x-amz-bucket-object-lock-enabled")).isEqualTo("true");
    Plan again = setup.plan(BucketSpec.builder(BUCKET).objectLock(true).build());
    assertThat(again.conflicts()).isEmpty();
    assertThat(again.hasChanges()).isFalse();
  }
}
