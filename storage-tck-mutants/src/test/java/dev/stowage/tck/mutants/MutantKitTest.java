package dev.stowage.tck.mutants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.Capabilities;
import dev.stowage.Filesystem;
import dev.stowage.tck.runner.CaseResult;
import dev.stowage.tck.runner.KitListener;
import dev.stowage.tck.runner.KitReport;
import dev.stowage.tck.runner.KitRunner;
import dev.stowage.tck.runner.KitTarget;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kit's self-test: every {@link Mutant} on every backend it applies to, each run with the
 * whole kit through {@link KitRunner}. The run puts the mutant's groups first and stops at the
 * first failing case; that case must exist (the kit caught the mutant) and lie in one of the
 * mutant's groups. The unmutated controls are {@link #unmutated_wholeKit_passes} for memory and
 * local, and the adapters' own contract tests, with the same settings, for B2 and S3. After the
 * last run the matrix (mutant × backend × first failing group and case) is printed and written
 * to {@code target/mutant-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutantKitTest {

  @RegisterExtension static final B2EmulatorExtension B2 = B2Backend.extension();

  private final Map<String, Backend> backends = new LinkedHashMap<>();
  private final Map<Mutant, Map<String, String>> matrix = new LinkedHashMap<>();
  private final long started = System.nanoTime();

  @BeforeAll
  void startBackends(@TempDir Path directory) throws Exception {
    backends.put("memory", new MemoryBackend());
    backends.put("local", new LocalBackend(directory));
    backends.put("b2", new B2Backend(B2));
    backends.put("s3", new S3Backend());
  }

  @AfterAll
  void printMatrixAndStop() throws IOException {
    try {
      String table = matrixMarkdown();
      System.out.println(table);
      System.out.println("mutant runs took " + (System.nanoTime() - started) / 1_000_000 + " ms");
      Path out = Path.of("target");
      if (Files.isDirectory(out)) {
        Files.writeString(out.resolve("mutant-matrix.md"), table, StandardCharsets.UTF_8);
      }
    } finally {
      for (Backend b : backends.values()) {
        b.close();
      }
    }
  }

  Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (Mutant mutant : Mutant.values()) {
      for (String backend : List.of("memory", "local", "b2", "s3")) {
        runs.add(Arguments.of(mutant, backend));
      }
    }
    return runs.stream();
  }

  /**
   * The control for the in-process backends: unmutated, with the same runner settings, the whole
   * kit passes (B2 and S3 are the adapters' own contract tests, which run this kit with the same
   * settings in their modules).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"memory", "local"})
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void unmutated_wholeKit_passes(String backendKey) {
    Backend backend = backends.get(backendKey);
    KitTarget target = KitTarget.of(backend.name(), () -> Filesystem.of(backend.adapter()));
    if (backend.pendingUploads() != null) {
      target = target.withPendingUploads(backend.pendingUploads());
    }
    if (backend.storedBytes() != null) {
      target = target.withStoredBytes(backend.storedBytes());
    }

    KitReport report = KitRunner.builder().includeSlow(false).build().runAll(List.of(target));

    assertThat(report.successful()).as(report.toText()).isTrue();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("runs")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void mutant_wholeKit_caughtInItsGroup(Mutant mutant, String backendKey) {
    Backend backend = backends.get(backendKey);
    Capabilities real = backend.capabilities();
    Optional<String> notApplicable = mutant.notApplicable(backend, real);
    if (notApplicable.isPresent()) {
      cell(mutant, backend, "n/a (" + notApplicable.get() + ")");
      assumeTrue(false, notApplicable.get());
    }
    List<String> groups = mutant.groups(real);
    List<CaseResult> failures = new ArrayList<>();
    KitListener listener =
        new KitListener() {
          @Override
          public void testFinished(KitTarget target, CaseResult result) {
            if (result.status() == CaseResult.Status.FAILED) {
              failures.add(result);
            }
          }
        };
    KitTarget target = KitTarget.of(mutant.name(), () -> mutant.open(backend));
    if (backend.pendingUploads() != null) {
      target = target.withPendingUploads(backend.pendingUploads());
    }
    if (backend.storedBytes() != null) {
      target = target.withStoredBytes(backend.storedBytes());
    }
    KitReport report;
    try {
      report =
          KitRunner.builder()
              .listener(listener)
              .includeSlow(false)
              .failFast(true)
              .runFirst(groups.toArray(String[]::new))
              .build()
              .runAll(List.of(target));
    } finally {
      backend.afterRun();
    }

    if (failures.isEmpty()) {
      cell(mutant, backend, "NOT CAUGHT");
    } else {
      String label = mutant.label(real);
      cell(
          mutant,
          backend,
          (label.isEmpty() ? "" : label + ": ")
              + failures.get(0).group()
              + " — `"
              + failures.get(0).name()
              + "`");
    }
    assertThat(report.successful())
        .as("the kit caught '%s' on %s", mutant.description(), backend.name())
        .isFalse();
    assertThat(failures.get(0).group())
        .as(
            "the group of the first case that caught '%s' on %s: %s",
            mutant.description(), backend.name(), failures.get(0))
        .isIn(groups);
    assertThat(failures.get(0).message())
        .as("what caught '%s' on %s", mutant.description(), backend.name())
        .contains(mutant.evidence());
  }

  private synchronized void cell(Mutant mutant, Backend backend, String text) {
    matrix.computeIfAbsent(mutant, m -> new LinkedHashMap<>()).put(backend.name(), text);
  }

  private String matrixMarkdown() {
    StringBuilder b = new StringBuilder("| mutant |");
    backends.values().forEach(x -> b.append(' ').append(x.name()).append(" |"));
    b.append("\n| --- |").append(" --- |".repeat(backends.size())).append('\n');
    matrix.forEach(
        (mutant, cells) -> {
          b.append("| ").append(mutant.description()).append(" |");
          backends
              .values()
              .forEach(x -> b.append(' ').append(cells.getOrDefault(x.name(), "-")).append(" |"));
          b.append('\n');
        });
    return b.toString();
  }
}
