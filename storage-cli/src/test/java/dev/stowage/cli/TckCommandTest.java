package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.B2EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage tck} on targets given by URI (the built-in set is run by the packaged-jar test). */
@Timeout(600)
class TckCommandTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().bucket("kit-test").perClass();

  @TempDir Path dir;

  @Test
  void tck_memory_printsTheMatrixWritesTheReportsAndExitsZero() throws Exception {
    Path json = dir.resolve("kit.json");
    Path markdown = dir.resolve("kit.md");

    FakeConsole.Result r =
        new FakeConsole()
            .run(
                "tck",
                "--quick",
                "--capabilities",
                "--json",
                json.toString(),
                "--markdown",
                markdown.toString(),
                "memory:");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("group", "memory:", "total", "time:").contains(" 0✗");
    assertThat(r.err()).contains("tck: memory:: running").contains(" 0 failed");
    assertThat(Files.readString(json)).contains("\"targets\"");
    assertThat(Files.readString(markdown)).contains("| group");
  }

  @Test
  void tck_unreachableTarget_reportsFailuresAndExitsOne() {
    FakeConsole console =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", "nobody")
            .env("B2_APPLICATION_KEY", "nothing");

    FakeConsole.Result r =
        console.run(
            "tck", "--quick", "b2://no-such-bucket?endpoint=http://127.0.0.1:9&maxAttempts=1");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("b2://no-such-bucket");
  }

  /**
   * The kit through the command against the B2 emulator, as {@code ./stowage tck} runs it: a
   * private bucket, whose adapter learns on its first call that it has no public URLs.
   */
  @Test
  @Timeout(240)
  void tck_b2EmulatorPrivateBucket_passesEveryCase() throws Exception {
    FakeConsole.Result r =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", B2.emulator().keyId())
            .env("B2_APPLICATION_KEY", B2.emulator().applicationKey())
            .run("tck", "--quick", "b2://kit-test/kit?endpoint=" + B2.emulator().url());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out() + r.err()).contains(" 0 failed");
  }
}
