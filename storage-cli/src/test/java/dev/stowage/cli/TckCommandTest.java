package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.testing.B2EmulatorExtension;
import java.net.URI;
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

  @TempDir
  Path dir;

  @Test
  void tck_memory_printsTheMatrixWritesTheReportsAndExitsZero() throws Exception {
    Path json = dir.resolve("kit.json");
    Path markdown = dir.resolve("kit.md");

    FakeConsole.Result r = new FakeConsole().run("tck", "--quick", "--capabilities", "--json", json.toString(),
        "--markdown", markdown.toString(), "memory:");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("group", "memory:", "total", "time:").contains(" 0✗");
    assertThat(r.err()).contains("tck: memory:: running").contains(" 0 failed");
    assertThat(Files.readString(json)).contains("\"targets\"");
    assertThat(Files.readString(markdown)).contains("| group");
  }

  @Test
  void tck_unreachableTarget_reportsFailuresAndExitsOne() {
    FakeConsole console = new FakeConsole().env("B2_APPLICATION_KEY_ID", "nobody").env("B2_APPLICATION_KEY", "nothing");

    FakeConsole.Result r = console.run("tck", "--quick", "b2://no-such-bucket?endpoint=http://127.0.0.1:9&maxAttempts=1");

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
    FakeConsole.Result r = new FakeConsole().env("B2_APPLICATION_KEY_ID", B2.emulator().keyId())
        .env("B2_APPLICATION_KEY", B2.emulator().applicationKey())
        .run("tck", "--quick", "b2://kit-test/kit?endpoint=" + B2.emulator().url());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out() + r.err()).contains(" 0 failed");
  }

  /**
   * Against a deliberately broken server, the B2 emulator flipping one byte of every download
   * while its headers still describe the true content, the command exits 1 and the report names
   * the case that failed and why; with {@code --fail-fast} the rest are reported as not run. (The
   * same server without {@code --fail-fast} fails about 260 cases in every group that reads.)
   */
  @Test
  @Timeout(120)
  void tck_serverFlippingDownloadedBytes_exitsOneAndNamesTheFailingCase() throws Exception {
    try (B2Emulator emulator = B2Emulator.builder()
        .fault("b2_download_file_by_name", 1.0, new Fault.Corrupt())
        .fault("b2_download_file_by_id", 1.0, new Fault.Corrupt())
        .start()) {
      try (B2BucketSetup setup = B2BucketSetup.builder().endpoint(URI.create(emulator.url()))
          .credentials(emulator.keyId(), emulator.applicationKey()).build()) {
        setup.run(BucketSpec.builder("flipped").build());
      }

      FakeConsole.Result r = new FakeConsole().env("B2_APPLICATION_KEY_ID", emulator.keyId())
          .env("B2_APPLICATION_KEY", emulator.applicationKey())
          .run("tck", "--quick", "--fail-fast", "b2://flipped/kit?endpoint=" + emulator.url() + "&maxAttempts=1");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).contains("FAILED on b2://flipped/kit:")
          .containsPattern("\\n  [a-z ]+ › [A-Za-z_]+.*\\n      ReadFailedException: .*integrity")
          .containsPattern("total +[0-9]+✓ [0-9]+↷ 1✗")
          .contains("× not run: fail-fast after ");
    }
  }
}
