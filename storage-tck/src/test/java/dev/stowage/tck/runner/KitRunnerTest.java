package dev.stowage.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.ForwardingAdapter;
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
    KitListener listener =
        new KitListener() {
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

    KitReport report =
        KitRunner.builder()
            .listener(listener)
            .includeSlow(false)
            .build()
            .runAll(List.of(KitTarget.of("memory", "memory:")));

    TargetReport memory = report.target("memory");
    assertThat(events).containsExactly("started memory", "finished memory");
    assertThat(memory.failed()).as(report.toText()).isZero();
    assertThat(memory.passed()).isGreaterThanOrEqualTo(150);
    assertThat(memory.passed() + memory.skipped()).isEqualTo(cases.size());
    assertThat(report.successful()).isTrue();
    assertThat(memory.capabilities())
        .contains("WRITE", "RANGE_READ")
        .doesNotContain("TEMPORARY_URL");
    assertThat(memory.groups())
        .extracting(GroupResult::group)
        .contains(
            "paths",
            "hostile input",
            "write",
            "read",
            "metadata",
            "list",
            "directories",
            "copy",
            "move",
            "delete",
            "visibility",
            "urls",
            "checksums",
            "mime",
            "large objects",
            "concurrency",
            "errors",
            "decorators");
    assertThat(memory.group("hostile input").passed()).isGreaterThanOrEqualTo(40);
    assertThat(memory.groups())
        .flatExtracting(GroupResult::notable)
        .allSatisfy(c -> assertThat(c.message()).as("reason of %s", c.name()).isNotBlank());
    assertThat(memory.group("urls").notable())
        .extracting(CaseResult::message)
        .contains("requires TEMPORARY_URL (not declared by this adapter)");

    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.get("targets").get(0).get("name").asText()).isEqualTo("memory");
    assertThat(json.get("targets").get(0).get("groups").size()).isEqualTo(memory.groups().size());
    // Every case is in the JSON: passed ones by name, the others with their reasons.
    JsonNode paths = json.get("targets").get(0).get("groups").get(0);
    assertThat(paths.get("passedCases").size())
        .isEqualTo(memory.group("paths").passed())
        .isPositive();
    assertThat(memory.groups()).allSatisfy(g -> assertThat(g.passedCases()).hasSize(g.passed()));
    assertThat(report.toMarkdown())
        .startsWith("| group | memory |\n| --- | --- |\n")
        .contains("| WRITE | ✓ |");
    assertThat(report.toText()).contains("paths").contains("total");
    assertThat(report.capabilityTable()).contains("RANGE_READ").contains("max path bytes");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void run_targetThatCannotOpen_reportsFailureInsteadOfThrowing() {
    KitReport report =
        KitRunner.run(
            List.of(
                KitTarget.of(
                    "broken",
                    () -> {
                      throw new IllegalStateException("no such bucket");
                    })));

    TargetReport broken = report.target("broken");
    assertThat(report.successful()).isFalse();
    assertThat(broken.failed()).isPositive();
    assertThat(broken.capabilities()).isEmpty();
    assertThat(report.toText()).contains("FAILED on broken").contains("no such bucket");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void run_failFastWithGroupFirst_stopsAtTheFirstFailureOfThatGroup() {
    List<CaseResult> cases = new ArrayList<>();
    KitListener listener =
        new KitListener() {
          @Override
          public void testFinished(KitTarget target, CaseResult result) {
            cases.add(result);
          }
        };
    KitTarget ignoresDeletes =
        KitTarget.of(
            "ignores deletes",
            () ->
                Filesystem.of(
                    new ForwardingAdapter(MemoryAdapter.create()) {
                      @Override
                      public void delete(String path) {}
                    }));

    KitReport report =
        KitRunner.builder()
            .listener(listener)
            .includeSlow(false)
            .failFast(true)
            .runFirst("delete")
            .build()
            .runAll(List.of(ignoresDeletes));

    TargetReport t = report.target("ignores deletes");
    assertThat(t.failed()).as(report.toText()).isEqualTo(1);
    CaseResult failed =
        cases.stream()
            .filter(c -> c.status() == CaseResult.Status.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.group()).isEqualTo("delete");
    List<CaseResult> after = cases.subList(cases.indexOf(failed) + 1, cases.size());
    // Every later case is skipped: for fail-fast, or first for an undeclared capability.
    assertThat(after)
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(CaseResult.Status.SKIPPED));
    assertThat(after)
        .extracting(CaseResult::message)
        .contains("not run: fail-fast after " + failed.name())
        .allSatisfy(m -> assertThat(m).matches("not run: fail-fast after .*|requires .*"));
    assertThat(cases.subList(0, cases.indexOf(failed)))
        .extracting(CaseResult::group)
        .allMatch("delete"::equals);
  }

  @Test
  void runFirst_unknownGroup_throwsNamingTheGroups() {
    assertThatThrownBy(() -> KitRunner.builder().runFirst("reads"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown kit group 'reads'")
        .hasMessageContaining("large objects");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void run_pendingUploadsProbeReportsLeftovers_largeObjectCasesFail() {
    List<String> asked = new ArrayList<>();
    KitTarget leaky =
        KitTarget.of(
                "leaky",
                () ->
                    Filesystem.of(MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).build()))
            .withPendingUploads(
                root -> {
                  asked.add(root);
                  return List.of(root + "/g5-1/broken.bin");
                });

    KitReport report =
        KitRunner.builder()
            .includeSlow(false)
            .failFast(true)
            .runFirst("large objects")
            .build()
            .runAll(List.of(leaky));

    GroupResult large = report.target("leaky").group("large objects");
    assertThat(large.failed()).as(report.toText()).isEqualTo(1);
    assertThat(large.notable())
        .filteredOn(c -> c.status() == CaseResult.Status.FAILED)
        .singleElement()
        .satisfies(
            c -> assertThat(c.message()).contains("multipart uploads left pending", "broken.bin"));
    assertThat(asked).isNotEmpty().allSatisfy(root -> assertThat(root).matches("tck-[a-z0-9]{10}"));
  }
}
