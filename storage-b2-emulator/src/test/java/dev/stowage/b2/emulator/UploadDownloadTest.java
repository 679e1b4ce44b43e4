package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upload header rules and download answers: encoding, SHA-1 modes, infos, ranges, HEAD, public buckets. */
@Timeout(30)
class UploadDownloadTest {
  @RegisterExtension final B2EmulatorExtension b2 = B2EmulatorExtension.perTest();

  private B2TestClient c;
  private String bucketId;

  @BeforeEach
  void setUp(B2Emulator emulator) {
    c = B2TestClient.authorized(emulator, 2);
    bucketId = c.createBucket("transfer", "allPrivate");
  }

  @Test
  void upload_plusAndPercentEncodedName_decodedAndReEncoded() {
    byte[] data = "x".getBytes();
    JsonNode up = c.upload(bucketId, "dir/a%2Bb+c%20%C3%BC.txt", data).json();
    assertThat(up.get("fileName").asText()).isEqualTo("dir/a+b c ü.txt");
    assertThat(up.get("action").asText()).isEqualTo("upload");
    assertThat(up.get("contentType").asText()).isEqualTo("text/plain");
    assertThat(up.has("size")).isFalse();
    B2TestClient.Res r = c.download("/file/transfer/dir/a%2Bb%20c%20%C3%BC.txt");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("X-Bz-File-Name")).isEqualTo("dir/a%2Bb%20c%20%C3%BC.txt");
    assertThat(c.download("/file/transfer/dir/a%2Bb+c+%C3%BC.txt").body()).isEqualTo(data);
  }

  @Test
  void upload_infosAndB2Headers_storedLowercasedAndServed() {
    JsonNode up =
        c.upload(
                bucketId,
                "i.bin",
                new byte[] {1, 2},
                "Content-Type",
                "application/x-test",
                "X-Bz-Info-Src_Last_Modified_Millis",
                "1700000000000",
                "X-Bz-Info-Note",
                "hello%20world%2B",
                "X-Bz-Info-b2-content-disposition",
                "attachment; filename=\"i.bin\"",
                "X-Bz-Info-b2-cache-control",
                "max-age=60")
            .json();
    assertThat(up.get("fileInfo").get("src_last_modified_millis").asText())
        .isEqualTo("1700000000000");
    assertThat(up.get("fileInfo").get("note").asText()).isEqualTo("hello world+");
    B2TestClient.Res r = c.download("/file/transfer/i.bin");
    assertThat(r.header("Content-Type")).isEqualTo("application/x-test");
    assertThat(r.header("X-Bz-Info-note")).isEqualTo("hello%20world%2B");
    assertThat(r.header("X-Bz-Info-src_last_modified_millis")).isEqualTo("1700000000000");
    assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"i.bin\"");
    assertThat(r.header("Cache-Control")).isEqualTo("max-age=60");
    assertThat(r.header("X-Bz-Info-b2-cache-control")).isNull();
    assertThat(r.header("X-Bz-Upload-Timestamp")).isEqualTo(up.get("uploadTimestamp").asText());
    assertThat(r.header("X-Bz-File-Id")).isEqualTo(up.get("fileId").asText());
    assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
    B2TestClient.Res overridden =
        c.download("/file/transfer/i.bin?b2ContentDisposition=inline&b2ContentType=text%2Fcsv");
    assertThat(overridden.header("Content-Disposition")).isEqualTo("inline");
    assertThat(overridden.header("Content-Type")).isEqualTo("text/csv");
  }

  @Test
  void upload_hexDigitsAtEndAndDoNotVerify_checksumsRecorded() {
    byte[] data = "payload".getBytes();
    byte[] body = (new String(data) + B2TestClient.sha1(data)).getBytes(StandardCharsets.US_ASCII);
    JsonNode atEnd = c.uploadTo(c.uploadUrl(bucketId), "end.txt", body, "hex_digits_at_end").json();
    assertThat(atEnd.get("contentLength").asLong()).isEqualTo(data.length);
    assertThat(atEnd.get("contentSha1").asText()).isEqualTo(B2TestClient.sha1(data));
    assertThat(c.download("/file/transfer/end.txt").body()).isEqualTo(data);
    JsonNode unverified = c.uploadTo(c.uploadUrl(bucketId), "nv.txt", data, "do_not_verify").json();
    assertThat(unverified.get("contentSha1").asText())
        .isEqualTo("unverified:" + B2TestClient.sha1(data));
  }

  @Test
  void upload_chunkedBody_accepted() {
    JsonNode u = c.uploadUrl(bucketId);
    byte[] data = B2TestClient.randomBytes(70_000, 5);
    B2TestClient.Res r =
        c.send(
            HttpRequest.newBuilder(URI.create(u.get("uploadUrl").asText()))
                .header("Authorization", u.get("authorizationToken").asText())
                .header("X-Bz-File-Name", "chunked.bin")
                .header("Content-Type", "b2/x-auto")
                .header("X-Bz-Content-Sha1", B2TestClient.sha1(data))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(data))));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("contentType").asText()).isEqualTo("application/octet-stream");
    assertThat(c.download("/file/transfer/chunked.bin").body()).isEqualTo(data);
  }

  @Test
  void download_ranges_partialContent() {
    byte[] data = B2TestClient.randomBytes(1000, 9);
    String fileId = c.upload(bucketId, "r.bin", data).json().get("fileId").asText();
    B2TestClient.Res mid = c.download("/file/transfer/r.bin", "Range", "bytes=10-19");
    assertThat(mid.status()).isEqualTo(206);
    assertThat(mid.header("Content-Range")).isEqualTo("bytes 10-19/1000");
    assertThat(mid.header("Content-Length")).isEqualTo("10");
    assertThat(mid.body()).isEqualTo(Arrays.copyOfRange(data, 10, 20));
    assertThat(mid.header("X-Bz-Content-Sha1")).isEqualTo(B2TestClient.sha1(data));
    assertThat(c.download("/file/transfer/r.bin", "Range", "bytes=990-5000").body())
        .isEqualTo(Arrays.copyOfRange(data, 990, 1000));
    assertThat(c.download("/file/transfer/r.bin", "Range", "bytes=-5").body())
        .isEqualTo(Arrays.copyOfRange(data, 995, 1000));
    B2TestClient.Res byId =
        c.download("/b2api/v2/b2_download_file_by_id?fileId=" + fileId, "Range", "bytes=500-");
    assertThat(byId.status()).isEqualTo(206);
    assertThat(byId.body()).isEqualTo(Arrays.copyOfRange(data, 500, 1000));
  }

  @Test
  void head_fullLengthNoBody_andZeroByteFiles() {
    c.upload(bucketId, "h.bin", new byte[1234]);
    c.upload(bucketId, "empty", new byte[0]);
    B2TestClient.Res head =
        c.send(
            HttpRequest.newBuilder(URI.create(c.url + "/file/transfer/h.bin"))
                .header("Authorization", c.token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("1234");
    assertThat(head.body()).isEmpty();
    B2TestClient.Res empty = c.download("/file/transfer/empty");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.header("Content-Length")).isEqualTo("0");
    assertThat(empty.header("Transfer-Encoding")).isNull();
    assertThat(empty.header("X-Bz-Content-Sha1")).isEqualTo(B2TestClient.sha1(new byte[0]));
  }

  @Test
  void publicBucket_anonymousDownload_allowed() {
    String pub = c.createBucket("transfer-public", "allPublic");
    c.upload(pub, "open.txt", "open".getBytes());
    B2TestClient anonymous = new B2TestClient(c.url, 2);
    assertThat(anonymous.download("/file/transfer-public/open.txt").body())
        .isEqualTo("open".getBytes());
    assertThat(anonymous.download("/file/transfer-public/open.txt?Authorization=bogus").status())
        .isEqualTo(401);
  }

  @Test
  void downloadAuthorization_prefixExpiryAndBoundParameters() {
    c.upload(bucketId, "share/a.txt", "shared".getBytes());
    c.upload(bucketId, "private/b.txt", "secret".getBytes());
    String token =
        c.ok(
                "b2_get_download_authorization",
                Map.of(
                    "bucketId",
                    bucketId,
                    "fileNamePrefix",
                    "share/",
                    "validDurationInSeconds",
                    60,
                    "b2ContentDisposition",
                    "attachment"))
            .get("authorizationToken")
            .asText();
    B2TestClient anonymous = new B2TestClient(c.url, 2);
    assertThat(
            anonymous
                .download(
                    "/file/transfer/share/a.txt?Authorization="
                        + token
                        + "&b2ContentDisposition=attachment")
                .body())
        .isEqualTo("shared".getBytes());
    assertThat(anonymous.download("/file/transfer/share/a.txt?Authorization=" + token).status())
        .isEqualTo(401);
    assertThat(
            anonymous
                .download(
                    "/file/transfer/private/b.txt?Authorization="
                        + token
                        + "&b2ContentDisposition=attachment")
                .status())
        .isEqualTo(401);
  }

  @Test
  void copyFile_copyAndReplace_newVersionsStoredAsUploads() {
    byte[] data = B2TestClient.randomBytes(500, 3);
    JsonNode src = c.upload(bucketId, "src.bin", data, "X-Bz-Info-k", "v").json();
    JsonNode copy =
        c.ok(
            "b2_copy_file",
            Map.of("sourceFileId", src.get("fileId").asText(), "fileName", "c.bin"));
    assertThat(copy.get("action").asText()).isEqualTo("copy");
    assertThat(copy.get("fileInfo").get("k").asText()).isEqualTo("v");
    assertThat(copy.get("contentSha1").asText()).isEqualTo(B2TestClient.sha1(data));
    String other = c.createBucket("transfer-dest", "allPrivate");
    JsonNode ranged =
        c.ok(
            "b2_copy_file",
            Map.of(
                "sourceFileId",
                src.get("fileId").asText(),
                "fileName",
                "r.bin",
                "destinationBucketId",
                other,
                "range",
                "bytes=100-199",
                "metadataDirective",
                "REPLACE",
                "contentType",
                "text/plain",
                "fileInfo",
                Map.of("new", "info")));
    assertThat(ranged.get("fileInfo").has("k")).isFalse();
    assertThat(c.download("/file/transfer-dest/r.bin").body())
        .isEqualTo(Arrays.copyOfRange(data, 100, 200));
    JsonNode listed = c.ok("b2_list_file_names", Map.of("bucketId", bucketId)).get("files");
    assertThat(listed.get(0).get("action").asText()).isEqualTo("upload");
  }
}
