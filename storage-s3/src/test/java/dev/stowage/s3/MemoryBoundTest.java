package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GiB upload from a stream of unknown length, 16 MiB parts, 4 at a time, in a client JVM
 * limited to {@code -Xmx160m}: proves that memory stays bounded by the parts in flight. The
 * server is S3Proxy with the null-blobstore middleware (bodies discarded) in this JVM.
 */
@Tag("slow")
class MemoryBoundTest {

  private static final long SIZE = 2L << 30;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void write_2GiBUnknownLengthStreamUnderSmallHeap_succeeds(@TempDir Path dir) throws Exception {
    try (EmbeddedS3Proxy server = EmbeddedS3Proxy.discarding()) {
      String bucket = server.createBucket();
      Path output = dir.resolve("client.log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx160m", "-XX:+ExitOnOutOfMemoryError",
          "-cp", System.getProperty("java.class.path"),
          SmallHeapUpload.class.getName(),
          server.endpoint().toString(), bucket, server.accessKey(), server.secretKey(), Long.toString(SIZE)));
      Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();

      boolean finished = client.waitFor(170, TimeUnit.SECONDS);
      if (!finished) {
        client.destroyForcibly();
      }
      String log = read(output);

      assertThat(finished).as("the client finished; its output:\n" + log).isTrue();
      assertThat(client.exitValue()).as("exit code; output:\n" + log).isZero();
      // The null store answers with its own ETag; a multipart one still has the "-N" suffix.
      assertThat(log).contains("size=" + SIZE).containsPattern("etag=[0-9a-f]+-\\d+");
      java.util.regex.Matcher heap = java.util.regex.Pattern.compile("maxHeap=(\\d+)").matcher(log);
      assertThat(heap.find()).isTrue();
      assertThat(Long.parseLong(heap.group(1))).isLessThanOrEqualTo(160L << 20);
      assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
