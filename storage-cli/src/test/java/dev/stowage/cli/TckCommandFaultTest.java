package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.testing.B2EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stowage tck} against a deliberately broken B2 emulator. */
class TckCommandFaultTest {

  /** Flips one byte of every download while the headers still describe the true content. */
  @RegisterExtension
  static final B2EmulatorExtension FLIPPING =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .fault("b2_download_file_by_name", 1.0, new Fault.Corrupt())
                      .fault("b2_download_file_by_id", 1.0, new Fault.Corrupt()))
          .bucket("flipped")
          .perClass();

  /**
   * Against the server flipping downloaded bytes, the command exits 1 and the report names the
   * case that failed and why; with {@code --fail-fast} the rest are reported as not run. (The
   * same server without {@code --fail-fast} fails about 260 cases in every group that reads.)
   */
  @Test
  @Timeout(120)
  void tck_serverFlippingDownloadedBytes_exitsOneAndNamesTheFailingCase() {
    B2Emulator emulator = FLIPPING.emulator();
    FakeConsole.Result r =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", emulator.keyId())
            .env("B2_APPLICATION_KEY", emulator.applicationKey())
            .run(
                "tck",
                "--quick",
                "--fail-fast",
                "b2://flipped/kit?endpoint=" + emulator.url() + "&maxAttempts=1");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAILED on b2://flipped/kit:")
        .containsPattern("\\n  [a-z ]+ › [A-Za-z_]+.*\\n      ReadFailedException: .*integrity")
        .containsPattern("total +[0-9]+✓ [0-9]+↷ 1✗")
        .contains("× not run: fail-fast after ");
  }
}
