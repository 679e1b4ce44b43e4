package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a {@code cp} in a real child process: the upload of an
 * endless stream is cancelled on the B2 emulator (no unfinished large file) and aborted on
 * S3Proxy (no multipart upload), a copy to a local file leaves no temporary file, and the exit
 * status is not zero. Each signal is sent once the transfer is visibly under way (polled, not
 * slept for). Both signals take the same path (the JVM's shutdown hooks); each backend gets one.
 */
@Tag("interop")
@Timeout(120)
class InterruptedTransferTest {

  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);

  @RegisterExtension static final LoopbackBackends backends = LoopbackBackends.perClass();

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of(
        "B2_APPLICATION_KEY_ID",
        backends.b2().keyId(),
        "B2_APPLICATION_KEY",
        backends.b2().applicationKey(),
        "AWS_ACCESS_KEY_ID",
        LoopbackBackends.S3_ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY",
        LoopbackBackends.S3_SECRET_KEY);
  }

  @Test
  void cpStdinToB2_sigint_leavesNoUnfinishedLargeFile() throws Exception {
    String name = UUID.randomUUID() + "/endless.bin";
    String uri =
        "b2://"
            + LoopbackBackends.BUCKET
            + "/"
            + name
            + "?endpoint="
            + backends.b2().url()
            + "&partSize=5M&uploadCutoff=5M";
    try (B2Client b2 =
            B2Client.builder()
                .endpoint(URI.create(backends.b2().url()))
                .credentials(
                    new B2Credentials(backends.b2().keyId(), backends.b2().applicationKey()))
                .build();
        ChildCli child = ChildCli.start(dir, env(), "cp", "-q", "-", uri).feedForever()) {
      String bucketId = b2.listBuckets(null, LoopbackBackends.BUCKET).get(0).bucketId();
      child.await(() -> unfinished(b2, bucketId, name) > 0, START_LIMIT, "unfinished large file");

      child.signal("INT");
      int status = child.waitFor(EXIT_LIMIT);

      assertThat(status).as(child.err()).isNotZero();
      assertThat(unfinished(b2, bucketId, name)).as(child.err()).isZero();
    }
  }

  @Test
  void cpStdinToS3_sigterm_leavesNoMultipartUpload() throws Exception {
    String key = UUID.randomUUID() + "/endless.bin";
    String uri =
        "s3://"
            + LoopbackBackends.BUCKET
            + "/"
            + key
            + "?endpoint="
            + backends.s3().endpoint()
            + "&region=us-east-1&partSize=5MiB&multipartThreshold=5MiB";
    try (S3Client s3 =
            S3Client.builder()
                .endpointOverride(backends.s3().endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(
                            LoopbackBackends.S3_ACCESS_KEY, LoopbackBackends.S3_SECRET_KEY)))
                .build();
        ChildCli child = ChildCli.start(dir, env(), "cp", "-q", "-", uri).feedForever()) {
      child.await(() -> uploads(s3, key) > 0, START_LIMIT, "multipart upload");

      child.signal("TERM");
      int status = child.waitFor(EXIT_LIMIT);

      assertThat(status).as(child.err()).isNotZero();
      assertThat(uploads(s3, key)).as(child.err()).isZero();
    }
  }

  @Test
  void cpStdinToLocalFile_sigint_leavesNeitherTheFileNorATemporaryOne() throws Exception {
    try (ChildCli child = ChildCli.start(dir, env(), "cp", "-q", "-", "out.bin").feedForever()) {
      child.await(
          () -> temporaryFiles().anyMatch(p -> size(p) > 0),
          START_LIMIT,
          "temporary file with bytes");

      child.signal("INT");
      int status = child.waitFor(EXIT_LIMIT);

      assertThat(status).as(child.err()).isNotZero();
      assertThat(dir.resolve("out.bin")).doesNotExist();
      assertThat(temporaryFiles()).as(child.err()).isEmpty();
    }
  }

  private Stream<Path> temporaryFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList().stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private static int unfinished(B2Client b2, String bucketId, String name) {
    return b2.listUnfinishedLargeFiles(bucketId, name, null, 100).files().size();
  }

  private static int uploads(S3Client s3, String key) {
    return s3.listMultipartUploads(b -> b.bucket(LoopbackBackends.BUCKET).prefix(key))
        .uploads()
        .size();
  }
}
