package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line: flags, the "listening on" line, and a restart over the same --data directory. */
@Timeout(120)
class MainTest {
  private static final Pattern LISTENING =
      Pattern.compile("B2 emulator listening on (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path data;

  /** A running emulator process and the lines it printed at start-up. */
  private record Running(Process process, String url, List<String> lines) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static Running start(String... flags) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(List.of(flags));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String url = null;
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.matches()) {
        url = m.group(1);
      }
      if (line.startsWith("application key:")
          || (line.startsWith("key id:") && List.of(flags).contains("--application-key"))) {
        break;
      }
    }
    assertThat(url).as("output: %s", lines).isNotNull();
    return new Running(p, url, lines);
  }

  @Test
  void main_withFlagsAndData_servesAndSurvivesRestart() throws Exception {
    String bucketId;
    try (Running first =
        start(
            "--port",
            "0",
            "--key-id",
            "cli0key",
            "--application-key",
            "cli-secret",
            "--data",
            data.toString(),
            "--recommended-part-size",
            "1000",
            "--absolute-minimum-part-size",
            "500")) {
      assertThat(first.lines()).contains("key id: cli0key");
      assertThat(String.join("\n", first.lines())).doesNotContain("cli-secret");
      B2TestClient c = new B2TestClient(first.url(), 2);
      assertThat(c.authorize("cli0key", "cli-secret").get("recommendedPartSize").asLong())
          .isEqualTo(1000);
      bucketId = c.createBucket("from-the-cli", "allPrivate");
      assertThat(c.upload(bucketId, "kept.txt", "kept".getBytes()).status()).isEqualTo(200);
    }
    try (Running second = start("--data", data.toString())) {
      assertThat(second.lines()).contains("key id: cli0key");
      B2TestClient c = new B2TestClient(second.url(), 2);
      c.authorize("cli0key", "cli-secret");
      assertThat(
              c.ok("b2_list_buckets", Map.of("accountId", c.accountId))
                  .get("buckets")
                  .get(0)
                  .get("bucketId")
                  .asText())
          .isEqualTo(bucketId);
      assertThat(c.download("/file/from-the-cli/kept.txt").body()).isEqualTo("kept".getBytes());
    }
  }

  @Test
  void main_generatedKey_printedOnce() throws Exception {
    try (Running r = start()) {
      String key =
          r.lines().stream()
              .filter(l -> l.startsWith("application key: "))
              .findFirst()
              .orElseThrow()
              .substring("application key: ".length());
      String keyId =
          r.lines().stream()
              .filter(l -> l.startsWith("key id: "))
              .findFirst()
              .orElseThrow()
              .substring("key id: ".length());
      assertThat(new B2TestClient(r.url(), 1).authorize(keyId, key).get("accountId").asText())
          .isEqualTo(keyId);
    }
  }

  @Test
  void main_restartFromData_neverPrintsTheStoredKey() throws Exception {
    String key;
    try (Running first = start("--data", data.toString())) {
      key =
          first.lines().stream()
              .filter(l -> l.startsWith("application key: "))
              .findFirst()
              .orElseThrow()
              .substring("application key: ".length());
    }
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--data",
            data.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder printed = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        printed.append(line).append('\n');
        if (line.startsWith("application key:")) {
          break;
        }
      }
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    assertThat(printed.toString())
        .contains("B2 emulator listening on")
        .doesNotContain(key)
        .contains(
            "application key: not shown; kept in " + data.resolve("account.json").toAbsolutePath());
  }

  @Test
  void main_unknownFlag_exitsWithUsage() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--bogus",
                "1")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).contains("unknown flag --bogus").contains("usage:");
  }
}
