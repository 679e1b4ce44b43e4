package dev.stowage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole bench on the embedded targets at tiny sizes: every row must carry a number, or be a
 * peer tool marked absent. Timings are never asserted.
 */
@Timeout(180)
class BenchSmokeTest {

  @Test
  void run_embeddedTargetsTinySizes_everyRowHasANumberOrIsAnAbsentPeer() throws Exception {
    BenchReport report;
    List<String> secrets;
    long start = System.nanoTime();
    try (EmbeddedTargets servers = EmbeddedTargets.start()) {
      secrets = servers.targets().stream().flatMap(t -> t.settings().values().stream()).toList();
      report =
          BenchRunner.builder()
              .smallSize(16 << 10)
              .size(64 << 10)
              .runs(2)
              .listingFiles(200)
              .facade(new FacadeOptions(true, 0, 0, 1, Duration.ofMillis(100)))
              .progress(
                  line ->
                      System.out.printf("%6.1f s  %s%n", (System.nanoTime() - start) / 1e9, line))
              .build()
              .run(servers.targets());
    }

    String text = report.toText();
    System.out.print(text);
    for (BenchRow r : report.rows()) {
      if (r.status() == BenchRow.Status.ABSENT) {
        assertThat(r.client()).as(text).isIn("rclone", "awscli");
      } else {
        assertThat(r.status()).as(r + "\n" + text).isEqualTo(BenchRow.Status.MEASURED);
        assertThat(r.median()).as(r.toString()).isNotNull().isPositive();
      }
    }
    assertThat(report.successful()).isTrue();
    Set<String> targets = report.rows().stream().map(BenchRow::target).collect(Collectors.toSet());
    assertThat(targets).containsExactlyInAnyOrder("memory", "local", "b2-emulator", "s3proxy");
    // Every ceiling the issue asks for is there, and each target's rows are compared with it.
    assertThat(clients(report, "s3proxy")).contains("stowage", "wire", "sdk", "rclone", "awscli");
    assertThat(clients(report, "b2-emulator")).contains("stowage", "wire", "rclone");
    assertThat(clients(report, "local")).contains("stowage", "Files.copy", "Files.walk");
    assertThat(clients(report, "memory")).contains("stowage", "Filesystem", "adapter");
    assertThat(report.rows())
        .filteredOn(r -> r.target().equals("s3proxy") && r.client().equals("stowage"))
        .allSatisfy(r -> assertThat(r.ratio()).isNotNull().isPositive())
        .extracting(BenchRow::scenario)
        .containsExactly(
            Scenario.UPLOAD_SMALL,
            Scenario.UPLOAD_LARGE,
            Scenario.UPLOAD_STREAM,
            Scenario.DOWNLOAD_SMALL,
            Scenario.DOWNLOAD_LARGE,
            Scenario.DOWNLOAD_LARGE_TO_FILE);
    assertThat(report.rows())
        .filteredOn(r -> r.scenario() == Scenario.LIST_DEEP)
        .allSatisfy(r -> assertThat(r.ceiling()).isEqualTo("Files.walk"));

    assertThat(text)
        .contains("s3proxy", "upload 64 KiB (unknown length)", "deep list 200 files", "× wire");
    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.path("rows").size()).isEqualTo(report.rows().size());
    assertThat(secrets).isNotEmpty();
    for (String secret : secrets) {
      assertThat(report.toJson()).doesNotContain(secret);
      assertThat(text).doesNotContain(secret);
    }
  }

  private static List<String> clients(BenchReport report, String target) {
    return report.rows().stream()
        .filter(r -> r.target().equals(target))
        .map(BenchRow::client)
        .distinct()
        .toList();
  }
}
