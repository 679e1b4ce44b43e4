package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint's error answers: exact {status, code, message} bodies, and nothing written on bad input. */
@Timeout(60)
class ProtocolErrorsTest {
  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.perClass(
          () -> B2Emulator.builder().recommendedPartSize(100).absoluteMinimumPartSize(50));

  private B2TestClient c;
  private String bucketId;
  private static int counter;

  @BeforeEach
  void setUp() {
    c = B2TestClient.authorized(B2.emulator(), 2);
    bucketId = c.createBucket("errors-" + (++counter) + "-bucket", "allPrivate");
  }

  private static void assertError(B2TestClient.Res r, int status, String code) {
    assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    JsonNode body = r.json();
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("status", "code", "message");
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("message").isTextual()).isTrue();
    assertThat(r.header("Date")).isNotBlank();
  }

  private int fileCount() {
    return c.ok("b2_list_file_versions", Map.of("bucketId", bucketId)).get("files").size();
  }

  @Test
  void authorize_wrongKey_badAuthToken() {
    B2TestClient.Res r =
        new B2TestClient(B2.emulator().url(), 2).authorizeRaw(B2.emulator().keyId(), "nope");
    assertError(r, 401, "bad_auth_token");
    assertThat(r.header("WWW-Authenticate")).contains("authorize_account");
  }

  @Test
  void authorize_missingHeader_badAuthToken() {
    assertError(
        c.send(HttpRequest.newBuilder(URI.create(c.url + "/b2api/v2/b2_authorize_account")).GET()),
        401,
        "bad_auth_token");
  }

  @Test
  void anyCall_wrongToken_badAuthToken() {
    assertError(
        c.callWithToken("b2_list_buckets", Map.of("accountId", c.accountId), "4_bogus"),
        401,
        "bad_auth_token");
    assertError(
        c.callWithToken("b2_list_buckets", Map.of("accountId", c.accountId), null),
        401,
        "bad_auth_token");
  }

  @Test
  void anyCall_expiredToken_expiredAuthToken() {
    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    try (B2Emulator e =
        B2Emulator.builder().clock(clock).tokenLifetime(Duration.ofHours(1)).start()) {
      B2TestClient client = B2TestClient.authorized(e, 2);
      client.ok("b2_list_buckets", Map.of("accountId", client.accountId));
      clock.advance(Duration.ofMinutes(61));
      assertError(
          client.call("b2_list_buckets", Map.of("accountId", client.accountId)),
          401,
          "expired_auth_token");
    }
  }

  @Test
  void unknownCall_notFound() {
    assertError(c.call("b2_no_such_call", Map.of()), 404, "not_found");
  }

  @Test
  void anyCall_malformedJson_badJson() {
    assertError(
        c.call("b2_list_buckets", "{not json".getBytes(StandardCharsets.UTF_8)), 400, "bad_json");
  }

  @Test
  void createBucket_missingName_badRequest() {
    assertError(
        c.call("b2_create_bucket", Map.of("accountId", c.accountId, "bucketType", "allPrivate")),
        400,
        "bad_request");
  }

  @Test
  void createBucket_invalidNameOrType_badRequestAndNothingCreated() {
    int before = c.ok("b2_list_buckets", Map.of("accountId", c.accountId)).get("buckets").size();
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of("accountId", c.accountId, "bucketName", "ab", "bucketType", "allPrivate")),
        400,
        "bad_request");
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of(
                "accountId", c.accountId, "bucketName", "b2-reserved", "bucketType", "allPrivate")),
        400,
        "bad_request");
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of("accountId", c.accountId, "bucketName", "fine-name-x", "bucketType", "weird")),
        400,
        "bad_request");
    assertThat(c.ok("b2_list_buckets", Map.of("accountId", c.accountId)).get("buckets").size())
        .isEqualTo(before);
  }

  @Test
  void createBucket_duplicateNameAnyCase_duplicateBucketName() {
    String name = "errors-" + counter + "-bucket";
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of(
                "accountId",
                c.accountId,
                "bucketName",
                name.toUpperCase(),
                "bucketType",
                "allPrivate")),
        400,
        "duplicate_bucket_name");
  }

  @Test
  void createBucket_invalidCorsOrLifecycle_badRequest() {
    Map<String, Object> badCors =
        Map.of(
            "corsRuleName",
            "x",
            "allowedOrigins",
            List.of("*"),
            "allowedOperations",
            List.of("b2_download_file_by_name"),
            "maxAgeSeconds",
            10);
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of(
                "accountId",
                c.accountId,
                "bucketName",
                "cors-bad-1",
                "bucketType",
                "allPrivate",
                "corsRules",
                List.of(badCors))),
        400,
        "bad_request");
    Map<String, Object> noOps =
        Map.of(
            "corsRuleName",
            "goodname",
            "allowedOrigins",
            List.of("*"),
            "allowedOperations",
            List.of("b2_list_buckets"),
            "maxAgeSeconds",
            10);
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of(
                "accountId",
                c.accountId,
                "bucketName",
                "cors-bad-2",
                "bucketType",
                "allPrivate",
                "corsRules",
                List.of(noOps))),
        400,
        "bad_request");
    List<Object> overlap =
        List.of(
            Map.of("fileNamePrefix", "photos/", "daysFromHidingToDeleting", 1),
            Map.of("fileNamePrefix", "photos/kittens/", "daysFromHidingToDeleting", 2));
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of(
                "accountId",
                c.accountId,
                "bucketName",
                "life-bad-1",
                "bucketType",
                "allPrivate",
                "lifecycleRules",
                overlap)),
        400,
        "bad_request");
    List<Object> zero = List.of(Map.of("fileNamePrefix", "", "daysFromHidingToDeleting", 0));
    assertError(
        c.call(
            "b2_create_bucket",
            Map.of(
                "accountId",
                c.accountId,
                "bucketName",
                "life-bad-2",
                "bucketType",
                "allPrivate",
                "lifecycleRules",
                zero)),
        400,
        "bad_request");
    assertThat(
            c.ok("b2_list_buckets", Map.of("accountId", c.accountId, "bucketName", "cors-bad-1"))
                .get("buckets"))
        .isEmpty();
  }

  @Test
  void updateBucket_staleRevision_conflictAndUnchanged() {
    JsonNode updated =
        c.ok(
            "b2_update_bucket",
            Map.of(
                "accountId",
                c.accountId,
                "bucketId",
                bucketId,
                "bucketInfo",
                Map.of("k", "v"),
                "ifRevisionIs",
                1));
    assertThat(updated.get("revision").asLong()).isEqualTo(2);
    assertError(
        c.call(
            "b2_update_bucket",
            Map.of(
                "accountId",
                c.accountId,
                "bucketId",
                bucketId,
                "bucketType",
                "allPublic",
                "ifRevisionIs",
                1)),
        409,
        "conflict");
    JsonNode now =
        c.ok("b2_list_buckets", Map.of("accountId", c.accountId, "bucketId", bucketId))
            .get("buckets")
            .get(0);
    assertThat(now.get("bucketType").asText()).isEqualTo("allPrivate");
    assertThat(now.get("revision").asLong()).isEqualTo(2);
  }

  @Test
  void deleteBucket_nonEmpty_cannotDeleteAndBucketStays() {
    assertThat(c.upload(bucketId, "f.txt", new byte[] {1}).status()).isEqualTo(200);
    assertError(
        c.call("b2_delete_bucket", Map.of("accountId", c.accountId, "bucketId", bucketId)),
        400,
        "cannot_delete_non_empty_bucket");
    assertThat(
            c.ok("b2_list_buckets", Map.of("accountId", c.accountId, "bucketId", bucketId))
                .get("buckets"))
        .hasSize(1);
  }

  @Test
  void deleteBucket_unknown_badBucketId() {
    assertError(
        c.call(
            "b2_delete_bucket",
            Map.of("accountId", c.accountId, "bucketId", "000000000000000000000000")),
        400,
        "bad_bucket_id");
  }

  @Test
  void upload_wrongSha1_badRequestAndNothingStored() {
    B2TestClient.Res r =
        c.uploadTo(
            c.uploadUrl(bucketId),
            "x.bin",
            new byte[] {1, 2, 3},
            "0000000000000000000000000000000000000000");
    assertError(r, 400, "bad_request");
    assertThat(r.json().get("message").asText()).contains("did not match");
    assertThat(fileCount()).isZero();
  }

  @Test
  void upload_malformedSha1_badRequest() {
    assertError(
        c.uploadTo(c.uploadUrl(bucketId), "x.bin", new byte[] {1}, "abc"), 400, "bad_request");
    assertError(
        c.uploadTo(
            c.uploadUrl(bucketId),
            "x.bin",
            new byte[] {1},
            "zz00000000000000000000000000000000000000"),
        400,
        "bad_request");
    assertThat(fileCount()).isZero();
  }

  @Test
  void upload_wrongHexDigitsAtEnd_badRequest() {
    byte[] body = ("abc" + "0".repeat(40)).getBytes(StandardCharsets.US_ASCII);
    assertError(
        c.uploadTo(c.uploadUrl(bucketId), "x.bin", body, "hex_digits_at_end"), 400, "bad_request");
    assertThat(fileCount()).isZero();
  }

  @Test
  void upload_missingFileName_badRequest() {
    JsonNode u = c.uploadUrl(bucketId);
    B2TestClient.Res r =
        c.send(
            HttpRequest.newBuilder(URI.create(u.get("uploadUrl").asText()))
                .header("Authorization", u.get("authorizationToken").asText())
                .header("Content-Type", "text/plain")
                .header("X-Bz-Content-Sha1", B2TestClient.sha1(new byte[] {1}))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));
    assertError(r, 400, "bad_request");
    assertThat(fileCount()).isZero();
  }

  @Test
  void upload_badFileInfo_badRequest() {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      headers.add("X-Bz-Info-k" + i);
      headers.add("v");
    }
    assertError(
        c.upload(bucketId, "x", new byte[] {1}, headers.toArray(new String[0])),
        400,
        "bad_request");
    assertError(
        c.upload(bucketId, "x", new byte[] {1}, "X-Bz-Info-b2-unknown", "v"), 400, "bad_request");
    assertError(
        c.upload(bucketId, "x", new byte[] {1}, "X-Bz-Info-b2-expires", "tomorrow"),
        400,
        "bad_request");
    assertError(c.upload(bucketId, "bad%01name", new byte[] {1}), 400, "bad_request");
    assertThat(fileCount()).isZero();
  }

  @Test
  void upload_getMethod_methodNotAllowed() {
    JsonNode u = c.uploadUrl(bucketId);
    assertError(
        c.send(
            HttpRequest.newBuilder(URI.create(u.get("uploadUrl").asText()))
                .header("Authorization", u.get("authorizationToken").asText())
                .GET()),
        405,
        "method_not_allowed");
  }

  @Test
  void upload_accountTokenOrOtherBucketsUrl_badAuthToken() {
    JsonNode u = c.uploadUrl(bucketId);
    String other = c.createBucket("errors-other-" + counter, "allPrivate");
    JsonNode otherUrl = c.uploadUrl(other);
    B2TestClient.Res r =
        c.uploadTo(
            Map.of(
                "uploadUrl",
                otherUrl.get("uploadUrl").asText(),
                "authorizationToken",
                u.get("authorizationToken").asText()),
            "x",
            new byte[] {1},
            B2TestClient.sha1(new byte[] {1}));
    assertError(r, 401, "bad_auth_token");
    assertError(
        c.uploadTo(
            Map.of("uploadUrl", u.get("uploadUrl").asText(), "authorizationToken", c.token),
            "x",
            new byte[] {1},
            B2TestClient.sha1(new byte[] {1})),
        401,
        "bad_auth_token");
    assertThat(fileCount()).isZero();
  }

  private B2TestClient restrictedClient(
      List<String> caps, String restrictBucket, String prefix, int version) {
    Map<String, Object> req =
        new java.util.HashMap<>(
            Map.of("accountId", c.accountId, "capabilities", caps, "keyName", "restricted-key"));
    if (restrictBucket != null) {
      req.put("bucketId", restrictBucket);
    }
    if (prefix != null) {
      req.put("namePrefix", prefix);
    }
    JsonNode key = c.ok("b2_create_key", req);
    B2TestClient r = new B2TestClient(c.url, version);
    r.authorize(key.get("applicationKeyId").asText(), key.get("applicationKey").asText());
    return r;
  }

  @Test
  void anyCall_missingCapability_unauthorized() {
    B2TestClient reader = restrictedClient(List.of("listBuckets", "listFiles"), null, null, 2);
    assertError(
        reader.call("b2_get_upload_url", Map.of("bucketId", bucketId)), 401, "unauthorized");
    assertError(
        reader.call(
            "b2_create_bucket",
            Map.of(
                "accountId", c.accountId, "bucketName", "never-made", "bucketType", "allPrivate")),
        401,
        "unauthorized");
    assertError(
        reader.call(
            "b2_create_key",
            Map.of("accountId", c.accountId, "capabilities", List.of("listFiles"), "keyName", "k")),
        401,
        "unauthorized");
    assertThat(reader.ok("b2_list_file_names", Map.of("bucketId", bucketId)).get("files"))
        .isEmpty();
  }

  @Test
  void restrictedKey_otherBucketOrNamePrefix_unauthorized() {
    String other = c.createBucket("errors-elsewhere-" + counter, "allPrivate");
    B2TestClient r =
        restrictedClient(
            List.of("listBuckets", "listFiles", "readFiles", "writeFiles", "deleteFiles"),
            bucketId,
            "allowed/",
            2);
    assertError(r.call("b2_get_upload_url", Map.of("bucketId", other)), 401, "unauthorized");
    assertError(r.upload(bucketId, "other/x.txt", new byte[] {1}), 401, "unauthorized");
    assertThat(r.upload(bucketId, "allowed/x.txt", new byte[] {1}).status()).isEqualTo(200);
    assertError(r.call("b2_list_file_names", Map.of("bucketId", bucketId)), 401, "unauthorized");
    assertError(r.call("b2_list_buckets", Map.of("accountId", c.accountId)), 401, "unauthorized");
    assertThat(
            r.ok("b2_list_file_names", Map.of("bucketId", bucketId, "prefix", "allowed/"))
                .get("files"))
        .hasSize(1);
    assertError(
        r.call("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "other/y")),
        401,
        "unauthorized");
    assertThat(fileCount()).isEqualTo(1);
    // v1 filters the listing quietly instead
    c.upload(bucketId, "other/z.txt", new byte[] {2});
    B2TestClient v1 =
        restrictedClient(List.of("listBuckets", "listFiles"), bucketId, "allowed/", 1);
    JsonNode files = v1.ok("b2_list_file_names", Map.of("bucketId", bucketId)).get("files");
    assertThat(files).hasSize(1);
    assertThat(files.get(0).get("fileName").asText()).isEqualTo("allowed/x.txt");
    assertThat(v1.ok("b2_list_buckets", Map.of("accountId", c.accountId)).get("buckets"))
        .hasSize(1);
  }

  @Test
  void createKey_bucketKeyWithAccountCapability_badRequest() {
    assertError(
        c.call(
            "b2_create_key",
            Map.of(
                "accountId",
                c.accountId,
                "capabilities",
                List.of("writeKeys"),
                "keyName",
                "k",
                "bucketId",
                bucketId)),
        400,
        "bad_request");
    assertError(
        c.call(
            "b2_create_key",
            Map.of("accountId", c.accountId, "capabilities", List.of("flyAway"), "keyName", "k")),
        400,
        "bad_request");
    assertError(c.call("b2_delete_key", Map.of("applicationKeyId", "nope")), 400, "bad_request");
  }

  @Test
  void deletedKey_tokenStopsWorking() {
    B2TestClient r = restrictedClient(List.of("listBuckets"), null, null, 2);
    r.ok("b2_list_buckets", Map.of("accountId", c.accountId));
    JsonNode keys = c.ok("b2_list_keys", Map.of("accountId", c.accountId)).get("keys");
    for (JsonNode k : keys) {
      c.ok("b2_delete_key", Map.of("applicationKeyId", k.get("applicationKeyId").asText()));
    }
    assertError(r.call("b2_list_buckets", Map.of("accountId", c.accountId)), 401, "bad_auth_token");
  }

  @Test
  void download_rangeBeyondEnd_rangeNotSatisfiable() {
    c.upload(bucketId, "r.bin", new byte[] {1, 2, 3});
    B2TestClient.Res r =
        c.download("/file/errors-" + counter + "-bucket/r.bin", "Range", "bytes=3-");
    assertError(r, 416, "range_not_satisfiable");
    assertThat(r.header("Content-Range")).isEqualTo("bytes */3");
  }

  @Test
  void download_missingOrHidden_notFound() {
    String name = "errors-" + counter + "-bucket";
    assertError(c.download("/file/" + name + "/nothing"), 404, "not_found");
    c.upload(bucketId, "h.txt", new byte[] {1});
    c.ok("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "h.txt"));
    assertError(c.download("/file/" + name + "/h.txt"), 404, "not_found");
    assertError(c.download("/b2api/v2/b2_download_file_by_id?fileId=4_nope"), 404, "not_found");
  }

  @Test
  void download_privateWithoutToken_unauthorized() {
    c.upload(bucketId, "p.txt", new byte[] {1});
    B2TestClient anonymous = new B2TestClient(c.url, 2);
    assertError(
        anonymous.download("/file/errors-" + counter + "-bucket/p.txt"), 401, "unauthorized");
  }

  @Test
  void hideAndDelete_badTargets_typedErrors() {
    assertError(
        c.call("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "ghost")),
        400,
        "no_such_file");
    JsonNode up = c.upload(bucketId, "once.txt", new byte[] {1}).json();
    c.ok("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "once.txt"));
    assertError(
        c.call("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "once.txt")),
        400,
        "already_hidden");
    assertError(
        c.call(
            "b2_delete_file_version",
            Map.of("fileName", "other.txt", "fileId", up.get("fileId").asText())),
        400,
        "file_not_present");
    assertError(c.call("b2_get_file_info", Map.of("fileId", "4_zmissing")), 404, "not_found");
    assertError(c.call("b2_get_file_info", Map.of()), 400, "bad_request");
  }

  @Test
  void listFileNames_tooManyRequested_outOfRange() {
    assertError(
        c.call("b2_list_file_names", Map.of("bucketId", bucketId, "maxFileCount", 10001)),
        400,
        "out_of_range");
    assertError(
        c.call("b2_list_file_names", Map.of("bucketId", "000000000000000000000000")),
        400,
        "bad_bucket_id");
  }

  private String startLarge() {
    return c.ok(
            "b2_start_large_file",
            Map.of("bucketId", bucketId, "fileName", "large.bin", "contentType", "b2/x-auto"))
        .get("fileId")
        .asText();
  }

  private String uploadPart(String fileId, int n, byte[] data) {
    JsonNode u = c.ok("b2_get_upload_part_url", Map.of("fileId", fileId));
    B2TestClient.Res r =
        c.send(
            HttpRequest.newBuilder(URI.create(u.get("uploadUrl").asText()))
                .header("Authorization", u.get("authorizationToken").asText())
                .header("X-Bz-Part-Number", Integer.toString(n))
                .header("X-Bz-Content-Sha1", B2TestClient.sha1(data))
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)));
    assertThat(r.status()).isEqualTo(200);
    return B2TestClient.sha1(data);
  }

  @Test
  void finishLargeFile_missingPart_missingPart() {
    String fileId = startLarge();
    String s1 = uploadPart(fileId, 1, B2TestClient.randomBytes(100, 1));
    assertError(
        c.call(
            "b2_finish_large_file",
            Map.of(
                "fileId", fileId, "partSha1Array", List.of(s1, B2TestClient.sha1(new byte[] {9})))),
        400,
        "missing_part");
    assertThat(c.ok("b2_list_unfinished_large_files", Map.of("bucketId", bucketId)).get("files"))
        .hasSize(1);
  }

  @Test
  void finishLargeFile_tooSmallPart_badRequest() {
    String fileId = startLarge();
    String s1 = uploadPart(fileId, 1, B2TestClient.randomBytes(10, 1));
    String s2 = uploadPart(fileId, 2, B2TestClient.randomBytes(10, 2));
    B2TestClient.Res r =
        c.call("b2_finish_large_file", Map.of("fileId", fileId, "partSha1Array", List.of(s1, s2)));
    assertError(r, 400, "bad_request");
    assertThat(r.json().get("message").asText()).contains("minimum part size");
  }

  @Test
  void finishLargeFile_wrongSha1OrOnePart_rejected() {
    String fileId = startLarge();
    String s1 = uploadPart(fileId, 1, B2TestClient.randomBytes(100, 1));
    String s2 = uploadPart(fileId, 2, B2TestClient.randomBytes(10, 2));
    assertError(
        c.call("b2_finish_large_file", Map.of("fileId", fileId, "partSha1Array", List.of(s2, s1))),
        400,
        "part_sha1_mismatch");
    assertError(
        c.call("b2_finish_large_file", Map.of("fileId", fileId, "partSha1Array", List.of(s1))),
        400,
        "bad_request");
    assertError(c.call("b2_finish_large_file", Map.of("fileId", fileId)), 400, "bad_request");
    assertError(
        c.call(
            "b2_finish_large_file", Map.of("fileId", "4_zbogus", "partSha1Array", List.of(s1, s2))),
        400,
        "bad_request");
    c.ok("b2_finish_large_file", Map.of("fileId", fileId, "partSha1Array", List.of(s1, s2)));
  }

  @Test
  void uploadPart_badPartNumber_badRequest() {
    String fileId = startLarge();
    JsonNode u = c.ok("b2_get_upload_part_url", Map.of("fileId", fileId));
    B2TestClient.Res r =
        c.send(
            HttpRequest.newBuilder(URI.create(u.get("uploadUrl").asText()))
                .header("Authorization", u.get("authorizationToken").asText())
                .header("X-Bz-Part-Number", "10001")
                .header("X-Bz-Content-Sha1", B2TestClient.sha1(new byte[] {1}))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));
    assertError(r, 400, "bad_request");
    assertThat(c.ok("b2_list_parts", Map.of("fileId", fileId)).get("parts")).isEmpty();
  }

  @Test
  void cancelLargeFile_unknown_badRequest() {
    assertError(c.call("b2_cancel_large_file", Map.of("fileId", "4_zbogus")), 400, "bad_request");
  }

  @Test
  void copyFile_badDirective_badRequest() {
    JsonNode up = c.upload(bucketId, "src.txt", new byte[] {1, 2}).json();
    String id = up.get("fileId").asText();
    assertError(
        c.call(
            "b2_copy_file",
            Map.of("sourceFileId", id, "fileName", "d.txt", "contentType", "text/plain")),
        400,
        "bad_request");
    assertError(
        c.call(
            "b2_copy_file",
            Map.of("sourceFileId", id, "fileName", "d.txt", "metadataDirective", "REPLACE")),
        400,
        "bad_request");
    assertError(
        c.call(
            "b2_copy_file", Map.of("sourceFileId", id, "fileName", "d.txt", "range", "bytes=0-5")),
        400,
        "bad_request");
    assertThat(fileCount()).isEqualTo(1);
  }

  @Test
  void downloadAuthorization_badDuration_badRequest() {
    assertError(
        c.call(
            "b2_get_download_authorization",
            Map.of("bucketId", bucketId, "fileNamePrefix", "", "validDurationInSeconds", 604801)),
        400,
        "bad_request");
  }

  @Test
  void errorBody_noExtraFields() {
    Iterator<String> names = c.call("b2_nope", Map.of()).json().fieldNames();
    List<String> all = new ArrayList<>();
    names.forEachRemaining(all::add);
    assertThat(all).hasSize(3);
  }
}
