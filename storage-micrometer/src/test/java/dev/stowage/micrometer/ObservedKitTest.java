package dev.stowage.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.b2.B2Adapter;
import dev.stowage.b2.B2Config;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.tck.runner.KitReport;
import dev.stowage.tck.runner.KitRunner;
import dev.stowage.tck.runner.KitTarget;
import dev.stowage.testing.B2EmulatorExtension;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance run: the whole compatibility kit (slow cases left out) through the decorator, on
 * the memory adapter and on the B2 adapter against the emulator, then the timers and counters it
 * recorded. The kit passing proves the decorator is transparent; the meters prove it saw the run.
 */
class ObservedKitTest {

  /** Every operation name the decorator can record. */
  private static final Set<String> KNOWN =
      Set.of(
          "file_exists",
          "directory_exists",
          "exists",
          "read",
          "read_stream",
          "write",
          "stat",
          "mime_type",
          "visibility",
          "list",
          "create_directory",
          "delete_directory",
          "copy",
          "move",
          "delete",
          "set_visibility",
          "checksum",
          "public_url",
          "temporary_url",
          "prepare_upload");

  /** The emulator with the small part sizes of the adapter's own contract test and one private bucket. */
  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .recommendedPartSize(16 * 1024)
                      .absoluteMinimumPartSize(4 * 1024))
          .bucket("observed-kit")
          .perClass();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void kit_onMemory_recordsEveryOperationItRan() {
    KitReport report = run("memory", () -> Filesystem.of(MemoryAdapter.create()), "memory");
    assertRecorded(report);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void kit_onB2Emulator_recordsEveryOperationItRan() {
    B2Emulator emulator = B2.emulator();
    KitReport report =
        run(
            "b2 (emulator)",
            () -> {
              B2Adapter adapter =
                  B2Adapter.create(
                      B2Config.builder("observed-kit")
                          .endpoint(URI.create(emulator.url()))
                          .credentials(
                              new B2Credentials(emulator.keyId(), emulator.applicationKey()))
                          .retry(10, Duration.ofMillis(5), Duration.ofMillis(100))
                          .prefix("kit-root")
                          .listPageSize(100)
                          .concurrency(3)
                          .build());
              adapter.directoryExists(
                  ""); // settles the capabilities: a private bucket has no public URLs
              return Filesystem.of(adapter);
            },
            "b2");
    assertRecorded(report);
  }

  private KitReport run(String target, Supplier<Filesystem> open, String adapter) {
    KitReport report =
        KitRunner.builder()
            .includeSlow(false)
            .build()
            .runAll(
                List.of(
                    KitTarget.of(
                        target,
                        () ->
                            ObservedFilesystem.builder(open.get(), meters)
                                .adapter(adapter)
                                .name("kit")
                                .build())));
    assertThat(report.successful()).as(report.toText()).isTrue();
    return report;
  }

  private long active() {
    return meters.find(ObservationNames.OPERATION_OBSERVATION + ".active").longTaskTimers().stream()
        .mapToLong(LongTaskTimer::activeTasks)
        .sum();
  }

  private void assertRecorded(KitReport report) {
    Map<String, Long> byOperation = new TreeMap<>();
    Map<String, Long> errorKinds = new TreeMap<>();
    Set<String> outcomes = new TreeSet<>();
    for (Timer timer : meters.find(ObservationNames.OPERATION_OBSERVATION).timers()) {
      String operation = timer.getId().getTag("operation");
      String outcome = timer.getId().getTag("outcome");
      String kind = timer.getId().getTag("error.kind");
      byOperation.merge(operation, timer.count(), Long::sum);
      outcomes.add(outcome);
      if (outcome.equals("error")) {
        errorKinds.merge(kind, timer.count(), Long::sum);
        if (kind.equals("UNEXPECTED")) {
          System.out.println("unexpected failure: " + timer.getId());
        }
      } else {
        assertThat(kind).as("error.kind of a %s %s", outcome, operation).isEqualTo("none");
      }
      assertThat(timer.getId().getTag("adapter")).isNotEmpty();
    }
    double written = meters.get(ObservationNames.BYTES_WRITTEN).counter().count();
    double read = meters.get(ObservationNames.BYTES_READ).counter().count();
    System.out.println(
        report.toText()
            + "operations "
            + byOperation
            + "\nerror kinds "
            + errorKinds
            + "\nbytes written "
            + (long) written
            + ", read "
            + (long) read);

    assertThat(KNOWN).as("operation names").containsAll(byOperation.keySet());
    assertThat(byOperation)
        .as("one timer per operation the kit runs on every adapter")
        .containsKeys(
            "file_exists",
            "directory_exists",
            "exists",
            "read",
            "read_stream",
            "write",
            "stat",
            "mime_type",
            "list",
            "create_directory",
            "delete_directory",
            "copy",
            "move",
            "delete",
            "checksum");
    assertThat(outcomes).contains("success", "error").isSubsetOf("success", "error", "abandoned");
    List<String> capabilities = report.targets().get(0).capabilities();
    assertThat(errorKinds)
        .as("the failures the kit provokes")
        .containsKeys("NOT_FOUND", "INVALID_INPUT", "IS_A_DIRECTORY", "UNSUPPORTED");
    if (capabilities.contains("CREATE_ONLY")) {
      assertThat(errorKinds).containsKey("ALREADY_EXISTS");
    }
    if (capabilities.contains("RANGE_NOT_SATISFIABLE")) {
      assertThat(errorKinds).containsKey("RANGE_NOT_SATISFIABLE");
    }
    // Plausible byte totals: the kit writes and reads back multi-part objects (megabytes), and
    // not more than it could have moved. Exact equality is proven in ObservedFilesystemTest.
    assertThat(written).isBetween(1024.0 * 1024, 1024.0 * 1024 * 1024);
    assertThat(read).isBetween(1024.0 * 1024, written * 2);
    // Nothing stays observed: every stream and listing the kit opened has ended (a dropped one
    // ends once collected).
    try {
      ObservedFilesystemTest.awaitCollected(() -> active() == 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
