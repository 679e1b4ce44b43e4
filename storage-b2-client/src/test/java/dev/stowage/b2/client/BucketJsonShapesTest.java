package dev.stowage.b2.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bucket calls' JSON on the wire, checked against the B2 protocol notes: a loopback server
 * records each request body and answers with a fixed bucket document.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BucketJsonShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A bucket answer as B2 shapes it, with both wrappers readable. */
  private static final String BUCKET =
      "{\"accountId\":\"acc1\",\"bucketId\":\"b1\",\"bucketName\":\"shapes-1\","
          + "\"bucketType\":\"allPrivate\",\"bucketInfo\":{},\"corsRules\":[],\"lifecycleRules\":[],"
          + "\"options\":[\"s3\"],\"revision\":3,"
          + "\"defaultServerSideEncryption\":{\"isClientAuthorizedToRead\":true,"
          + "\"value\":{\"algorithm\":\"AES256\",\"mode\":\"SSE-B2\"}},"
          + "\"fileLockConfiguration\":{\"isClientAuthorizedToRead\":true,\"value\":{"
          + "\"defaultRetention\":{\"mode\":\"governance\",\"period\":{\"duration\":7,\"unit\":\"days\"}},"
          + "\"isFileLockEnabled\":true}},"
          + "\"replicationConfiguration\":{\"isClientAuthorizedToRead\":true,\"value\":null}}";

  /** The same bucket seen by a key without readBucketEncryption / readBucketRetentions. */
  private static final String HIDDEN =
      "{\"accountId\":\"acc1\",\"bucketId\":\"b2\",\"bucketName\":\"shapes-2\","
          + "\"bucketType\":\"allPrivate\",\"revision\":1,"
          + "\"defaultServerSideEncryption\":{\"isClientAuthorizedToRead\":false},"
          + "\"fileLockConfiguration\":{\"isClientAuthorizedToRead\":false}}";

  private final Map<String, JsonNode> received = new ConcurrentHashMap<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private HttpServer server;
  private B2Client client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    answers.put(
        "b2_authorize_account",
        "{\"accountId\":\"acc1\",\"authorizationToken\":\"tok\",\"apiUrl\":\""
            + base
            + "\",\"downloadUrl\":\""
            + base
            + "\",\"recommendedPartSize\":100000000,"
            + "\"absoluteMinimumPartSize\":5000000,\"allowed\":{\"capabilities\":[\"writeBuckets\"]}}");
    answers.put("b2_list_buckets", "{\"buckets\":[" + BUCKET + "," + HIDDEN + "]}");
    answers.put("b2_create_bucket", BUCKET);
    answers.put("b2_update_bucket", BUCKET);
    server.createContext("/b2api/v2/", this::answer);
    server.start();
    client =
        B2Client.builder()
            .endpoint(URI.create(base))
            .credentials(new B2Credentials("kid", "secret"))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String call = exchange.getRequestURI().getPath().substring("/b2api/v2/".length());
    byte[] in = exchange.getRequestBody().readAllBytes();
    if (in.length > 0) {
      received.put(call, JSON.readTree(in));
    }
    String answer = answers.get(call);
    byte[] out =
        (answer == null ? "{\"status\":404,\"code\":\"not_found\",\"message\":\"\"}" : answer)
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer == null ? 404 : 200, out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  @Test
  void createBucket_sseB2AndFileLock_sendsSpecShape() throws IOException {
    client.createBucket(
        new B2CreateBucketRequest("shapes-1", "allPrivate", null, null, null)
            .withDefaultServerSideEncryption(B2ServerSideEncryption.sseB2())
            .withFileLockEnabled(true));

    assertThat(received.get("b2_create_bucket"))
        .isEqualTo(
            JSON.readTree(
                "{\"accountId\":\"acc1\","
                    + "\"bucketName\":\"shapes-1\",\"bucketType\":\"allPrivate\","
                    + "\"defaultServerSideEncryption\":{\"mode\":\"SSE-B2\",\"algorithm\":\"AES256\"},"
                    + "\"fileLockEnabled\":true}"));
  }

  @Test
  void createBucket_legacyConstructor_sendsNeitherEncryptionNorFileLock() {
    client.createBucket(
        new B2CreateBucketRequest("shapes-1", "allPublic", Map.of("k", "v"), List.of(), null));

    JsonNode body = received.get("b2_create_bucket");
    assertThat(body.has("defaultServerSideEncryption")).isFalse();
    assertThat(body.has("fileLockEnabled")).isFalse();
    assertThat(body.path("bucketInfo").path("k").asText()).isEqualTo("v");
    assertThat(body.path("corsRules").isArray()).isTrue();
    assertThat(body.has("lifecycleRules")).isFalse();
  }

  @Test
  void createBucket_ruleWithNullFields_sendsRuleAsGiven() throws IOException {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("fileNamePrefix", "");
    rule.put("daysFromUploadingToHiding", null);
    rule.put("daysFromHidingToDeleting", 1);
    client.createBucket(
        new B2CreateBucketRequest("shapes-1", "allPrivate", null, null, List.of(rule)));

    // Top-level nulls are omitted, but a rule object is the caller's JSON and goes out whole.
    assertThat(received.get("b2_create_bucket").path("lifecycleRules"))
        .isEqualTo(
            JSON.readTree(
                "[{\"fileNamePrefix\":\"\",\"daysFromUploadingToHiding\":null,\"daysFromHidingToDeleting\":1}]"));
  }

  @Test
  void updateBucket_encryptionNoneAndFileLock_sendsSpecShape() throws IOException {
    client.updateBucket(
        new B2UpdateBucketRequest("b1", null, null, null, null, 3L)
            .withDefaultServerSideEncryption(B2ServerSideEncryption.none())
            .withFileLockEnabled(true));

    assertThat(received.get("b2_update_bucket"))
        .isEqualTo(
            JSON.readTree(
                "{\"accountId\":\"acc1\","
                    + "\"bucketId\":\"b1\",\"defaultServerSideEncryption\":{\"mode\":\"none\"},"
                    + "\"fileLockEnabled\":true,\"ifRevisionIs\":3}"));
  }

  @Test
  void updateBucket_legacyConstructor_leavesEncryptionAndFileLockOut() throws IOException {
    client.updateBucket(new B2UpdateBucketRequest("b1", "allPublic", null, null, null, null));

    assertThat(received.get("b2_update_bucket"))
        .isEqualTo(
            JSON.readTree(
                "{\"accountId\":\"acc1\",\"bucketId\":\"b1\",\"bucketType\":\"allPublic\"}"));
  }

  @Test
  void listBuckets_wrappedSettings_parsesValuesAndHiddenOnes() {
    List<B2Bucket> buckets = client.listBuckets(null, null);

    assertThat(received.get("b2_list_buckets").path("bucketTypes").toString())
        .isEqualTo("[\"all\"]");
    B2Bucket open = buckets.get(0);
    assertThat(open.revision()).isEqualTo(3);
    assertThat(open.defaultServerSideEncryption().isClientAuthorizedToRead()).isTrue();
    assertThat(open.defaultServerSideEncryption().readable())
        .contains(B2ServerSideEncryption.sseB2());
    assertThat(open.defaultServerSideEncryption().value().isSseB2()).isTrue();
    B2FileLockConfiguration lock = open.fileLockConfiguration().readable().orElseThrow();
    assertThat(lock.isFileLockEnabled()).isTrue();
    assertThat(lock.defaultRetention())
        .containsEntry("mode", "governance")
        .containsEntry("period", Map.of("duration", 7, "unit", "days"));
    assertThat(open.isFileLockEnabled()).isTrue();

    B2Bucket hidden = buckets.get(1);
    assertThat(hidden.defaultServerSideEncryption().isClientAuthorizedToRead()).isFalse();
    assertThat(hidden.defaultServerSideEncryption().readable()).isEmpty();
    assertThat(hidden.fileLockConfiguration().readable()).isEmpty();
    assertThat(hidden.isFileLockEnabled()).isFalse();
  }

  @Test
  void updateBucket_answerWithoutSettings_leavesThemNull() {
    answers.put(
        "b2_update_bucket",
        "{\"accountId\":\"acc1\",\"bucketId\":\"b1\",\"bucketName\":\"shapes-1\","
            + "\"bucketType\":\"allPrivate\",\"revision\":4}");

    B2Bucket b = client.updateBucket(new B2UpdateBucketRequest("b1", null, null, null, null, 3L));

    assertThat(b.defaultServerSideEncryption()).isNull();
    assertThat(b.fileLockConfiguration()).isNull();
    assertThat(b.isFileLockEnabled()).isFalse();
    assertThat(b.toString()).doesNotContain("acc1");
  }

  @Test
  void serverSideEncryption_noEncryptionReadBack_isNotSseB2() throws IOException {
    B2ServerSideEncryption none =
        JSON.readValue("{\"algorithm\":null,\"mode\":null}", B2ServerSideEncryption.class);
    assertThat(none.isSseB2()).isFalse();
    assertThat(B2ServerSideEncryption.none().isSseB2()).isFalse();
    assertThat(B2ServerSideEncryption.sseB2().isSseB2()).isTrue();
  }
}
