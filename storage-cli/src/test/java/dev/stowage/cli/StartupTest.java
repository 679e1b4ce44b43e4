package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * What keeps the CLI's start-up short: a run builds the picocli model of its own command only,
 * and the hidden warm-up command (which the launcher records its class-data archive with) runs
 * every file command successfully.
 */
class StartupTest {

  private static CliContext context() {
    return new FakeConsole()
        .context(new ByteArrayOutputStream(), new PrintWriter(new StringWriter()));
  }

  @Test
  void commandLineFor_aCommand_holdsThatCommandOnly() {
    CommandLine cp = Stowage.commandLineFor(context(), "cp", "a", "b");
    CommandLine debugStat = Stowage.commandLineFor(context(), "--debug", "stat", "memory://x/y");

    assertThat(cp.getSubcommands()).containsOnlyKeys("cp");
    assertThat(debugStat.getSubcommands()).containsOnlyKeys("stat");
    // The inherited options still reach it.
    assertThat(debugStat.getSubcommands().get("stat").getCommandSpec().findOption("--debug"))
        .isNotNull();
  }

  @Test
  void commandLineFor_noCommandHelpOrATypo_holdsEveryCommand() {
    assertThat(Stowage.commandLineFor(context()).getSubcommands())
        .containsKeys("ls", "cp", "tck", "s3-emulator", "help");
    assertThat(Stowage.commandLineFor(context(), "--help").getSubcommands()).hasSizeGreaterThan(10);
    assertThat(Stowage.commandLineFor(context(), "help", "cp").getSubcommands())
        .hasSizeGreaterThan(10);
    assertThat(Stowage.commandLineFor(context(), "cpp", "a").getSubcommands())
        .hasSizeGreaterThan(10);
  }

  @Test
  void help_forOneCommand_andHelpCommand_stillWork() {
    FakeConsole.Result direct = new FakeConsole().run("--debug", "cp", "--help");
    FakeConsole.Result viaHelp = new FakeConsole().run("help", "mv");

    assertThat(direct.exitCode()).as(direct.toString()).isZero();
    assertThat(direct.out()).contains("Usage: stowage cp", "--part-size", "--debug");
    assertThat(viaHelp.exitCode()).as(viaHelp.toString()).isZero();
    assertThat(viaHelp.out()).contains("Usage: stowage mv", "--concurrency");
  }

  @Test
  void help_doesNotListTheWarmUpCommand() {
    FakeConsole.Result r = new FakeConsole().run("--help");

    assertThat(r.out()).doesNotContain("warm-up");
  }

  @Test
  @Timeout(180)
  void warmUp_runsEveryFileCommandAgainstBothEmulators_andSucceeds() {
    FakeConsole.Result r = new FakeConsole().run("warm-up");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEmpty();
  }
}
