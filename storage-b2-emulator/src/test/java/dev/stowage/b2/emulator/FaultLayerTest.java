package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Injected faults (per operation, seeded) and the X-Bz-Test-Mode header. */
@Timeout(60)
class FaultLayerTest {

  @Test
  void statusFault_onUpload_answersAndKillsUploadToken() {
    try (B2Emulator e =
        B2Emulator.builder().fault("b2_upload_file", 1.0, Fault.serviceUnavailable()).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("faulty", "allPrivate");
      JsonNode url = c.uploadUrl(bucketId);
      B2TestClient.Res r = c.uploadTo(url, "a", new byte[] {1}, B2TestClient.sha1(new byte[] {1}));
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.code()).isEqualTo("service_unavailable");
      assertThat(r.header("Retry-After")).isNull();
      e.useFaults(FaultPlan.NONE);
      B2TestClient.Res again =
          c.uploadTo(url, "a", new byte[] {1}, B2TestClient.sha1(new byte[] {1}));
      assertThat(again.status()).isEqualTo(401);
      assertThat(c.upload(bucketId, "a", new byte[] {1}).status()).isEqualTo(200);
    }
  }

  @Test
  void after_letsTheFirstCallsPass_thenRefusesEveryLaterOne() {
    FaultPlan plan =
        FaultPlan.builder()
            .after("b2_upload_file", 2, new Fault.Status(403, "storage_cap_exceeded", null))
            .build();
    try (B2Emulator e = B2Emulator.builder().faults(plan).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("capped", "allPrivate");
      assertThat(c.upload(bucketId, "a", new byte[] {1}).status()).isEqualTo(200);
      assertThat(c.upload(bucketId, "b", new byte[] {1}).status()).isEqualTo(200);
      B2TestClient.Res third = c.upload(bucketId, "c", new byte[] {1});
      assertThat(third.status()).isEqualTo(403);
      assertThat(third.code()).isEqualTo("storage_cap_exceeded");
      assertThat(c.upload(bucketId, "d", new byte[] {1}).status()).isEqualTo(403);
      e.useFaults(plan); // a plan put to use again counts from zero
      assertThat(c.upload(bucketId, "e", new byte[] {1}).status()).isEqualTo(200);
    }
  }

  @Test
  void rule_negativePassing_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new FaultPlan.Rule("b2_upload_file", 1.0, Fault.serviceUnavailable(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("passing");
  }

  @Test
  void tooManyRequests_withAndWithoutRetryAfter() {
    try (B2Emulator e =
        B2Emulator.builder()
            .fault("b2_list_buckets", 1.0, Fault.tooManyRequests(Duration.ofMillis(1500)))
            .fault("b2_get_upload_url", 1.0, Fault.tooManyRequests(null))
            .start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      B2TestClient.Res r = c.call("b2_list_buckets", Map.of("accountId", c.accountId));
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.code()).isEqualTo("too_many_requests");
      assertThat(r.header("Retry-After")).isEqualTo("2");
      B2TestClient.Res plain = c.call("b2_get_upload_url", Map.of("bucketId", "x"));
      assertThat(plain.status()).isEqualTo(429);
      assertThat(plain.header("Retry-After")).isNull();
    }
  }

  @Test
  void expiredTokenFault_tokenStaysDeadUntilReauthorize() {
    try (B2Emulator e =
        B2Emulator.builder().fault("b2_list_buckets", 1.0, Fault.expiredToken()).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).code())
          .isEqualTo("expired_auth_token");
      e.useFaults(FaultPlan.NONE);
      assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).code())
          .isEqualTo("expired_auth_token");
      c.authorize(e.keyId(), e.applicationKey());
      assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).status())
          .isEqualTo(200);
    }
  }

  @Test
  void reset_midUpload_connectionDropsAndNothingStored() {
    try (B2Emulator e =
        B2Emulator.builder().fault("b2_upload_file", 1.0, new Fault.Reset()).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("resets", "allPrivate");
      byte[] data = B2TestClient.randomBytes(300_000, 1);
      assertThatThrownBy(() -> c.upload(bucketId, "r.bin", data))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(c.ok("b2_list_file_versions", Map.of("bucketId", bucketId)).get("files"))
          .isEmpty();
    }
  }

  @Test
  void truncate_onDownload_bodyEndsEarly() {
    try (B2Emulator e =
        B2Emulator.builder().fault("b2_download_file_by_name", 1.0, new Fault.Truncate()).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("truncs", "allPrivate");
      c.upload(bucketId, "t.bin", B2TestClient.randomBytes(100_000, 2));
      assertThatThrownBy(() -> c.download("/file/truncs/t.bin"))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void delay_answersNormallyButNotBeforeTheDelay() {
    Duration delay = Duration.ofMillis(700);
    try (B2Emulator e =
        B2Emulator.builder().fault("b2_list_buckets", 1.0, new Fault.Delay(delay)).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      long start = System.nanoTime();
      B2TestClient.Res r = c.call("b2_list_buckets", Map.of("accountId", c.accountId));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(r.status()).isEqualTo(200);
      // a lower bound only: the server cannot answer before it has slept, however slow the machine
      assertThat(took).isGreaterThanOrEqualTo(delay);
    }
  }

  /** Sends a raw GET with the token and returns the socket, positioned after the response head. */
  private static Socket rawGet(B2Emulator e, String path, String token, StringBuilder head)
      throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), e.port());
    s.setSoTimeout(30_000);
    s.getOutputStream()
        .write(
            ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    InputStream in = s.getInputStream();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("connection closed inside the response head: " + head);
      }
      head.append((char) b);
    }
    return s;
  }

  @Test
  void stall_onDownload_sendsHeadThenNothingUntilMaxHold() throws Exception {
    try (B2Emulator e =
        B2Emulator.builder()
            .fault("b2_download_file_by_name", 1.0, new Fault.Stall(Duration.ofSeconds(4)))
            .start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("stalls", "allPrivate");
      byte[] data = B2TestClient.randomBytes(10_000, 5);
      c.upload(bucketId, "s.bin", data);
      StringBuilder head = new StringBuilder();
      try (Socket s = rawGet(e, "/file/stalls/s.bin", c.token, head)) {
        assertThat(head.toString())
            .startsWith("HTTP/1.1 200")
            .containsIgnoringCase("content-length: 10000");
        s.setSoTimeout(1_000);
        assertThatThrownBy(() -> s.getInputStream().read())
            .as("no body byte while stalled")
            .isInstanceOf(SocketTimeoutException.class);
        s.setSoTimeout(30_000);
        int n;
        try {
          n = s.getInputStream().read();
        } catch (java.io.IOException reset) {
          n = -1;
        }
        assertThat(n).as("after the hold the connection closes without the body").isEqualTo(-1);
      }
    }
  }

  @Test
  void stall_heldConnection_endsWhenTheEmulatorCloses() throws Exception {
    B2Emulator e =
        B2Emulator.builder().fault("b2_download_file_by_name", 1.0, Fault.stall()).start();
    StringBuilder head = new StringBuilder();
    try {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("stall-close", "allPrivate");
      c.upload(bucketId, "s.bin", new byte[] {1, 2, 3});
      try (Socket s = rawGet(e, "/file/stall-close/s.bin", c.token, head)) {
        e.close();
        int n;
        try {
          n = s.getInputStream().read();
        } catch (java.io.IOException reset) {
          n = -1;
        }
        assertThat(n).isEqualTo(-1);
      }
    } finally {
      e.close();
    }
    assertThat(Fault.stall()).isEqualTo(new Fault.Stall(Duration.ofMinutes(5)));
  }

  @Test
  void corrupt_onDownload_flipsExactlyOneByteAndKeepsTheTrueSha1() {
    try (B2Emulator e = B2Emulator.builder().fault("*", 1.0, new Fault.Corrupt()).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("corrupts", "allPrivate");
      byte[] data = B2TestClient.randomBytes(50_000, 6);
      assertThat(c.upload(bucketId, "c.bin", data).status())
          .as("uploads are not corrupted")
          .isEqualTo(200);
      B2TestClient.Res r = c.download("/file/corrupts/c.bin");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-Bz-Content-Sha1")).isEqualTo(B2TestClient.sha1(data));
      assertThat(r.body()).hasSameSizeAs(data);
      int differing = 0;
      for (int i = 0; i < data.length; i++) {
        if (r.body()[i] != data[i]) {
          differing++;
          assertThat((byte) (r.body()[i] ^ data[i])).isEqualTo((byte) 0xff);
        }
      }
      assertThat(differing).isEqualTo(1);
      B2TestClient.Res range = c.download("/file/corrupts/c.bin", "Range", "bytes=100-199");
      assertThat(range.status()).isEqualTo(206);
      assertThat(range.body())
          .hasSize(100)
          .isNotEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
    }
  }

  @Test
  void corruptWholeFilesOnly_leavesRangesAlone() {
    try (B2Emulator e = B2Emulator.builder().fault("*", 1.0, new Fault.Corrupt(false)).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("corrupts-whole", "allPrivate");
      byte[] data = B2TestClient.randomBytes(10_000, 7);
      c.upload(bucketId, "c.bin", data);
      B2TestClient.Res range = c.download("/file/corrupts-whole/c.bin", "Range", "bytes=100-199");
      assertThat(range.status()).isEqualTo(206);
      assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
      assertThat(c.download("/file/corrupts-whole/c.bin").body())
          .hasSameSizeAs(data)
          .isNotEqualTo(data);
    }
  }

  @Test
  void corruptRuleForAll_skipsOtherCalls_soLaterRulesApplyToThem() {
    try (B2Emulator e =
        B2Emulator.builder()
            .fault("*", 1.0, new Fault.Corrupt())
            .fault("b2_list_buckets", 1.0, Fault.serviceUnavailable())
            .start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).status())
          .isEqualTo(503);
    }
  }

  @Test
  void corrupt_onNonDownloadOperation_rejected() {
    assertThatThrownBy(() -> FaultPlan.builder().add("b2_list_buckets", 1.0, new Fault.Corrupt()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("downloads only")
        .hasMessageContaining("b2_list_buckets");
    assertThatThrownBy(() -> new Fault.Stall(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Integer> statuses(long seed) {
    FaultPlan plan =
        FaultPlan.builder().seed(seed).add("*", 0.5, Fault.serviceUnavailable()).build();
    try (B2Emulator e =
        B2Emulator.builder().faults(plan).keyId("k1").applicationKey("s1").start()) {
      e.useFaults(FaultPlan.NONE);
      B2TestClient c = B2TestClient.authorized(e, 2);
      e.useFaults(plan);
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        out.add(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).status());
      }
      return out;
    }
  }

  @Test
  void seededPlan_sameSeed_sameFaults() {
    List<Integer> first = statuses(42);
    assertThat(first).contains(200, 503);
    assertThat(statuses(42)).isEqualTo(first);
    assertThat(statuses(43)).isNotEqualTo(first);
  }

  @Test
  void builder_faultAndPlanTogether_rejected() {
    assertThatThrownBy(
            () -> B2Emulator.builder().fault("*", 0.1, new Fault.Reset()).faults(FaultPlan.NONE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Fault.Status(200, "ok", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.builder().add("*", 1.5, new Fault.Reset()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static HttpRequest.Builder withMode(HttpRequest.Builder b, String mode) {
    return b.header("X-Bz-Test-Mode", mode);
  }

  @Test
  void testMode_allThreeValues_applyTheirEffect() {
    try (B2Emulator e = B2Emulator.builder().testModeFailureRate(1.0).start()) {
      B2TestClient c = B2TestClient.authorized(e, 2);
      String bucketId = c.createBucket("test-modes", "allPrivate");
      JsonNode url = c.uploadUrl(bucketId);
      B2TestClient.Res failed =
          c.uploadTo(
              url,
              "a",
              new byte[] {1},
              B2TestClient.sha1(new byte[] {1}),
              "X-Bz-Test-Mode",
              "fail_some_uploads");
      assertThat(failed.status()).isEqualTo(503);
      assertThat(c.uploadTo(url, "a", new byte[] {1}, B2TestClient.sha1(new byte[] {1})).status())
          .isEqualTo(401);

      B2TestClient.Res capped =
          c.send(
              withMode(
                  HttpRequest.newBuilder(URI.create(c.url + "/b2api/v2/b2_get_upload_url"))
                      .header("Authorization", c.token)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"bucketId\":\"" + bucketId + "\"}")),
                  "force_cap_exceeded"));
      assertThat(capped.status()).isEqualTo(403);
      assertThat(capped.code()).isEqualTo("storage_cap_exceeded");
      assertThat(
              c.send(
                      withMode(
                          HttpRequest.newBuilder(URI.create(c.url + "/b2api/v2/b2_list_buckets"))
                              .header("Authorization", c.token)
                              .POST(HttpRequest.BodyPublishers.ofString("{}")),
                          "force_cap_exceeded"))
                  .code())
          .isEqualTo("transaction_cap_exceeded");
      assertThat(
              c.send(
                      withMode(
                          HttpRequest.newBuilder(URI.create(c.url + "/file/test-modes/a"))
                              .header("Authorization", c.token)
                              .GET(),
                          "force_cap_exceeded"))
                  .code())
          .isEqualTo("download_cap_exceeded");

      B2TestClient.Res expired =
          c.send(
              withMode(
                  HttpRequest.newBuilder(URI.create(c.url + "/b2api/v2/b2_list_buckets"))
                      .header("Authorization", c.token)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"accountId\":\"" + c.accountId + "\"}")),
                  "expire_some_account_authorization_tokens"));
      assertThat(expired.code()).isEqualTo("expired_auth_token");
      assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).code())
          .isEqualTo("expired_auth_token");
    }
  }
}
