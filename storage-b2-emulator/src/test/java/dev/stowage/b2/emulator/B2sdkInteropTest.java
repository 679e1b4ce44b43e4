package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the emulator with the real b2sdk (Debian python3-b2sdk) through
 * {@code src/test/resources/interop/b2sdk_scenario.py}, which checks bytes and SHA-1 at every step. Skipped
 * when the system Python or b2sdk is missing. Uses the system interpreter on purpose: a {@code python3} shim
 * on PATH may not see Debian's packages; {@code STOWAGE_PYTHON} overrides it.
 */
@Tag("interop")
@Timeout(300)
class B2sdkInteropTest {
  @TempDir Path work;

  static Path python() throws Exception {
    String override = System.getenv("STOWAGE_PYTHON");
    Path python = Processes.find(override == null ? "/usr/bin/python3" : override);
    assumeTrue(
        python != null, "system python3 not found: install Debian python3-b2sdk to run this test");
    Processes.Result probe =
        Processes.run(
            List.of(python.toString(), "-c", "import b2sdk.v2"),
            Map.of(),
            Files.createTempDirectory("probe"),
            60);
    assumeTrue(
        probe.exit() == 0, "b2sdk not importable by " + python + ": install Debian python3-b2sdk");
    return python;
  }

  @Test
  void b2sdkScenario_againstEmulator_allChecksPass() throws Exception {
    Path python = python();
    Path script = work.resolve("b2sdk_scenario.py");
    try (InputStream in = getClass().getResourceAsStream("/interop/b2sdk_scenario.py")) {
      Files.copy(in, script);
    }
    try (B2Emulator emulator =
        B2Emulator.builder().recommendedPartSize(100_000).absoluteMinimumPartSize(50_000).start()) {
      Processes.Result r =
          Processes.run(
              List.of(
                  python.toString(),
                  script.toString(),
                  emulator.url(),
                  emulator.keyId(),
                  emulator.applicationKey()),
              Map.of("HOME", work.toString()),
              work,
              240);
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out()).as(r.toString()).contains("SCENARIO OK").doesNotContain("FAILED");
      assertThat(r.out().lines().filter(l -> l.startsWith("CHECK ")).count())
          .isGreaterThanOrEqualTo(48);
      // b2sdk derives the file type from the digit after "_f" in the id
      assertThat(r.out())
          .contains(
              "CHECK file_id.small_type",
              "CHECK file_id.large_type",
              "CHECK lock.delete_refused",
              "CHECK lock.delete_bypass",
              "CHECK replication.pending",
              "CHECK replication.cleared");
    }
  }
}
