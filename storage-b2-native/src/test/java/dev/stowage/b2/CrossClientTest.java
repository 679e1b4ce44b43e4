package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the adapter writes are read back byte for byte (SHA-1 checked) by rclone (B2 API v1) and
 * by b2sdk (API v2, Debian python3-b2sdk run with /usr/bin/python3), and files they write are
 * read correctly by the adapter; all against the emulator. Skipped with a message when a client
 * is not installed.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrossClientTest {
  private static final Path RCLONE = Path.of("/usr/bin/rclone");
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  /** rclone's smallest chunk is 5 MiB; the emulator must accept such parts. */
  private static final long PART = 5L << 20;

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder().recommendedPartSize(PART).absoluteMinimumPartSize(5_000_000))
          .bucket("cross-client")
          .perClass();

  @TempDir Path tmp;
  private B2Emulator emulator;
  private String bucket;
  private Filesystem fs;

  @BeforeAll
  void start() {
    emulator = B2.emulator();
    bucket = "cross-client";
    fs = Filesystem.of(B2Adapter.create(TestBuckets.config(emulator, bucket).build()));
  }

  @AfterAll
  void stop() {
    fs.close();
  }

  /** What the adapter writes for other clients to read: name → bytes. */
  private Map<String, byte[]> writeWithAdapter(String dir) {
    Map<String, byte[]> files = new HashMap<>();
    files.put(dir + "/small ü+%.txt", "small file from stowage".getBytes(StandardCharsets.UTF_8));
    files.put(dir + "/large-bytes.bin", random(2 * (int) PART + 12345, 1));
    files.put(dir + "/large-stream.bin", random((int) PART + 777, 2));
    fs.write(
        dir + "/small ü+%.txt",
        files.get(dir + "/small ü+%.txt"),
        WriteOptions.builder().userMetadata("origin", "stowage").build());
    fs.write(dir + "/large-bytes.bin", files.get(dir + "/large-bytes.bin"));
    fs.write(
        dir + "/large-stream.bin",
        new ByteArrayInputStream(files.get(dir + "/large-stream.bin")),
        WriteOptions.DEFAULT); // unknown length: no SHA-1 stored for the whole file
    return files;
  }

  @Test
  void rclone_readsAdapterFiles_andAdapterReadsRcloneFiles() throws Exception {
    assumeTrue(Files.isExecutable(RCLONE), "rclone is not installed at " + RCLONE);
    Map<String, byte[]> files = writeWithAdapter("to-rclone");
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path out = tmp.resolve("rclone-" + Math.abs(e.getKey().hashCode()));
      Run r = rclone("copyto", "emu:" + bucket + "/" + e.getKey(), out.toString());
      assertThat(r.exitCode).as("rclone copyto %s: %s", e.getKey(), r.output).isZero();
      assertThat(sha1(Files.readAllBytes(out)))
          .as("rclone's copy of %s", e.getKey())
          .isEqualTo(sha1(e.getValue()));
    }
    Run sums = rclone("sha1sum", "emu:" + bucket + "/to-rclone");
    assertThat(sums.exitCode).as(sums.output).isZero();
    assertThat(sums.output)
        .contains(sha1(files.get("to-rclone/small ü+%.txt")) + "  small ü+%.txt")
        .contains(sha1(files.get("to-rclone/large-bytes.bin")) + "  large-bytes.bin");

    byte[] small = "written by rclone".getBytes(StandardCharsets.UTF_8);
    byte[] large = random(2 * (int) PART + 999, 3);
    Path smallFile = Files.write(tmp.resolve("r-small.txt"), small);
    Path largeFile = Files.write(tmp.resolve("r-large.bin"), large);
    assertThat(
            rclone("copyto", smallFile.toString(), "emu:" + bucket + "/from-rclone/small.txt")
                .exitCode)
        .isZero();
    Run up = rclone("copyto", largeFile.toString(), "emu:" + bucket + "/from-rclone/large.bin");
    assertThat(up.exitCode).as(up.output).isZero();
    assertThat(fs.read("from-rclone/small.txt")).isEqualTo(small);
    assertThat(fs.read("from-rclone/large.bin")).isEqualTo(large);
    assertThat(fs.checksum("from-rclone/large.bin", ChecksumAlgorithm.SHA1).hex())
        .isEqualTo(sha1(large));
    assertThat(fs.stat("from-rclone/small.txt").lastModified())
        .isEqualTo(
            Files.getLastModifiedTime(smallFile)
                .toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void rclone_writesA300ByteSegment_adapterReadsListsAndDeletesIt() throws Exception {
    assumeTrue(Files.isExecutable(RCLONE), "rclone is not installed at " + RCLONE);
    String segment = "n".repeat(300);
    byte[] data = "a name longer than the adapter writes".getBytes(StandardCharsets.UTF_8);
    Path local = tmp.resolve("foreign.txt");
    Files.write(local, data);
    Run up = rclone("copyto", local.toString(), "emu:" + bucket + "/foreign/" + segment);
    assertThat(up.exitCode).as(up.output).isZero();

    String path = "foreign/" + segment;
    assertThat(fs.list("foreign").toList()).extracting(a -> a.path()).containsExactly(path);
    assertThat(fs.fileExists(path)).isTrue();
    assertThat(fs.read(path)).isEqualTo(data);
    assertThat(fs.stat(path).size()).isEqualTo(data.length);
    fs.delete(path);
    assertThat(fs.fileExists(path)).isFalse();
    Run ls = rclone("lsf", "emu:" + bucket + "/foreign");
    assertThat(ls.output).doesNotContain(segment);
    // our own writes keep the stricter rule
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fs.write(path, data))
        .isInstanceOf(dev.stowage.PathRejectedException.class);
  }

  @Test
  void b2sdk_readsAdapterFiles_andAdapterReadsB2sdkFiles() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed at " + PYTHON);
    Run probe = run(List.of(PYTHON.toString(), "-c", "import b2sdk.v2"), Map.of());
    assumeTrue(probe.exitCode == 0, "python3-b2sdk is not installed (import b2sdk.v2 failed)");
    Path script = tmp.resolve("b2sdk_client.py");
    try (InputStream in = getClass().getResourceAsStream("b2sdk_client.py")) {
      Files.copy(in, script);
    }
    Map<String, byte[]> files = writeWithAdapter("to-b2sdk");
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path out = tmp.resolve("b2sdk-" + Math.abs(e.getKey().hashCode()));
      Run r = b2sdk(script, "get", e.getKey(), out.toString());
      assertThat(r.exitCode).as("b2sdk get %s: %s", e.getKey(), r.output).isZero();
      assertThat(sha1(Files.readAllBytes(out)))
          .as("b2sdk's copy of %s", e.getKey())
          .isEqualTo(sha1(e.getValue()));
    }
    Run info = b2sdk(script, "info", "to-b2sdk/small ü+%.txt");
    assertThat(info.output).contains("info.origin=stowage");

    byte[] small = "written by b2sdk ü".getBytes(StandardCharsets.UTF_8);
    byte[] large = random(2 * (int) PART + 4321, 4);
    Path smallFile = Files.write(tmp.resolve("p-small.txt"), small);
    Path largeFile = Files.write(tmp.resolve("p-large.bin"), large);
    Run up1 = b2sdk(script, "put", "from-b2sdk/small ü.txt", smallFile.toString());
    assertThat(up1.exitCode).as(up1.output).isZero();
    Run up2 = b2sdk(script, "put", "from-b2sdk/large.bin", largeFile.toString());
    assertThat(up2.exitCode).as(up2.output).isZero();
    assertThat(fs.read("from-b2sdk/small ü.txt")).isEqualTo(small);
    assertThat(fs.stat("from-b2sdk/small ü.txt").userMetadata()).containsEntry("origin", "b2sdk");
    assertThat(fs.checksum("from-b2sdk/small ü.txt", ChecksumAlgorithm.SHA1).hex())
        .isEqualTo(sha1(small));
    assertThat(fs.read("from-b2sdk/large.bin")).isEqualTo(large);
  }

  private Run rclone(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                RCLONE.toString(),
                "--config",
                tmp.resolve("rclone.conf").toString(),
                "--b2-chunk-size",
                "5M",
                "--b2-upload-cutoff",
                "10M",
                "--low-level-retries",
                "3"));
    command.addAll(List.of(args));
    return run(
        command,
        Map.of(
            "RCLONE_CONFIG_EMU_TYPE",
            "b2",
            "RCLONE_CONFIG_EMU_ACCOUNT",
            emulator.keyId(),
            "RCLONE_CONFIG_EMU_KEY",
            emulator.applicationKey(),
            "RCLONE_CONFIG_EMU_ENDPOINT",
            emulator.url()));
  }

  private Run b2sdk(Path script, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(PYTHON.toString(), script.toString(), emulator.url(), bucket));
    command.addAll(List.of(args));
    return run(
        command,
        Map.of(
            B2Credentials.KEY_ID_VARIABLE,
            emulator.keyId(),
            B2Credentials.KEY_VARIABLE,
            emulator.applicationKey(),
            "HOME",
            tmp.toString()));
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static String value(String output, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(output);
    return m.find() ? m.group(1).trim() : null;
  }

  private static String sha1(byte[] data) {
    return B2FaultToleranceTest.sha1(data);
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }
}
