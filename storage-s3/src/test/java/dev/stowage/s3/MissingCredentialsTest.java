package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Without credentials the adapter fails with PERMISSION_DENIED (not retried) saying what to set,
 * instead of an UNAVAILABLE that reads like a network failure. The default chain is isolated from
 * this machine: its profile files point at an empty directory and instance metadata is off.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MissingCredentialsTest {

  private static final String[] PROPERTIES = {
    "aws.sharedCredentialsFile",
    "aws.configFile",
    "aws.profile",
    "aws.disableEc2Metadata",
    "aws.accessKeyId",
    "aws.secretAccessKey",
    "aws.sessionToken"
  };
  private final Map<String, String> saved = new HashMap<>();

  @TempDir Path empty;

  @BeforeEach
  void isolateDefaultChain() {
    for (String p : PROPERTIES) {
      saved.put(p, System.getProperty(p));
      System.clearProperty(p);
    }
    System.setProperty("aws.sharedCredentialsFile", empty.resolve("credentials").toString());
    System.setProperty("aws.configFile", empty.resolve("config").toString());
    System.setProperty("aws.profile", "stowage-no-such-profile");
    System.setProperty("aws.disableEc2Metadata", "true");
  }

  @AfterEach
  void restore() {
    saved.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }

  @Test
  void stat_defaultChainFindsNothing_permissionDeniedNamingWhatToSet() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("AWS_ACCESS_KEY_ID") == null
            && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
            && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
            && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null,
        "the environment holds AWS credentials");
    S3Config config =
        S3Config.builder("bucket")
            .profile(S3Profile.GENERIC)
            .endpoint(URI.create("http://127.0.0.1:9"))
            .build();

    try (Filesystem fs = Filesystem.of(S3Adapter.create(config))) {
      assertThatThrownBy(() -> fs.stat("a.txt"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
                assertThat(e.kind().retryable()).isFalse();
                assertThat(e.getMessage())
                    .contains(
                        "AWS_ACCESS_KEY_ID",
                        "AWS_SECRET_ACCESS_KEY",
                        "AWS_PROFILE",
                        "accessKey",
                        "secretKey");
              });
    }
  }

  @Test
  void write_providerWithUnknownProfile_permissionDeniedNamingWhatToSet() throws Exception {
    java.nio.file.Files.writeString(empty.resolve("none"), "");
    ProfileCredentialsProvider missing =
        ProfileCredentialsProvider.builder()
            .profileFile(
                ProfileFile.builder()
                    .content(empty.resolve("none"))
                    .type(ProfileFile.Type.CREDENTIALS)
                    .build())
            .profileName("stowage-no-such-profile")
            .build();
    S3Config config =
        S3Config.builder("bucket")
            .profile(S3Profile.GENERIC)
            .endpoint(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(missing)
            .build();

    try (Filesystem fs = Filesystem.of(S3Adapter.create(config))) {
      assertThatThrownBy(() -> fs.write("a.txt", "x"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
                assertThat(e.getMessage()).contains("AWS_PROFILE");
              });
    }
  }
}
