package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
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
        try (B2Emulator e = B2Emulator.builder().fault("b2_upload_file", 1.0, Fault.serviceUnavailable()).start()) {
            B2TestClient c = B2TestClient.authorized(e, 2);
            String bucketId = c.createBucket("faulty", "allPrivate");
            JsonNode url = c.uploadUrl(bucketId);
            B2TestClient.Res r = c.uploadTo(url, "a", new byte[] {1}, B2TestClient.sha1(new byte[] {1}));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("service_unavailable");
            assertThat(r.header("Retry-After")).isNull();
            e.useFaults(FaultPlan.NONE);
            B2TestClient.Res again = c.uploadTo(url, "a", new byte[] {1}, B2TestClient.sha1(new byte[] {1}));
            assertThat(again.status()).isEqualTo(401);
            assertThat(c.upload(bucketId, "a", new byte[] {1}).status()).isEqualTo(200);
        }
    }

    @Test
    void tooManyRequests_withAndWithoutRetryAfter() {
        try (B2Emulator e = B2Emulator.builder()
                .fault("b2_list_buckets", 1.0, Fault.tooManyRequests(Duration.ofMillis(1500)))
                .fault("b2_get_upload_url", 1.0, Fault.tooManyRequests(null)).start()) {
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
        try (B2Emulator e = B2Emulator.builder().fault("b2_list_buckets", 1.0, Fault.expiredToken()).start()) {
            B2TestClient c = B2TestClient.authorized(e, 2);
            assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).code())
                    .isEqualTo("expired_auth_token");
            e.useFaults(FaultPlan.NONE);
            assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).code())
                    .isEqualTo("expired_auth_token");
            c.authorize(e.keyId(), e.applicationKey());
            assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).status()).isEqualTo(200);
        }
    }

    @Test
    void reset_midUpload_connectionDropsAndNothingStored() {
        try (B2Emulator e = B2Emulator.builder().fault("b2_upload_file", 1.0, new Fault.Reset()).start()) {
            B2TestClient c = B2TestClient.authorized(e, 2);
            String bucketId = c.createBucket("resets", "allPrivate");
            byte[] data = B2TestClient.randomBytes(300_000, 1);
            assertThatThrownBy(() -> c.upload(bucketId, "r.bin", data)).isInstanceOf(UncheckedIOException.class);
            assertThat(c.ok("b2_list_file_versions", Map.of("bucketId", bucketId)).get("files")).isEmpty();
        }
    }

    @Test
    void truncate_onDownload_bodyEndsEarly() {
        try (B2Emulator e = B2Emulator.builder().fault("b2_download_file_by_name", 1.0, new Fault.Truncate())
                .start()) {
            B2TestClient c = B2TestClient.authorized(e, 2);
            String bucketId = c.createBucket("truncs", "allPrivate");
            c.upload(bucketId, "t.bin", B2TestClient.randomBytes(100_000, 2));
            assertThatThrownBy(() -> c.download("/file/truncs/t.bin")).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void delay_answersNormally() {
        try (B2Emulator e = B2Emulator.builder()
                .fault("b2_list_buckets", 1.0, new Fault.Delay(Duration.ofMillis(50))).start()) {
            B2TestClient c = B2TestClient.authorized(e, 2);
            assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).status()).isEqualTo(200);
        }
    }

    private static List<Integer> statuses(long seed) {
        FaultPlan plan = FaultPlan.builder().seed(seed).add("*", 0.5, Fault.serviceUnavailable()).build();
        try (B2Emulator e = B2Emulator.builder().faults(plan).keyId("k1").applicationKey("s1").start()) {
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
        assertThatThrownBy(() -> B2Emulator.builder().fault("*", 0.1, new Fault.Reset()).faults(FaultPlan.NONE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Fault.Status(200, "ok", null)).isInstanceOf(IllegalArgumentException.class);
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
            B2TestClient.Res failed = c.uploadTo(url, "a", new byte[] {1}, B2TestClient.sha1(new byte[] {1}),
                    "X-Bz-Test-Mode", "fail_some_uploads");
            assertThat(failed.status()).isEqualTo(503);
            assertThat(c.uploadTo(url, "a", new byte[] {1}, B2TestClient.sha1(new byte[] {1})).status())
                    .isEqualTo(401);

            B2TestClient.Res capped = c.send(withMode(HttpRequest.newBuilder(
                    URI.create(c.url + "/b2api/v2/b2_get_upload_url")).header("Authorization", c.token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bucketId\":\"" + bucketId + "\"}")),
                    "force_cap_exceeded"));
            assertThat(capped.status()).isEqualTo(403);
            assertThat(capped.code()).isEqualTo("storage_cap_exceeded");
            assertThat(c.send(withMode(HttpRequest.newBuilder(URI.create(c.url + "/b2api/v2/b2_list_buckets"))
                    .header("Authorization", c.token).POST(HttpRequest.BodyPublishers.ofString("{}")),
                    "force_cap_exceeded")).code()).isEqualTo("transaction_cap_exceeded");
            assertThat(c.send(withMode(HttpRequest.newBuilder(URI.create(c.url + "/file/test-modes/a"))
                    .header("Authorization", c.token).GET(), "force_cap_exceeded")).code())
                    .isEqualTo("download_cap_exceeded");

            B2TestClient.Res expired = c.send(withMode(HttpRequest.newBuilder(
                    URI.create(c.url + "/b2api/v2/b2_list_buckets")).header("Authorization", c.token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\":\"" + c.accountId + "\"}")),
                    "expire_some_account_authorization_tokens"));
            assertThat(expired.code()).isEqualTo("expired_auth_token");
            assertThat(c.call("b2_list_buckets", Map.of("accountId", c.accountId)).code())
                    .isEqualTo("expired_auth_token");
        }
    }
}
