package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the emulator with the real rclone (Debian package; it speaks {@code /b2api/v1}). Every scenario checks
 * bytes and SHA-1, on the rclone side and on the emulator side. Skipped when rclone is not installed.
 */
@Tag("interop")
@Timeout(180)
class RcloneInteropTest {
  private static final int LARGE = 11 * 1024 * 1024 + 12345;

  private static Path rclone;
  private static B2Emulator emulator;
  private static B2TestClient api;

  @TempDir Path work;

  @BeforeAll
  static void start() {
    rclone = Processes.find("rclone", "/usr/bin/rclone");
    assumeTrue(
        rclone != null, "rclone not installed (apt-get install rclone); skipping rclone interop");
    emulator = B2Emulator.builder().start();
    api = B2TestClient.authorized(emulator, 2);
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private Processes.Result rclone(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                rclone.toString(),
                "--config",
                work.resolve("rclone.conf").toString(),
                "--low-level-retries",
                "2",
                "--retries",
                "1",
                "--b2-chunk-size",
                "5M",
                "--b2-upload-cutoff",
                "5M"));
    cmd.addAll(Arrays.asList(args));
    Map<String, String> env = new HashMap<>();
    env.put("RCLONE_CONFIG_EMU_TYPE", "b2");
    env.put("RCLONE_CONFIG_EMU_ACCOUNT", emulator.keyId());
    env.put("RCLONE_CONFIG_EMU_KEY", emulator.applicationKey());
    env.put("RCLONE_CONFIG_EMU_ENDPOINT", emulator.url());
    env.put("HOME", work.toString());
    return Processes.run(cmd, env, work, 150);
  }

  private Processes.Result ok(String... args) throws Exception {
    Processes.Result r = rclone(args);
    assertThat(r.exit()).as("rclone %s\n%s", String.join(" ", args), r).isZero();
    return r;
  }

  private JsonNode versions(String bucket, String prefix) {
    String bucketId =
        api.ok("b2_list_buckets", Map.of("accountId", api.accountId, "bucketName", bucket))
            .get("buckets")
            .get(0)
            .get("bucketId")
            .asText();
    return api.ok("b2_list_file_versions", Map.of("bucketId", bucketId, "prefix", prefix))
        .get("files");
  }

  @Test
  void copyListCatCheck_smallAndLargeFiles_bytesAndSha1Match() throws Exception {
    Path src = Files.createDirectories(work.resolve("src"));
    byte[] small = "hello from rclone, with a name that needs encoding\n".getBytes();
    byte[] large = B2TestClient.randomBytes(LARGE, 11);
    Files.write(src.resolve("small + file ü.txt"), small);
    Files.write(src.resolve("large.bin"), large);
    ok("mkdir", "emu:rclone-copy");
    ok("copy", src.toString(), "emu:rclone-copy/dir");

    String lsl = ok("lsl", "emu:rclone-copy").out();
    assertThat(lsl)
        .contains(small.length + " ")
        .contains("dir/small + file ü.txt")
        .contains(LARGE + " ")
        .contains("dir/large.bin");
    String sums = ok("sha1sum", "emu:rclone-copy/dir").out();
    assertThat(sums)
        .contains(B2TestClient.sha1(small) + "  small + file ü.txt")
        .contains(B2TestClient.sha1(large) + "  large.bin");

    byte[] whole = ok("cat", "emu:rclone-copy/dir/large.bin").stdout();
    assertThat(B2TestClient.sha1(whole)).isEqualTo(B2TestClient.sha1(large));
    byte[] slice =
        ok("cat", "--offset", "5242000", "--count", "2000", "emu:rclone-copy/dir/large.bin")
            .stdout();
    assertThat(slice).isEqualTo(Arrays.copyOfRange(large, 5_242_000, 5_244_000));
    byte[] tail = ok("cat", "--offset", "7", "emu:rclone-copy/dir/small + file ü.txt").stdout();
    assertThat(tail).isEqualTo(Arrays.copyOfRange(small, 7, small.length));
    ok("check", "--download", src.toString(), "emu:rclone-copy/dir");

    JsonNode files = versions("rclone-copy", "dir/");
    assertThat(files).hasSize(2);
    for (JsonNode f : files) {
      byte[] expected = f.get("fileName").asText().endsWith("large.bin") ? large : small;
      assertThat(f.get("contentLength").asLong()).isEqualTo(expected.length);
      byte[] served =
          api.download("/b2api/v2/b2_download_file_by_id?fileId=" + f.get("fileId").asText())
              .body();
      assertThat(B2TestClient.sha1(served)).isEqualTo(B2TestClient.sha1(expected));
    }
    JsonNode largeEntry =
        files.get(0).get("fileName").asText().endsWith("large.bin") ? files.get(0) : files.get(1);
    assertThat(largeEntry.get("contentSha1").asText()).isEqualTo("none");
    assertThat(largeEntry.get("fileInfo").get("large_file_sha1").asText())
        .isEqualTo(B2TestClient.sha1(large));
  }

  @Test
  void deleteVersionsPurge_softAndHardDelete_versionsAsExpected() throws Exception {
    Path src = Files.createDirectories(work.resolve("v"));
    Path file = src.resolve("doc.txt");
    ok("mkdir", "emu:rclone-versions");
    Files.writeString(file, "version one");
    ok("copy", src.toString(), "emu:rclone-versions");
    Files.writeString(file, "version two, longer");
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    ok("copy", src.toString(), "emu:rclone-versions");
    assertThat(ok("cat", "emu:rclone-versions/doc.txt").out()).isEqualTo("version two, longer");

    String withVersions = ok("ls", "--b2-versions", "emu:rclone-versions").out();
    assertThat(withVersions.lines().filter(l -> l.contains("doc")).count()).isEqualTo(2);
    assertThat(withVersions).contains("doc-v");

    ok("delete", "emu:rclone-versions");
    assertThat(ok("ls", "emu:rclone-versions").out()).isBlank();
    JsonNode versions = versions("rclone-versions", "");
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).get("action").asText()).isEqualTo("hide");

    Files.writeString(src.resolve("other.txt"), "hard");
    ok("copy", src.resolve("other.txt").toString(), "emu:rclone-versions");
    ok("delete", "--b2-hard-delete", "emu:rclone-versions/other.txt");
    assertThat(versions("rclone-versions", "other")).isEmpty();

    ok("purge", "emu:rclone-versions");
    assertThat(
            api.ok(
                    "b2_list_buckets",
                    Map.of("accountId", api.accountId, "bucketName", "rclone-versions"))
                .get("buckets"))
        .isEmpty();
  }
}
