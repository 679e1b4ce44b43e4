package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies sent to a plain-HTTP endpoint go as {@code UNSIGNED-PAYLOAD} unless {@code signPayload}
 * is set, and S3Proxy, which checks every signature, accepts both; the bytes arrive intact.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PayloadSigningTest {

  private static final long MIB = 1L << 20;
  private static EmbeddedS3Proxy server;
  private static String bucket;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedS3Proxy.inMemory();
    bucket = server.createBucket();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Filesystem open(boolean sign, RecordingInterceptor recorder) {
    return Filesystem.of(
        S3Adapter.create(
            server
                .config(bucket)
                .partSize(5 * MIB)
                .multipartThreshold(6 * MIB)
                .signPayload(sign)
                .interceptor(recorder)
                .build()));
  }

  private static List<String> payloadHashes(RecordingInterceptor recorder, String operation) {
    return recorder.sent(operation).stream()
        .map(s -> s.headers().get("x-amz-content-sha256").get(0))
        .toList();
  }

  @Test
  void write_httpEndpointByDefault_sendsUnsignedPayloadsTheServerAccepts(@TempDir Path dir)
      throws Exception {
    RecordingInterceptor recorder = new RecordingInterceptor();
    byte[] small = S3AdapterTest.random((int) (2 * MIB));
    byte[] large = S3AdapterTest.random((int) (12 * MIB));
    Path file = Files.write(dir.resolve("large.bin"), large);
    try (Filesystem fs = open(false, recorder)) {
      fs.write("unsigned/small.bin", small, WriteOptions.DEFAULT);
      fs.write("unsigned/stream.bin", new ByteArrayInputStream(large), WriteOptions.DEFAULT);
      fs.write("unsigned/file.bin", file, WriteOptions.DEFAULT);

      assertThat(payloadHashes(recorder, "PutObject")).containsOnly("UNSIGNED-PAYLOAD").hasSize(1);
      assertThat(payloadHashes(recorder, "UploadPart")).containsOnly("UNSIGNED-PAYLOAD").hasSize(6);
      assertThat(recorder.sent("UploadPart"))
          .allSatisfy(s -> assertThat(s.hasHeader("x-amz-decoded-content-length")).isFalse());
      assertThat(fs.read("unsigned/small.bin")).isEqualTo(small);
      assertThat(fs.read("unsigned/stream.bin")).isEqualTo(large);
      assertThat(fs.read("unsigned/file.bin")).isEqualTo(large);
    }
  }

  @Test
  void write_signPayload_signsEveryBodyAndTheServerAcceptsIt() throws Exception {
    RecordingInterceptor recorder = new RecordingInterceptor();
    byte[] small = S3AdapterTest.random((int) (2 * MIB));
    byte[] large = S3AdapterTest.random((int) (12 * MIB));
    try (Filesystem fs = open(true, recorder)) {
      fs.write("signed/small.bin", small, WriteOptions.DEFAULT);
      fs.write("signed/stream.bin", new ByteArrayInputStream(large), WriteOptions.DEFAULT);

      assertThat(payloadHashes(recorder, "PutObject"))
          .hasSize(1)
          .noneMatch("UNSIGNED-PAYLOAD"::equals);
      assertThat(payloadHashes(recorder, "UploadPart"))
          .hasSize(3)
          .noneMatch("UNSIGNED-PAYLOAD"::equals);
      assertThat(fs.read("signed/small.bin")).isEqualTo(small);
      assertThat(fs.read("signed/stream.bin")).isEqualTo(large);
    }
  }
}
