package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every legal name is reachable from the CLI: a key holding {@code ?} and {@code #}, written by
 * rclone, is listed, read, copied and removed with {@code --no-query} and settings given as
 * options.
 */
class ForeignNamesTest {
  private static final Path RCLONE = Path.of("/usr/bin/rclone");
  private static final String NAME = "a?b#c.txt";

  /** No buckets declared: the CLI's own setup makes the bucket. */
  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perClass();

  @TempDir Path dir;

  @Test
  void keyWithQuestionMarkAndHash_writtenByRclone_listedReadCopiedRemoved() throws Exception {
    assumeTrue(Files.isExecutable(RCLONE), "rclone is not installed at " + RCLONE);
    B2Emulator b2 = B2.emulator();
    String bucket = "foreign-names";
    FakeConsole console =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", b2.keyId())
            .env("B2_APPLICATION_KEY", b2.applicationKey());
    console.workingDirectory = dir;
    assertThat(console.run("setup", "b2", "--bucket", bucket, "--endpoint", b2.url()).exitCode())
        .isZero();
    Path source = Files.writeString(dir.resolve("source.txt"), "written by rclone");
    assertThat(rclone(b2, dir, "copyto", source.toString(), "emu:" + bucket + "/odd/" + NAME))
        .isZero();
    String location = "b2://" + bucket + "/odd/" + NAME;
    String[] where = {"--no-query", "--endpoint", b2.url()};

    FakeConsole.Result ls = console.run(args("ls", where, "b2://" + bucket + "/odd/"));
    FakeConsole.Result cat = console.run(args("cat", where, location));
    FakeConsole.Result cp =
        console.run(args("cp", where, location, dir.resolve("copy.txt").toString()));
    FakeConsole.Result rm = console.run(args("rm", where, location));
    FakeConsole.Result after = console.run(args("ls", where, "b2://" + bucket + "/odd/"));
    FakeConsole.Result withQuery = console.run("cat", location + "?endpoint=" + b2.url());

    assertThat(ls.exitCode()).as(ls.err()).isZero();
    assertThat(ls.out()).contains(NAME);
    assertThat(cat.exitCode()).as(cat.err()).isZero();
    assertThat(new String(cat.stdout(), StandardCharsets.UTF_8)).isEqualTo("written by rclone");
    assertThat(cp.exitCode()).as(cp.err()).isZero();
    assertThat(Files.readString(dir.resolve("copy.txt"))).isEqualTo("written by rclone");
    assertThat(rm.exitCode()).as(rm.err()).isZero();
    assertThat(after.out()).doesNotContain(NAME);
    assertThat(withQuery.exitCode()).isEqualTo(2);
    assertThat(withQuery.err()).contains("--no-query");
  }

  @Test
  void settingOption_conflictingWithTheQuery_orNamingACredential_refused() {
    FakeConsole console =
        new FakeConsole().env("B2_APPLICATION_KEY_ID", "id").env("B2_APPLICATION_KEY", "k");

    FakeConsole.Result both =
        console.run(
            "ls",
            "--endpoint",
            "http://127.0.0.1:1",
            "b2://bucket-name?endpoint=http://127.0.0.1:2");
    FakeConsole.Result credential =
        console.run("ls", "-S", "applicationKey=oops", "b2://bucket-name");

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("conflicts with endpoint=");
    assertThat(credential.exitCode()).isEqualTo(2);
    assertThat(credential.err()).contains("credential").doesNotContain("oops");
  }

  private static String[] args(String command, String[] options, String... rest) {
    String[] all = new String[1 + options.length + rest.length];
    all[0] = command;
    System.arraycopy(options, 0, all, 1, options.length);
    System.arraycopy(rest, 0, all, 1 + options.length, rest.length);
    return all;
  }

  private static int rclone(B2Emulator b2, Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(RCLONE.toString(), "--config", dir.resolve("rclone.conf").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "RCLONE_CONFIG_EMU_TYPE",
                "b2",
                "RCLONE_CONFIG_EMU_ACCOUNT",
                b2.keyId(),
                "RCLONE_CONFIG_EMU_KEY",
                b2.applicationKey(),
                "RCLONE_CONFIG_EMU_ENDPOINT",
                b2.url()));
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("rclone ended").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return p.exitValue();
  }
}
