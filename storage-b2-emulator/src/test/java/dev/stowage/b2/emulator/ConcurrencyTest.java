package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen clients upload and download at once, each a fixed number of rounds bounded by a deadline: no error
 * and no corrupted byte, with the memory and the directory store.
 */
@Tag("slow")
@Timeout(120)
class ConcurrencyTest {
  private static final int CLIENTS = 16;
  private static final int ROUNDS = 20;
  private static final long DEADLINE_MS = 30_000;

  @TempDir Path data;

  @Test
  void sixteenClients_memoryStore_noErrorNoCorruption() throws Exception {
    try (B2Emulator emulator = B2Emulator.builder().start()) {
      hammer(emulator);
    }
  }

  @Test
  void sixteenClients_directoryStore_noErrorNoCorruption() throws Exception {
    try (B2Emulator emulator = B2Emulator.builder().dataDirectory(data).start()) {
      hammer(emulator);
    }
  }

  private static void hammer(B2Emulator emulator) throws Exception {
    B2TestClient admin = B2TestClient.authorized(emulator, 2);
    String bucketId = admin.createBucket("concurrent", "allPrivate");
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int client = i;
      results.add(
          pool.submit((Callable<Integer>) () -> client(emulator, bucketId, client, deadline)));
    }
    int rounds = 0;
    for (Future<Integer> f : results) {
      rounds += f.get(100, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(rounds).isGreaterThanOrEqualTo(CLIENTS);
    JsonNode all =
        admin
            .ok("b2_list_file_versions", Map.of("bucketId", bucketId, "maxFileCount", 10000))
            .get("files");
    // every round stored one private and one shared version
    assertThat(all.size()).isEqualTo(2 * rounds);
  }

  /** Runs rounds until done or past the deadline; returns how many rounds completed, each fully checked. */
  private static int client(B2Emulator emulator, String bucketId, int client, long deadline) {
    B2TestClient c = B2TestClient.authorized(emulator, client % 2 == 0 ? 2 : 1);
    JsonNode uploadUrl = c.uploadUrl(bucketId);
    Random random = new Random(client);
    int done = 0;
    for (int round = 0; round < ROUNDS && System.currentTimeMillis() < deadline; round++) {
      byte[] data = new byte[random.nextInt(200_000)];
      random.nextBytes(data);
      String name = "client-" + client + "/file-" + round + ".bin";
      B2TestClient.Res up = c.uploadTo(uploadUrl, name, data, B2TestClient.sha1(data));
      assertThat(up.status()).as(up.toString()).isEqualTo(200);
      B2TestClient.Res shared =
          c.uploadTo(
              uploadUrl,
              "shared.bin",
              data,
              "hex_digits_at_end",
              "Content-Type",
              "application/octet-stream");
      assertThat(shared.status()).isEqualTo(400);
      byte[] withTrailer = new byte[data.length + 40];
      System.arraycopy(data, 0, withTrailer, 0, data.length);
      System.arraycopy(B2TestClient.sha1(data).getBytes(), 0, withTrailer, data.length, 40);
      assertThat(c.uploadTo(uploadUrl, "shared.bin", withTrailer, "hex_digits_at_end").status())
          .isEqualTo(200);

      byte[] byName = c.download("/file/concurrent/" + name).body();
      assertThat(B2TestClient.sha1(byName)).isEqualTo(B2TestClient.sha1(data));
      String fileId = up.json().get("fileId").asText();
      byte[] byId =
          c.download(
                  "/b2api/v" + c.version + "/b2_download_file_by_id?fileId=" + fileId,
                  "Range",
                  "bytes=1-")
              .body();
      assertThat(byId).hasSize(Math.max(0, data.length - 1));
      if (data.length > 1) {
        assertThat(B2TestClient.sha1(byId))
            .isEqualTo(B2TestClient.sha1(java.util.Arrays.copyOfRange(data, 1, data.length)));
      }
      JsonNode listed =
          c.ok(
                  "b2_list_file_names",
                  Map.of(
                      "bucketId",
                      bucketId,
                      "prefix",
                      "client-" + client + "/",
                      "maxFileCount",
                      1000))
              .get("files");
      assertThat(listed).hasSize(round + 1);
      done++;
    }
    return done;
  }
}
