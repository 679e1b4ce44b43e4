package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.B2EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stowage setup b2 --retention} against the B2 emulator: sets, reads back, re-runs, refuses bad values. */
@Timeout(60)
class SetupRetentionTest {
  /** No buckets declared: the setup under test makes them. */
  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perClass();

  private static FakeConsole console() {
    return new FakeConsole()
        .env("B2_APPLICATION_KEY_ID", B2.emulator().keyId())
        .env("B2_APPLICATION_KEY", B2.emulator().applicationKey());
  }

  @Test
  void setupB2_retention_setsDefaultRetentionAndSecondRunChangesNothing() {
    String[] args = {
      "setup",
      "b2",
      "--bucket",
      "retained-cli",
      "--object-lock",
      "--retention",
      "governance:30d",
      "--endpoint",
      B2.emulator().url()
    };
    FakeConsole.Result first = console().run(args);
    FakeConsole.Result second = console().run(args);

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("SET_RETENTION")
        .contains("none -> governance:30d")
        .contains("applied");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .contains("bucket.retention")
        .contains("governance:30d")
        .contains("no changes")
        .doesNotContain("SET_RETENTION");
    FakeConsole.Result years =
        console()
            .run(
                "setup",
                "b2",
                "--bucket",
                "retained-cli",
                "--retention",
                "compliance:1y",
                "--endpoint",
                B2.emulator().url());
    assertThat(years.exitCode()).as(years.toString()).isZero();
    assertThat(years.out()).contains("governance:30d -> compliance:1y");
  }

  @Test
  void setupB2_badRetention_isAUsageErrorNamingTheProblem() {
    FakeConsole.Result bad =
        console()
            .run(
                "setup",
                "b2",
                "--bucket",
                "retained-cli-2",
                "--object-lock",
                "--retention",
                "governance:30w",
                "--endpoint",
                B2.emulator().url());
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).contains("retention must look like governance:30d");
    FakeConsole.Result noLock =
        console()
            .run(
                "setup",
                "b2",
                "--bucket",
                "retained-cli-3",
                "--retention",
                "governance:3d",
                "--endpoint",
                B2.emulator().url());
    assertThat(noLock.exitCode()).as(noLock.toString()).isNotZero();
    assertThat(noLock.err()).contains("retention").contains("--object-lock");
  }
}
