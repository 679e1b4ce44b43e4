package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Operation;
import dev.stowage.StorageException;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures are one line naming the command, the path and the real cause (for an INTEGRITY
 * failure: both digests), for storage failures, I/O errors and any other Throwable including
 * {@link OutOfMemoryError}; stack traces only with {@code --debug}.
 */
@Timeout(60)
class FailureReportTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder().bucket("rot-test").onDisk().perClass();

  @TempDir Path dir;

  @Test
  void describe_integrityFailureWrappingTheAdaptersCause_namesBothDigests() {
    StorageException detail =
        StorageException.of(
            Operation.READ,
            "a.bin",
            StorageException.Kind.INTEGRITY,
            "SHA-1 1111aaaa of the bytes received differs from B2's 2222bbbb",
            null);
    IOException io =
        new IOException(
            "download of 'a.bin' is corrupt: SHA-1 1111aaaa of the bytes "
                + "received differs from B2's 2222bbbb",
            detail);
    // What the facade makes of it: the detail is only the cause's class name.
    StorageException failure =
        StorageException.of(
            Operation.READ, "a.bin", StorageException.Kind.INTEGRITY, "IOException", io);

    String line = Failures.describe(failure);

    assertThat(line)
        .startsWith("Unable to read 'a.bin': integrity")
        .contains("1111aaaa", "2222bbbb")
        .doesNotContain("\n");
  }

  @Test
  void report_withCommand_prefixesTheCommandAndItsArguments_andPrintsOneLine() {
    StringWriter err = new StringWriter();
    picocli.CommandLine cl =
        Stowage.commandLine(
            new FakeConsole().context(new ByteArrayOutputStream(), new PrintWriter(err)));
    picocli.CommandLine.ParseResult parsed = cl.parseArgs("cp", "b2://bucket/a.bin", "a.bin");

    int status =
        Failures.report(
            new IOException("connection reset"),
            new PrintWriter(err, true),
            parsed.subcommand(),
            false);

    assertThat(status).isEqualTo(Stowage.FAILED);
    assertThat(err.toString())
        .isEqualTo(
            "stowage: cp b2://bucket/a.bin a.bin: I/O error: connection reset"
                + System.lineSeparator());
  }

  @Test
  void cp_sourceThrowsOutOfMemoryError_exitsOneWithOneLineAndNoStackTrace() {
    InputStream exhausted =
        new InputStream() {
          @Override
          public int read() {
            throw new OutOfMemoryError("Java heap space");
          }

          @Override
          public int read(byte[] b, int off, int len) {
            throw new OutOfMemoryError("Java heap space");
          }
        };
    FakeConsole console = new FakeConsole();
    console.workingDirectory = dir;
    StringWriter err = new StringWriter();
    CliContext base = console.context(new ByteArrayOutputStream(), new PrintWriter(err, true));
    CliContext context =
        new CliContext(
            exhausted,
            base.stdout(),
            base.out(),
            base.err(),
            base.env(),
            base.terminal(),
            base.nanoTime(),
            Clock.systemUTC(),
            dir);

    int status = Stowage.run(context, "cp", "-q", "-", "out.bin");

    assertThat(status).isEqualTo(Stowage.FAILED);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("stowage: cp - out.bin: out of memory")
        .contains("Java heap space")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("out.bin")).doesNotExist();
  }

  @Test
  void cp_sourceFailsHalfWay_toALocalFile_leavesNoFileAndNoTemporaryFile() throws Exception {
    InputStream failing =
        new InputStream() {
          private int served;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (served > 100_000) {
              throw new IOException("the pipe broke");
            }
            served += len;
            return len;
          }
        };
    StringWriter err = new StringWriter();
    CliContext base =
        new FakeConsole().context(new ByteArrayOutputStream(), new PrintWriter(err, true));
    CliContext context =
        new CliContext(
            failing,
            base.stdout(),
            base.out(),
            base.err(),
            base.env(),
            base.terminal(),
            base.nanoTime(),
            Clock.systemUTC(),
            dir);

    int status = Stowage.run(context, "cp", "-q", "-", "out.bin");

    assertThat(status).isEqualTo(Stowage.FAILED);
    assertThat(err.toString()).contains("the pipe broke");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  @Tag("interop")
  void cp_corruptedB2Download_exitsOneNamingBothDigests_andLeavesNoFile() throws Exception {
    byte[] content =
        "the bytes as uploaded, before the disk rotted".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("good.txt"), content);
    Path data = B2.dataDirectory();
    B2Emulator b2 = B2.emulator();
    FakeConsole console =
        new FakeConsole()
            .env("B2_APPLICATION_KEY_ID", b2.keyId())
            .env("B2_APPLICATION_KEY", b2.applicationKey());
    console.workingDirectory = dir;
    String remote = "b2://rot-test/good.txt?endpoint=" + b2.url();
    FakeConsole.Result up = console.run("cp", "-q", "good.txt", remote);
    assertThat(up.exitCode()).as(up.toString()).isZero();
    Path blob;
    try (Stream<Path> blobs = Files.list(data.resolve("blobs"))) {
      blob =
          blobs.filter(p -> !p.getFileName().toString().endsWith(".tmp")).findFirst().orElseThrow();
    }
    byte[] rotten = Files.readAllBytes(blob);
    rotten[3] ^= 0x20;
    Files.write(blob, rotten);

    FakeConsole.Result down = console.run("cp", "-q", remote, "back.txt");

    assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
    assertThat(down.err().lines()).as(down.toString()).hasSize(1);
    assertThat(down.err())
        .startsWith("stowage: cp ")
        .contains("integrity")
        .contains(sha1(content))
        .contains(sha1(rotten))
        .doesNotContain("\tat ");
    assertThat(dir.resolve("back.txt")).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("good.txt");
    }
  }

  @Test
  void ls_invalidUriWithSecretInQuery_withDebug_neverEchoesTheQuery() {
    FakeConsole console =
        new FakeConsole().env("B2_APPLICATION_KEY_ID", "id").env("B2_APPLICATION_KEY", "key");

    FakeConsole.Result r =
        console.run(
            "ls", "--debug", "b2://bucket/x?endpoint=http://127.0.0.1:1&note=TOPSECRET-42^x");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not a valid URI").doesNotContain("TOPSECRET-42");
  }

  @Test
  void tckAndLs_endpointWithUserInfo_areRefusedWithoutEchoingTheSecret() {
    FakeConsole console =
        new FakeConsole().env("B2_APPLICATION_KEY_ID", "id").env("B2_APPLICATION_KEY", "key");
    String uri = "b2://bucket?endpoint=http://user:PW-IN-ENDPOINT-99@127.0.0.1:9";

    for (String command : new String[] {"tck", "ls"}) {
      FakeConsole.Result r = console.run(command, "--debug", uri);

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err())
          .contains("must not contain user information")
          .doesNotContain("PW-IN-ENDPOINT-99");
    }
  }

  private static String sha1(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
  }
}
