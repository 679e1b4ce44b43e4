package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StowageTest {

  private final FakeConsole console = new FakeConsole();

  @Test
  void help_listsEveryCommand_exitsZero() {
    FakeConsole.Result r = console.run("--help");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "Usage: stowage",
            "ls",
            "cat",
            "cp",
            "mv",
            "rm",
            "stat",
            "url",
            "upload-ticket",
            "tck",
            "setup",
            "b2-emulator",
            "s3-emulator",
            "Exit status: 0 success, 1 failure, 2 usage error");
  }

  @Test
  void run_noCommand_showsUsageOnStderrAndExitsTwo() {
    FakeConsole.Result r = console.run();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Usage: stowage");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void run_unknownCommand_suggestsTheClosestAndExitsTwo() {
    FakeConsole.Result r = console.run("cpp", "a", "b");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("stowage: 'cpp' is not a stowage command")
        .contains("Did you mean", "stowage cp")
        .contains("See 'stowage --help'.");
  }

  @Test
  void run_unknownOption_namesItAndPointsToTheCommandsHelp() {
    FakeConsole.Result r = console.run("ls", "--colour", ".");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("stowage: unknown option: '--colour'")
        .contains("See 'stowage ls --help'.");
  }

  @Test
  void run_missingParameter_exitsTwo() {
    FakeConsole.Result r = console.run("cp", "only-one");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("stowage: missing required parameter: 'DEST'");
  }

  @Test
  void run_badDuration_explainsTheFormatAndExitsTwo() {
    FakeConsole.Result r = console.run("url", "--expires", "5x", "memory://d/f");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'5x' is not a duration").contains("90s, 15m, 24h, 7d");
  }

  @Test
  void version_printsTheVersion_exitsZero() {
    FakeConsole.Result r = console.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("stowage ");
  }

  @Test
  void commandHelp_showsExamples_exitsZero() {
    FakeConsole.Result r = console.run("cp", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: stowage cp", "Examples:", "--content-type");
  }

  @Test
  void urlHelp_warnsThatB2TemporaryUrlsArePrefixScoped() {
    FakeConsole.Result r = console.run("url", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("prefix", "share/report-confidential.txt");
  }

  @Test
  void run_unknownScheme_namesTheKnownOnesAndExitsTwo() {
    FakeConsole.Result r = console.run("ls", "ftp://host/dir");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("stowage: cannot open 'ftp://host'")
        .contains("known schemes")
        .contains("b2", "s3", "file", "memory")
        .doesNotContain("Exception");
  }

  @Test
  void run_credentialsInUri_refusedWithoutEchoingThem() {
    FakeConsole.Result r = console.run("ls", "s3://AKIAEXAMPLE:supersecret@bucket/dir");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("credentials").doesNotContain("supersecret");
  }
}
