package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.S3ProxyServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cp} of a large file up to the B2 emulator and to S3Proxy and back is byte-identical, with
 * a progress bar on a terminal. 1 GiB by default, the acceptance size (parts of 16 MiB, so uploads
 * go in parallel parts); {@code -Dstowage.cp.size=64m} runs a quick version. Both servers keep
 * their data on disk, so the size is not bounded by the heap.
 */
@Tag("slow")
@Timeout(1800)
class CpLargeFileTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder().bucket("big-files").onDisk().perTest();

  @TempDir Path dir;

  @Test
  void cp_largeFileUpAndDown_isByteIdentical_onB2AndS3() throws Exception {
    long size = size(System.getProperty("stowage.cp.size", "1g"));
    Path source = dir.resolve("big.bin");
    String expected = writeRandom(source, size);

    B2Emulator b2 = B2.emulator();
    try (S3ProxyServer s3 =
        S3ProxyServer.builder()
            .credentials("big", "big-secret-0123456789")
            .dataDirectory(dir.resolve("s3-data"))
            .bucket("big-files")
            .start()) {
      FakeConsole console =
          new FakeConsole()
              .env("B2_APPLICATION_KEY_ID", b2.keyId())
              .env("B2_APPLICATION_KEY", b2.applicationKey())
              .env("AWS_ACCESS_KEY_ID", "big")
              .env("AWS_SECRET_ACCESS_KEY", "big-secret-0123456789");
      console.terminal = new Terminal(true, 100);
      console.workingDirectory = dir;

      roundTrip(
          console,
          "b2",
          "b2://big-files/big.bin?endpoint=" + b2.url() + "&partSize=16Mi&uploadCutoff=32Mi",
          size,
          expected);
      roundTrip(
          console,
          "s3",
          "s3://big-files/big.bin?endpoint="
              + s3.endpoint()
              + "&region=us-east-1&partSize=16MiB&multipartThreshold=32MiB",
          size,
          expected);
    }
  }

  private void roundTrip(
      FakeConsole console, String name, String remote, long size, String expected)
      throws Exception {
    long t0 = System.nanoTime();
    FakeConsole.Result up = console.run("cp", "big.bin", remote);
    long t1 = System.nanoTime();
    FakeConsole.Result down = console.run("cp", remote, name + "-back.bin");
    long t2 = System.nanoTime();

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(sha256(dir.resolve(name + "-back.bin"))).isEqualTo(expected);
    // The bar redrew on the "terminal" and ended at 100% with the full size.
    assertThat(up.err()).contains("\r").contains("big.bin 100% [").contains(ProgressBar.size(size));
    assertThat(down.err()).contains("\r").contains("big.bin 100% [");
    System.out.printf(
        Locale.ROOT,
        "%s: %s up %.1f s, down %.1f s%n",
        name,
        ProgressBar.size(size),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    Files.delete(dir.resolve(name + "-back.bin"));
  }

  private static long size(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit =
        t.endsWith("g") ? 1L << 30 : t.endsWith("m") ? 1L << 20 : t.endsWith("k") ? 1L << 10 : 1;
    return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
  }

  private static String writeRandom(Path file, long size) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        random.nextBytes(block);
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        sha.update(block, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
