package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code stowage setup b2 --retention} against the B2 emulator: sets, reads back, re-runs, refuses bad values. */
@Timeout(60)
class SetupRetentionTest {
  private static B2Emulator b2;

  @BeforeAll
  static void start() {
    b2 = B2Emulator.builder().start();
  }

  @AfterAll
  static void stop() {
    b2.close();
  }

  private static FakeConsole console() {
    return new FakeConsole().env("B2_APPLICATION_KEY_ID", b2.keyId()).env("B2_APPLICATION_KEY", b2.applicationKey());
  }

  @Test
  void setupB2_retention_setsDefaultRetentionAndSecondRunChangesNothing() {
    String[] args = {"setup", "b2", "--bucket", "retained-cli", "--object-lock", "--retention", "governance:30d",
        "--endpoint", b2.url()};
    FakeConsole.Result first = console().run(args);
    FakeConsole.Result second = console().run(args);

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("SET_RETENTION").contains("none -> governance:30d").contains("applied");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).contains("bucket.retention").contains("governance:30d").contains("no changes")
        .doesNotContain("SET_RETENTION");
    FakeConsole.Result years = console().run("setup", "b2", "--bucket", "retained-cli", "--retention",
        "compliance:1y", "--endpoint", b2.url());
    assertThat(years.exitCode()).as(years.toString()).isZero();
    assertThat(years.out()).contains("governance:30d -> compliance:1y");
  }

  @Test
  void setupB2_badRetention_isAUsageErrorNamingTheProblem() {
    FakeConsole.Result bad = console().run("setup", "b2", "--bucket", "retained-cli-2", "--object-lock",
        "--retention", "governance:30w", "--endpoint", b2.url());
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).contains("retention must look like governance:30d");
    FakeConsole.Result noLock = console().run("setup", "b2", "--bucket", "retained-cli-3", "--retention",
        "governance:3d", "--endpoint", b2.url());
    assertThat(noLock.exitCode()).as(noLock.toString()).isNotZero();
    assertThat(noLock.err()).contains("retention").contains("--object-lock");
  }
}
