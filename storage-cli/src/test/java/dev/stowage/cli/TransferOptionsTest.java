package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --part-size} and {@code --concurrency} on {@code cp} and {@code mv}. */
@Timeout(120)
class TransferOptionsTest {

  @RegisterExtension static final LoopbackBackends backends = LoopbackBackends.perClass();

  @TempDir Path dir;

  private static TransferOptions parsed(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(args));
    all.addAll(List.of("memory://x/y", "memory://x/z"));
    picocli.CommandLine cl =
        Stowage.commandLine(
            new FakeConsole()
                .context(
                    new java.io.ByteArrayOutputStream(),
                    new java.io.PrintWriter(new java.io.StringWriter())));
    Object command0 =
        cl.parseArgs(all.toArray(String[]::new)).subcommand().commandSpec().userObject();
    return command0 instanceof CpCommand cp ? cp.transfer : ((MvCommand) command0).transfer;
  }

  private FakeConsole console() {
    FakeConsole c = backends.credentials(new FakeConsole());
    c.workingDirectory = dir;
    return c;
  }

  @Test
  void settings_forB2AndS3_carryBytesAndConcurrency() {
    TransferOptions t = parsed("cp", "--part-size", "8MiB", "--concurrency", "6");

    assertThat(t.settings("s3", "s3://b"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("partSize", "8388608", "concurrency", "6"));
    assertThat(t.settings("b2", "b2://b?endpoint=http://127.0.0.1:1"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("partSize", "8388608", "concurrency", "6"));
  }

  @Test
  void settings_sizesArePowersOf1024_forBothBackends() {
    assertThat(parsed("cp", "--part-size", "16M").settings("b2", "b2://b"))
        .containsEntry("partSize", "16777216");
    assertThat(parsed("mv", "--part-size", "1g").settings("s3", "s3://b"))
        .containsEntry("partSize", "1073741824");
    assertThat(parsed("cp", "--part-size", "6000000").settings("b2", "b2://b"))
        .containsEntry("partSize", "6000000");
  }

  @Test
  void settings_onlyGivenOnes_andNoneForLocalOrMemory() {
    assertThat(parsed("cp", "--concurrency", "2").settings("s3", "s3://b"))
        .containsExactly(Map.entry("concurrency", "2"));
    assertThat(parsed("cp").settings("b2", "b2://b")).isEmpty();
    TransferOptions t = parsed("cp", "--part-size", "8M", "--concurrency", "2");
    assertThat(t.settings("file", "file:///")).isEmpty();
    assertThat(t.settings("memory", "memory:")).isEmpty();
  }

  @Test
  void cp_toMemory_withTheOptions_works() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");

    FakeConsole.Result r =
        console().run("cp", "--part-size", "8M", "--concurrency", "2", "a.txt", "memory://t/a.txt");

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"big", "-5M", "0", "12 parsecs"})
  void partSize_malformedOrNotPositive_isAUsageErrorNamingTheOption(String value) {
    FakeConsole.Result r =
        console().run("cp", "--part-size", value, "memory://x/a", "memory://x/b");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("invalid value for option '--part-size'")
        .containsAnyOf("is not a size", "larger than zero");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65", "-1", "four"})
  void concurrency_outOfRange_isAUsageErrorNamingTheOption(String value) {
    FakeConsole.Result r =
        console().run("cp", "--concurrency", value, "memory://x/a", "memory://x/b");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("invalid value for option '--concurrency'")
        .containsAnyOf("must be 1 to 64", "not a whole number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"b2", "s3"})
  void partSize_belowTheBackendsMinimum_isAUsageErrorNamingTheLimits(String backend)
      throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");

    FakeConsole.Result small =
        console().run("cp", "--part-size", "1KB", "a.txt", backends.uri(backend, "small/a.txt"));
    FakeConsole.Result large =
        console().run("mv", "--part-size", "6G", "a.txt", backends.uri(backend, "large/a.txt"));

    assertThat(small.exitCode()).as(small.toString()).isEqualTo(2);
    assertThat(small.err())
        .contains("--part-size 1024 bytes", "b2".equals(backend) ? "5MB" : "5MiB");
    assertThat(large.exitCode()).as(large.toString()).isEqualTo(2);
    assertThat(large.err()).contains("--part-size 6442450944 bytes is outside");
    assertThat(Files.exists(dir.resolve("a.txt"))).as("mv kept its source").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"partSize=16777216", "concurrency=2"})
  void option_andTheSameKeyInTheUri_conflict(String query) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");
    String uri = backends.uri("s3", "conflict/a.txt") + "&" + query;

    FakeConsole.Result r =
        console().run("cp", "--part-size", "8M", "--concurrency", "3", "a.txt", uri);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("conflicts with " + query.substring(0, query.indexOf('=') + 1));
  }

  @Test
  void cp_toS3_withASmallPartSize_uploadsInThatManyParts() throws Exception {
    byte[] bytes = new byte[12 << 20];
    new Random(11).nextBytes(bytes);
    Files.write(dir.resolve("twelve.bin"), bytes);
    String path = UUID.randomUUID().toString().substring(0, 8) + "/twelve.bin";

    // S3Proxy is a generic server, which takes files up to 1 GiB in one PUT unless told otherwise.
    FakeConsole.Result r =
        console()
            .run(
                "cp",
                "-q",
                "--part-size",
                "5MiB",
                "--concurrency",
                "2",
                "twelve.bin",
                backends.uri("s3", path) + "&multipartThreshold=5MiB");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    try (Filesystem fs = backends.open("s3")) {
      // A multipart upload's ETag ends in -<parts>: 12 MiB in 5 MiB parts is three of them
      // (without the option, 16 MiB parts, it would have been a single PUT).
      assertThat(fs.stat(path).etag()).endsWith("-3");
      assertThat(fs.stat(path).size()).isEqualTo(bytes.length);
    }
  }

  @Test
  void cp_toB2_withAPartSizeAndConcurrency_roundTrips() throws Exception {
    byte[] bytes = new byte[11_000_000];
    new Random(12).nextBytes(bytes);
    Files.write(dir.resolve("eleven.bin"), bytes);
    String uri = backends.uri("b2", UUID.randomUUID().toString().substring(0, 8) + "/eleven.bin");

    FakeConsole.Result up =
        console()
            .run("cp", "-q", "--part-size", "5000000", "--concurrency", "3", "eleven.bin", uri);
    FakeConsole.Result down = console().run("cp", "-q", "--part-size", "5000000", uri, "back.bin");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(bytes);
  }
}
