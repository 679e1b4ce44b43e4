package dev.stowage.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The peer tools timed beside our library on the same server: rclone (S3 and B2) and the AWS CLI
 * (S3 only: it has no B2 native API), configured for the target through a temporary config file or environment variables that
 * are deleted after the run. Tools that are not installed come back absent.
 */
final class Peers {

  /**
   * rclone 1.60's S3 backend fails with "unsupported transport" whenever {@code AWS_CA_BUNDLE} is
   * set (the AWS SDK for Go wants its own transport for it); rclone takes CAs from {@code --ca-cert}.
   */
  private static final List<String> NOT_FOR_RCLONE = List.of("AWS_CA_BUNDLE");

  private Peers() {}

  static List<Client> forS3(S3Access s3, Path scratch) throws IOException {
    List<Client> peers = new ArrayList<>();
    String endpoint = s3.config().endpoint().map(Object::toString).orElse(null);
    StringBuilder conf = new StringBuilder("[bench]\ntype = s3\nprovider = Other\n");
    if (s3.accessKey() != null) {
      conf.append("access_key_id = ")
          .append(s3.accessKey())
          .append("\nsecret_access_key = ")
          .append(s3.secretKey())
          .append('\n');
    } else {
      conf.append("env_auth = true\n");
    }
    conf.append("region = ").append(s3.config().region()).append('\n');
    if (endpoint != null) {
      conf.append("endpoint = ").append(endpoint).append('\n');
    }
    conf.append("force_path_style = ").append(s3.config().pathStyle()).append('\n');
    String remote = "bench:" + s3.config().bucket() + "/";
    peers.add(rclone(conf.toString(), key -> remote + s3.objectKey(key), scratch));

    Map<String, String> env = new HashMap<>();
    env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
    env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
    env.put("AWS_DEFAULT_REGION", s3.config().region());
    Path awsConfig = null;
    if (s3.accessKey() != null) {
      awsConfig =
          secretFile(
              scratch,
              "aws-",
              "[default]\nregion = "
                  + s3.config().region()
                  + "\ns3 =\n    addressing_style = "
                  + (s3.config().pathStyle() ? "path" : "virtual")
                  + "\n");
      env.put("AWS_CONFIG_FILE", awsConfig.toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-credentials").toString());
      env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
      env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
    }
    List<String> tail = new ArrayList<>(List.of("--only-show-errors"));
    if (endpoint != null) {
      tail.addAll(List.of("--endpoint-url", endpoint));
    }
    String bucket = "s3://" + s3.config().bucket() + "/";
    Path cleanup = awsConfig;
    peers.add(
        new PeerClient(
            "awscli",
            "aws",
            (scenario, job) -> {
              String url = bucket + s3.objectKey(job.key());
              List<String> argv =
                  switch (scenario) {
                    case UPLOAD_SMALL, UPLOAD_LARGE ->
                        join(List.of("aws", "s3", "cp", job.upload().toString(), url), tail);
                    case UPLOAD_STREAM -> join(List.of("aws", "s3", "cp", "-", url), tail);
                    case DOWNLOAD_SMALL, DOWNLOAD_LARGE ->
                        join(List.of("aws", "s3", "cp", url, "-"), tail);
                    case DOWNLOAD_LARGE_TO_FILE ->
                        join(List.of("aws", "s3", "cp", url, job.output().toString()), tail);
                    default -> null;
                  };
              return argv == null
                  ? null
                  : new PeerClient.Command(
                      argv, scenario == Scenario.UPLOAD_STREAM ? job.payload() : null);
            },
            env,
            List.of(),
            scratch,
            () -> deleteQuietly(cleanup)));
    return peers;
  }

  static List<Client> forB2(B2Access b2, Path scratch) throws IOException {
    String conf =
        "[bench]\ntype = b2\naccount = "
            + b2.credentials().keyId()
            + "\nkey = "
            + b2.credentials().applicationKey()
            + "\nendpoint = "
            + b2.endpoint()
            + "\n";
    String remote = "bench:" + b2.bucket() + "/";
    return List.of(rclone(conf, key -> remote + b2.fileName(key), scratch));
  }

  private static Client rclone(
      String conf, java.util.function.UnaryOperator<String> remote, Path scratch)
      throws IOException {
    Path file = secretFile(scratch, "rclone-", conf);
    List<String> head = List.of("rclone", "--config", file.toString(), "-q");
    return new PeerClient(
        "rclone",
        "rclone",
        (scenario, job) -> {
          String path = remote.apply(job.key());
          return switch (scenario) {
            case UPLOAD_SMALL, UPLOAD_LARGE ->
                new PeerClient.Command(
                    join(head, List.of("copyto", job.upload().toString(), path)), null);
            case UPLOAD_STREAM ->
                new PeerClient.Command(join(head, List.of("rcat", path)), job.payload());
            case DOWNLOAD_SMALL, DOWNLOAD_LARGE ->
                new PeerClient.Command(join(head, List.of("cat", path)), null);
            case DOWNLOAD_LARGE_TO_FILE ->
                new PeerClient.Command(
                    join(head, List.of("copyto", path, job.output().toString())), null);
            default -> null;
          };
        },
        Map.of(),
        NOT_FOR_RCLONE,
        scratch,
        () -> deleteQuietly(file));
  }

  /** Writes a file only the owner can read (it holds keys). */
  private static Path secretFile(Path dir, String prefix, String content) throws IOException {
    Path file;
    try {
      file =
          Files.createTempFile(
              dir,
              prefix,
              ".conf",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      file = Files.createTempFile(dir, prefix, ".conf");
    }
    Files.writeString(file, content);
    return file;
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void deleteQuietly(@Nullable Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete a temporary peer config", e);
    }
  }
}
