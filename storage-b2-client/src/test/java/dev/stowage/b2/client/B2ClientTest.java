package dev.stowage.b2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.b2.emulator.FaultPlan;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class B2ClientTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () -> B2Emulator.builder().recommendedPartSize(2000).absoluteMinimumPartSize(1000))
          .perClass();

  private B2Client client;
  private B2Bucket bucket;

  @BeforeEach
  void setUp() {
    client =
        B2Client.builder()
            .endpoint(URI.create(B2.emulator().url()))
            .credentials(new B2Credentials(B2.emulator().keyId(), B2.emulator().applicationKey()))
            .build();
    bucket =
        client.createBucket(
            new B2CreateBucketRequest(
                "c-" + UUID.randomUUID().toString().substring(0, 12),
                "allPrivate",
                null,
                null,
                null));
  }

  @AfterEach
  void tearDown() {
    B2.emulator().useFaults(FaultPlan.NONE);
    client.close();
  }

  @Test
  void authorize_masterKey_returnsAccountAndPartSizes() {
    B2Authorization auth = client.authorization();
    assertThat(auth.accountId()).isNotBlank();
    assertThat(auth.apiUrl()).isEqualTo(B2.emulator().url());
    assertThat(auth.recommendedPartSize()).isEqualTo(2000);
    assertThat(auth.absoluteMinimumPartSize()).isEqualTo(1000);
    assertThat(auth.toString()).doesNotContain(auth.authorizationToken());
  }

  @Test
  void authorize_wrongKey_throwsUnauthorizedWithoutSecrets() {
    try (B2Client bad =
        B2Client.builder()
            .endpoint(URI.create(B2.emulator().url()))
            .credentials(new B2Credentials(B2.emulator().keyId(), "wrong-secret-value"))
            .build()) {
      assertThatThrownBy(bad::authorization)
          .isInstanceOfSatisfying(
              B2Exception.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.call()).isEqualTo("b2_authorize_account");
                assertThat(e.getMessage())
                    .doesNotContain("wrong-secret-value")
                    .doesNotContain(B2.emulator().keyId());
              });
    }
  }

  @Test
  void listBuckets_byName_findsCreatedBucket() {
    List<B2Bucket> found = client.listBuckets(null, bucket.bucketName());
    assertThat(found).extracting(B2Bucket::bucketId).containsExactly(bucket.bucketId());
    assertThat(client.listBuckets(null, "no-such-bucket-here")).isEmpty();
  }

  @Test
  void updateBucket_wrongRevision_throwsConflict() {
    B2Bucket updated =
        client.updateBucket(
            new B2UpdateBucketRequest(
                bucket.bucketId(), "allPublic", null, null, null, bucket.revision()));
    assertThat(updated.isPublic()).isTrue();
    assertThatThrownBy(
            () ->
                client.updateBucket(
                    new B2UpdateBucketRequest(
                        bucket.bucketId(), "allPrivate", null, null, null, bucket.revision())))
        .isInstanceOfSatisfying(B2Exception.class, e -> assertThat(e.code()).isEqualTo("conflict"));
  }

  @Test
  void uploadFile_withSha1_roundTripsBytesAndInfo() throws IOException {
    byte[] data = "hello b2 ü+%".getBytes(StandardCharsets.UTF_8);
    B2FileVersion v = upload("dir/file name ü+%.txt", data, sha1(data), Map.of("color", "blue ü+"));
    assertThat(v.contentSha1()).isEqualTo(sha1(data));
    assertThat(v.fileInfo()).containsEntry("color", "blue ü+");
    try (B2Download d =
        client.downloadFileByName(bucket.bucketName(), "dir/file name ü+%.txt", null)) {
      assertThat(d.body().readAllBytes()).isEqualTo(data);
      assertThat(d.isPartial()).isFalse();
      assertThat(d.headers().fileName()).isEqualTo("dir/file name ü+%.txt");
      assertThat(d.headers().fileInfo()).containsEntry("color", "blue ü+");
      assertThat(d.headers().sha1OrNull()).isEqualTo(sha1(data));
    }
  }

  @Test
  void uploadFile_hexDigitsAtEnd_storesComputedSha1() throws IOException {
    byte[] data = new byte[5000];
    new java.util.Random(1).nextBytes(data);
    B2FileVersion v = upload("hex.bin", data, null, Map.of());
    assertThat(v.contentSha1()).isEqualTo(sha1(data));
    assertThat(v.contentLength()).isEqualTo(5000);
  }

  @Test
  void uploadFile_wrongSha1_throwsBadRequest() {
    byte[] data = "abc".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> upload("bad.txt", data, sha1("xyz".getBytes(StandardCharsets.UTF_8)), Map.of()))
        .isInstanceOfSatisfying(B2Exception.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(
            client.listFileNames(B2ListFilesRequest.of(bucket.bucketId(), "bad", null, 10)).files())
        .isEmpty();
  }

  @Test
  void download_range_returnsPartialWithTotalSize() throws IOException {
    upload("r.txt", "0123456789".getBytes(StandardCharsets.UTF_8), null, Map.of());
    try (B2Download d = client.downloadFileByName(bucket.bucketName(), "r.txt", "bytes=2-4")) {
      assertThat(d.isPartial()).isTrue();
      assertThat(d.rangeStart()).isEqualTo(2);
      assertThat(d.headers().size()).isEqualTo(10);
      assertThat(new String(d.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("234");
    }
    assertThatThrownBy(() -> client.downloadFileByName(bucket.bucketName(), "r.txt", "bytes=10-"))
        .isInstanceOfSatisfying(B2Exception.class, e -> assertThat(e.status()).isEqualTo(416));
  }

  @Test
  void head_missingFile_throwsNotFound() {
    assertThatThrownBy(() -> client.headFileByName(bucket.bucketName(), "missing.txt"))
        .isInstanceOfSatisfying(
            B2Exception.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("not_found");
            });
  }

  @Test
  void largeFile_partsThenFinish_downloadsWhole() throws IOException {
    byte[] data = new byte[2500];
    new java.util.Random(2).nextBytes(data);
    B2FileVersion started =
        client.startLargeFile(
            new B2StartLargeFileRequest(
                bucket.bucketId(),
                "big.bin",
                "application/octet-stream",
                Map.of("large_file_sha1", sha1(data))));
    assertThat(started.action()).isEqualTo("start");
    B2UploadUrl url = client.getUploadPartUrl(started.fileId());
    List<String> sha1s = new ArrayList<>();
    sha1s.add(
        client
            .uploadPart(url, 1, 1500, null, new ByteArrayInputStream(data, 0, 1500))
            .contentSha1());
    sha1s.add(
        client
            .uploadPart(url, 2, 1000, null, new ByteArrayInputStream(data, 1500, 1000))
            .contentSha1());
    assertThat(client.listParts(started.fileId(), null, 0).parts()).hasSize(2);
    B2FileVersion done = client.finishLargeFile(started.fileId(), sha1s);
    assertThat(done.contentLength()).isEqualTo(2500);
    assertThat(done.sha1OrNull()).isEqualTo(sha1(data));
    try (B2Download d = client.downloadFileById(done.fileId(), null)) {
      assertThat(d.body().readAllBytes()).isEqualTo(data);
      assertThat(d.headers().sha1OrNull()).isEqualTo(sha1(data));
    }
  }

  @Test
  void cancelLargeFile_removesUnfinished() {
    B2FileVersion started =
        client.startLargeFile(
            new B2StartLargeFileRequest(bucket.bucketId(), "x.bin", "b2/x-auto", Map.of()));
    assertThat(client.listUnfinishedLargeFiles(bucket.bucketId(), null, null, 0).files())
        .hasSize(1);
    client.cancelLargeFile(started.fileId());
    assertThat(client.listUnfinishedLargeFiles(bucket.bucketId(), null, null, 0).files()).isEmpty();
  }

  @Test
  void hideAndVersions_hiddenFileLeavesNameListing() throws IOException {
    B2FileVersion v = upload("h.txt", new byte[] {1}, null, Map.of());
    client.hideFile(bucket.bucketId(), "h.txt");
    assertThat(
            client.listFileNames(B2ListFilesRequest.of(bucket.bucketId(), null, null, 0)).files())
        .isEmpty();
    B2FileVersionsPage versions =
        client.listFileVersions(B2ListFilesRequest.of(bucket.bucketId(), null, null, 0));
    assertThat(versions.files())
        .extracting(B2FileVersion::action)
        .containsExactly("hide", "upload");
    client.deleteFileVersion("h.txt", v.fileId());
    assertThatThrownBy(() -> client.deleteFileVersion("h.txt", v.fileId()))
        .isInstanceOfSatisfying(B2Exception.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void listFileNames_delimiter_collapsesFolders() throws IOException {
    upload("p/a.txt", new byte[] {1}, null, Map.of());
    upload("p/sub/b.txt", new byte[] {1}, null, Map.of());
    B2FileNamesPage page =
        client.listFileNames(B2ListFilesRequest.of(bucket.bucketId(), "p/", "/", 1000));
    assertThat(page.files())
        .extracting(B2FileVersion::fileName)
        .containsExactly("p/a.txt", "p/sub/");
    assertThat(page.files().get(1).isFolder()).isTrue();
  }

  @Test
  void copyFile_replace_changesTypeAndInfo() throws IOException {
    B2FileVersion src =
        upload("src.txt", "copy me".getBytes(StandardCharsets.UTF_8), null, Map.of("a", "1"));
    B2FileVersion copy =
        client.copyFile(
            B2CopyFileRequest.replace(src.fileId(), "dst.txt", "text/x-test", Map.of("b", "2")));
    B2FileVersion info = client.getFileInfo(copy.fileId());
    assertThat(info.contentType()).isEqualTo("text/x-test");
    assertThat(info.fileInfo()).containsEntry("b", "2").doesNotContainKey("a");
    B2FileVersion same = client.copyFile(B2CopyFileRequest.copy(src.fileId(), "dst2.txt"));
    assertThat(client.getFileInfo(same.fileId()).fileInfo()).containsEntry("a", "1");
  }

  @Test
  void downloadAuthorization_tokenReadsOnlyItsPrefix() throws IOException {
    upload("shared/a.txt", "A".getBytes(StandardCharsets.UTF_8), null, Map.of());
    B2DownloadAuthorization auth =
        client.getDownloadAuthorization(
            new B2DownloadAuthorizationRequest(bucket.bucketId(), "shared/", 60, null));
    assertThat(auth.toString()).doesNotContain(auth.authorizationToken());
    URI url =
        URI.create(
            client.fileUrl(bucket.bucketName(), "shared/a.txt")
                + "?Authorization="
                + B2Client.percentEncode(auth.authorizationToken()));
    try (InputStream in = url.toURL().openStream()) {
      assertThat(in.readAllBytes()).isEqualTo("A".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void keys_createListDelete_restrictedKeyWorks() {
    B2Key key =
        client.createKey(
            new B2CreateKeyRequest(
                "reader",
                List.of("listFiles", "readFiles", "listBuckets"),
                null,
                bucket.bucketId(),
                "pre/"));
    assertThat(key.applicationKey()).isNotBlank();
    assertThat(key.toString()).doesNotContain(key.applicationKey());
    assertThat(client.listKeys(null, 0).keys())
        .extracting(B2Key::applicationKeyId)
        .contains(key.applicationKeyId());
    try (B2Client narrow =
        B2Client.builder()
            .endpoint(URI.create(B2.emulator().url()))
            .credentials(new B2Credentials(key.applicationKeyId(), key.applicationKey()))
            .build()) {
      B2Allowed allowed = narrow.authorization().allowed();
      assertThat(allowed.bucketId()).isEqualTo(bucket.bucketId());
      assertThat(allowed.namePrefix()).isEqualTo("pre/");
      assertThat(
              narrow
                  .listFileNames(B2ListFilesRequest.of(bucket.bucketId(), "pre/", null, 10))
                  .files())
          .isEmpty();
      assertThatThrownBy(
              () -> narrow.listFileNames(B2ListFilesRequest.of(bucket.bucketId(), "", null, 10)))
          .isInstanceOfSatisfying(
              B2Exception.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
    }
    client.deleteKey(key.applicationKeyId());
    assertThat(client.listKeys(null, 0).keys())
        .extracting(B2Key::applicationKeyId)
        .doesNotContain(key.applicationKeyId());
  }

  @Test
  void expiredToken_callIsRepeatedAfterReauthorizing() {
    String before = client.authorization().authorizationToken();
    B2.emulator()
        .useFaults(
            FaultPlan.builder().add("b2_list_file_names", 1.0, Fault.expiredToken()).build());
    assertThatThrownBy(
            () -> client.listFileNames(B2ListFilesRequest.of(bucket.bucketId(), null, null, 1)))
        .isInstanceOfSatisfying(
            B2Exception.class, e -> assertThat(e.code()).isEqualTo("expired_auth_token"));
    B2.emulator()
        .useFaults(
            FaultPlan.builder()
                .add("b2_list_file_names", 0.5, Fault.expiredToken())
                .seed(7)
                .build());
    int repeated = 0;
    int failed = 0;
    for (int i = 0; i < 20; i++) {
      // Each call survives one expiry: the interceptor authorises again and repeats it.
      String token = client.authorization().authorizationToken();
      try {
        client.listFileNames(B2ListFilesRequest.of(bucket.bucketId(), null, null, 1));
        if (!client.authorization().authorizationToken().equals(token)) {
          repeated++; // it met an expiry, authorised again and still succeeded
        }
      } catch (B2Exception e) {
        assertThat(e.code()).isEqualTo("expired_auth_token"); // two expiries in a row
        failed++;
      }
    }
    assertThat(repeated).as("calls that succeeded after an expiry").isPositive();
    assertThat(failed).as("calls that met two expiries in a row").isLessThan(20 - repeated);
    assertThat(client.authorization().authorizationToken()).isNotEqualTo(before);
  }

  @Test
  void serverError_carriesStatusCodeAndRetryAfter() {
    B2.emulator()
        .useFaults(
            FaultPlan.builder()
                .add(
                    "b2_get_upload_url",
                    1.0,
                    Fault.tooManyRequests(java.time.Duration.ofSeconds(3)))
                .build());
    assertThatThrownBy(() -> client.getUploadUrl(bucket.bucketId()))
        .isInstanceOfSatisfying(
            B2Exception.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.code()).isEqualTo("too_many_requests");
              assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(3));
            });
  }

  private B2FileVersion upload(String name, byte[] data, String sha1, Map<String, String> info) {
    B2UploadUrl url = client.getUploadUrl(bucket.bucketId());
    return client.uploadFile(
        url,
        new B2UploadFileRequest(name, "b2/x-auto", data.length, sha1, info),
        new ByteArrayInputStream(data));
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
