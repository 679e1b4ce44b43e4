package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GiB upload from a stream of unknown length with the default settings (64 MiB memory
 * budget) in a client JVM limited to {@code -Xmx128m}: proves that memory stays within the
 * budget. The server is S3Proxy on its filesystem store in a temporary directory (in this JVM);
 * the stored object's size and MD5 must match what the client generated.
 */
@Tag("slow")
class MemoryBoundTest {

  private static final long SIZE = 2L << 30;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void write_2GiBUnknownLengthStreamUnderSmallHeap_storedIntact(@TempDir Path dir)
      throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    try (EmbeddedS3Proxy server = EmbeddedS3Proxy.onDisk(store)) {
      String bucket = server.createBucket();
      Path output = dir.resolve("client.log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx128m",
                  "-XX:+ExitOnOutOfMemoryError",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SmallHeapUpload.class.getName(),
                  server.endpoint().toString(),
                  bucket,
                  server.accessKey(),
                  server.secretKey(),
                  Long.toString(SIZE)));
      Process client =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();

      boolean finished = client.waitFor(280, TimeUnit.SECONDS);
      if (!finished) {
        client.destroyForcibly();
      }
      String log = read(output);

      assertThat(finished).as("the client finished; its output:\n" + log).isTrue();
      assertThat(client.exitValue()).as("exit code; output:\n" + log).isZero();
      assertThat(log).contains("size=" + SIZE).containsPattern("etag=[0-9a-f]+-\\d+");
      assertThat(value(log, "maxHeap")).isLessThanOrEqualTo(128L << 20);
      assertThat(value(log, "peakHeapUsed")).isLessThanOrEqualTo(128L << 20);
      // Live data after a collection: the part buffers (10 MiB × 6 at most) plus the client,
      // measured at about 83 MiB.
      assertThat(value(log, "peakLiveAfterGc")).isLessThanOrEqualTo(110L << 20);
      assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
      assertThat(
              server
                  .client()
                  .headObject(b -> b.bucket(bucket).key("big/stream.bin"))
                  .contentLength())
          .isEqualTo(SIZE);
      assertThat(storedMd5(server, bucket)).isEqualTo(text(log, "md5"));
      System.out.println("MemoryBoundTest client: " + log.replace('\n', ' '));
    }
  }

  private static String storedMd5(EmbeddedS3Proxy server, String bucket) throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = server.client().getObject(b -> b.bucket(bucket).key("big/stream.bin"))) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md5.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  private static long value(String log, String name) {
    return Long.parseLong(text(log, name));
  }

  private static String text(String log, String name) {
    Matcher m = Pattern.compile(name + "=(\\S+)").matcher(log);
    assertThat(m.find()).as(name + " in\n" + log).isTrue();
    return m.group(1);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
