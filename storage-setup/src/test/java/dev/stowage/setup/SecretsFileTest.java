package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsFileTest {
  private static final CreatedKey KEY =
      new CreatedKey(
          "my-app",
          "0051234567890000000000001",
          "K005SecretValueXYZ",
          List.of("readFiles"),
          "my-bucket-1",
          null);

  private static SetupResult result(CreatedKey... keys) {
    return new SetupResult(
        "b2", "my-bucket-1", "bucket-id-1", "https://s3.example.test", List.of(), List.of(keys));
  }

  @Test
  void writeSecrets_newFile_isOwnerOnlyAndHoldsBothSpellings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bucket.env");

    result(KEY).writeSecrets(file, false);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains(
            "B2_APPLICATION_KEY_ID=0051234567890000000000001",
            "B2_APPLICATION_KEY=K005SecretValueXYZ",
            "AWS_ACCESS_KEY_ID=0051234567890000000000001",
            "AWS_SECRET_ACCESS_KEY=K005SecretValueXYZ",
            "AWS_ENDPOINT_URL=https://s3.example.test");
  }

  @Test
  void writeSecrets_existingFile_isRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bucket.env"), "keep me");

    assertThatThrownBy(() -> result(KEY).writeSecrets(file, false))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void writeSecrets_forced_replacesWithOwnerOnlyFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bucket.env"), "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    result(KEY).writeSecrets(file, true);

    assertThat(Files.readString(file)).contains("K005SecretValueXYZ");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void writeSecrets_severalKeys_suffixesVariables(@TempDir Path dir) throws Exception {
    CreatedKey second =
        new CreatedKey(
            "read-only",
            "0051234567890000000000002",
            "K005Other",
            List.of("readFiles"),
            "my-bucket-1",
            "public/");
    Path file = dir.resolve("keys.env");

    result(KEY, second).writeSecrets(file, false);

    assertThat(Files.readString(file))
        .contains(
            "B2_APPLICATION_KEY_MY_APP=K005SecretValueXYZ",
            "B2_APPLICATION_KEY_READ_ONLY=K005Other");
  }

  @Test
  void writeSecrets_noKeys_isAnError(@TempDir Path dir) {
    assertThatThrownBy(() -> result().writeSecrets(dir.resolve("x.env"), false))
        .isInstanceOf(IllegalStateException.class);
    assertThat(dir.resolve("x.env")).doesNotExist();
  }

  @Test
  void toString_neverShowsTheSecret() {
    assertThat(KEY.toString())
        .doesNotContain("K005SecretValueXYZ")
        .contains("0051234567890000000000001");
    assertThat(result(KEY).toString()).doesNotContain("K005SecretValueXYZ");
  }
}
