package dev.stowage.b2.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real S3 clients against the face: rclone's S3 backend and the {@code aws} CLI work with an application key and
 * are refused with the master key. Each client is skipped when it is not installed.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class S3ClientsInteropTest {
  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .absoluteMinimumPartSize(5 << 20)
                      .recommendedPartSize(5 << 20))
          .bucket("cli-bucket")
          .key(
              "clients",
              k ->
                  k.capabilities(
                      "listAllBucketNames",
                      "listBuckets",
                      "readBuckets",
                      "listFiles",
                      "readFiles",
                      "writeFiles",
                      "deleteFiles"))
          .perClass();

  private B2Emulator b2;
  private B2S3Face face;
  private NativeApi api;
  private String bucket;
  private String bucketId;
  private NativeApi.Key key;

  @TempDir Path work;

  @BeforeAll
  void start() {
    b2 = B2.emulator();
    face = B2S3Face.start(b2);
    api = new NativeApi(b2);
    bucket = "cli-bucket";
    bucketId = b2.store().bucket(bucket).bucketId();
    key = new NativeApi.Key(B2.key("clients").keyId(), B2.key("clients").applicationKey());
  }

  @AfterAll
  void stop() {
    face.close();
  }

  private static Path find(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private record Result(int exit, String out) {}

  private Result run(Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
    // the caller's AWS_* and RCLONE_* settings (a CA bundle, a profile) must not leak into the
    // clients
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_"));
    pb.environment().putAll(env);
    pb.environment().put("HOME", work.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("%s finished", cmd[0]).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private Result rclone(String id, String secret, String... args) throws Exception {
    Path rclone = find("rclone");
    assumeTrue(rclone != null, "rclone not installed; skipping");
    if (!Files.exists(work.resolve("r.conf"))) {
      Files.createFile(work.resolve("r.conf")); // the remote comes from the environment
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                rclone.toString(),
                "--config",
                work.resolve("r.conf").toString(),
                "--low-level-retries",
                "1",
                "--retries",
                "1",
                "--s3-upload-cutoff",
                "5M",
                "--s3-chunk-size",
                "5M",
                "--s3-no-check-bucket"));
    cmd.addAll(Arrays.asList(args));
    return run(
        Map.of(
            "RCLONE_CONFIG_F_TYPE",
            "s3",
            "RCLONE_CONFIG_F_PROVIDER",
            "Other",
            "RCLONE_CONFIG_F_ACCESS_KEY_ID",
            id,
            "RCLONE_CONFIG_F_SECRET_ACCESS_KEY",
            secret,
            "RCLONE_CONFIG_F_ENDPOINT",
            face.endpoint().toString(),
            "RCLONE_CONFIG_F_REGION",
            B2S3Face.REGION,
            "RCLONE_CONFIG_F_FORCE_PATH_STYLE",
            "true"),
        cmd.toArray(String[]::new));
  }

  private Result aws(String id, String secret, String... args) throws Exception {
    Path aws = find("aws");
    assumeTrue(aws != null, "aws CLI not installed; skipping");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                aws.toString(),
                "--endpoint-url",
                face.endpoint().toString(),
                "--region",
                B2S3Face.REGION));
    cmd.addAll(Arrays.asList(args));
    // newer aws CLIs send flexible checksums by default, which B2 (and the face) refuse
    return run(
        Map.of(
            "AWS_ACCESS_KEY_ID",
            id,
            "AWS_SECRET_ACCESS_KEY",
            secret,
            "AWS_REQUEST_CHECKSUM_CALCULATION",
            "when_required",
            "AWS_RESPONSE_CHECKSUM_VALIDATION",
            "when_required",
            "AWS_MAX_ATTEMPTS",
            "1",
            "AWS_CONFIG_FILE",
            work.resolve("aws-config").toString()),
        cmd.toArray(String[]::new));
  }

  @Test
  void rclone_applicationKey_smallAndMultipartBothWays() throws Exception {
    byte[] large = new byte[11 * 1024 * 1024 + 12345];
    new Random(7).nextBytes(large);
    Files.write(work.resolve("large.bin"), large);
    Files.writeString(work.resolve("small.txt"), "small via rclone");
    api.upload(bucketId, "r/native.txt", "native bytes".getBytes(StandardCharsets.UTF_8), Map.of());

    Result up =
        rclone(
            key.id(),
            key.secret(),
            "copy",
            work.resolve("large.bin").toString(),
            "f:" + bucket + "/r");
    Result upSmall =
        rclone(
            key.id(),
            key.secret(),
            "copyto",
            work.resolve("small.txt").toString(),
            "f:" + bucket + "/r/small.txt");
    Result cat = rclone(key.id(), key.secret(), "cat", "f:" + bucket + "/r/native.txt");
    Result back =
        rclone(
            key.id(),
            key.secret(),
            "copyto",
            "f:" + bucket + "/r/large.bin",
            work.resolve("back.bin").toString());

    assertThat(up.exit()).as(up.out()).isZero();
    assertThat(upSmall.exit()).as(upSmall.out()).isZero();
    assertThat(api.download(bucket, "r/large.bin").body()).isEqualTo(large);
    assertThat(api.download(bucket, "r/small.txt").body())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("small via rclone");
    assertThat(cat.out()).isEqualTo("native bytes");
    assertThat(back.exit()).as(back.out()).isZero();
    assertThat(Files.readAllBytes(work.resolve("back.bin"))).isEqualTo(large);
  }

  @Test
  void rclone_masterKey_refused() throws Exception {
    Result r = rclone(b2.keyId(), b2.applicationKey(), "ls", "f:" + bucket);

    assertThat(r.exit()).isNotZero();
    assertThat(r.out()).contains("InvalidAccessKeyId");
  }

  @Test
  void awsCli_applicationKey_cpAndLs_masterKeyRefused() throws Exception {
    Files.writeString(work.resolve("aws.txt"), "via aws");

    Result cp =
        aws(
            key.id(),
            key.secret(),
            "s3",
            "cp",
            work.resolve("aws.txt").toString(),
            "s3://" + bucket + "/a/aws.txt");
    Result ls = aws(key.id(), key.secret(), "s3", "ls", "s3://" + bucket + "/a/");
    Result master = aws(b2.keyId(), b2.applicationKey(), "s3", "ls", "s3://" + bucket + "/a/");

    assertThat(cp.exit()).as(cp.out()).isZero();
    assertThat(api.download(bucket, "a/aws.txt").body())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("via aws");
    assertThat(ls.out()).contains("aws.txt");
    assertThat(master.exit()).isNotZero();
    assertThat(master.out()).contains("InvalidAccessKeyId");
  }
}
