package dev.stowage.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class KitRunnerTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void run_memoryUri_reportsEveryGroupWithoutFailures() throws Exception {
    List<String> events = new ArrayList<>();
    List<CaseResult> cases = new ArrayList<>();
    KitListener listener = new KitListener() {
      @Override
      public void targetStarted(KitTarget target) {
        events.add("started " + target.name());
      }

      @Override
      public void testFinished(KitTarget target, CaseResult result) {
        cases.add(result);
      }

      @Override
      public void targetFinished(TargetReport report) {
        events.add("finished " + report.name());
      }
    };

    KitReport report = KitRunner.builder().listener(listener).includeSlow(false).build()
        .runAll(List.of(KitTarget.of("memory", "memory:")));

    TargetReport memory = report.target("memory");
    assertThat(events).containsExactly("started memory", "finished memory");
    assertThat(memory.failed()).as(report.toText()).isZero();
    assertThat(memory.passed()).isGreaterThanOrEqualTo(150);
    assertThat(memory.passed() + memory.skipped()).isEqualTo(cases.size());
    assertThat(report.successful()).isTrue();
    assertThat(memory.capabilities()).contains("WRITE", "RANGE_READ").doesNotContain("TEMPORARY_URL");
    assertThat(memory.groups()).extracting(GroupResult::group)
        .contains("paths", "hostile input", "write", "read", "metadata", "list", "directories", "copy",
            "move", "delete", "visibility", "urls", "checksums", "mime", "large objects", "concurrency",
            "errors", "decorators");
    assertThat(memory.group("hostile input").passed()).isGreaterThanOrEqualTo(40);
    assertThat(memory.groups()).flatExtracting(GroupResult::notable)
        .allSatisfy(c -> assertThat(c.message()).as("reason of %s", c.name()).isNotBlank());
    assertThat(memory.group("urls").notable()).extracting(CaseResult::message)
        .contains("requires TEMPORARY_URL (not declared by this adapter)");

    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.get("targets").get(0).get("name").asText()).isEqualTo("memory");
    assertThat(json.get("targets").get(0).get("groups").size()).isEqualTo(memory.groups().size());
    assertThat(report.toMarkdown()).startsWith("| group | memory |\n| --- | --- |\n")
        .contains("| WRITE | ✓ |");
    assertThat(report.toText()).contains("paths").contains("total");
    assertThat(report.capabilityTable()).contains("RANGE_READ").contains("max path bytes");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void run_targetThatCannotOpen_reportsFailureInsteadOfThrowing() {
    KitReport report = KitRunner.run(List.of(KitTarget.of("broken", () -> {
      throw new IllegalStateException("no such bucket");
    })));

    TargetReport broken = report.target("broken");
    assertThat(report.successful()).isFalse();
    assertThat(broken.failed()).isPositive();
    assertThat(broken.capabilities()).isEmpty();
    assertThat(report.toText()).contains("FAILED on broken").contains("no such bucket");
  }
}
