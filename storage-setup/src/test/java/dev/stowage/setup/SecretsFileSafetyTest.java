package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.client.B2Key;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A new key's secret is never lost: the secrets file is checked before any change, and a failed write rolls back. */
@Timeout(60)
class SecretsFileSafetyTest {
  private static final String BUCKET = "secrets-safety-1";

  @TempDir Path dir;

  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perTest();

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture(B2.emulator());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static BucketSpec spec() {
    return BucketSpec.builder(BUCKET).key(KeySpec.of("kw", KeySpec.READ_WRITE)).build();
  }

  private List<String> keyNames() {
    return fixture.admin.listKeys(null, 100).keys().stream().map(B2Key::keyName).toList();
  }

  private boolean bucketExists() {
    return !fixture.admin.listBuckets(null, BUCKET).isEmpty();
  }

  @Test
  void apply_secretsDirectoryMissing_failsNamingThePathBeforeAnyChange() {
    Path file = dir.resolve("nonexistent/dir/kw.env");
    Plan plan = fixture.setup.plan(spec());

    assertThatThrownBy(() -> fixture.setup.apply(plan, file))
        .isInstanceOfSatisfying(
            SecretsFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toAbsolutePath());
              assertThat(e.deletedKeyIds()).isEmpty();
            })
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("nothing was changed");
    assertThat(keyNames()).isEmpty();
    assertThat(bucketExists()).isFalse();
    assertThat(dir.resolve("nonexistent")).doesNotExist();
  }

  @Test
  void apply_secretsPathIsADirectoryOrUnderAFile_refusedBeforeAnyChange() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Plan plan = fixture.setup.plan(spec());

    assertThatThrownBy(() -> fixture.setup.apply(plan, dir))
        .isInstanceOf(SecretsFileException.class)
        .hasMessageContaining("is a directory");
    assertThatThrownBy(() -> fixture.setup.apply(plan, file.resolve("kw.env")))
        .isInstanceOf(SecretsFileException.class)
        .hasMessageContaining("is not a directory");
    assertThatThrownBy(() -> fixture.setup.apply(plan, file))
        .isInstanceOf(SecretsFileException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readString(file)).isEqualTo("x");
    assertThat(keyNames()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).as("no probe file is left").containsExactly(file);
    }
  }

  @Test
  void apply_writeFailsAfterTheKeyWasCreated_deletesTheKeyAndSaysSo() throws IOException {
    Path file = dir.resolve("kw.env");
    Plan plan = fixture.setup.plan(spec());
    String[] secret = new String[1];

    assertThatThrownBy(
            () ->
                fixture.setup.apply(
                    plan,
                    file,
                    (f, result) -> {
                      secret[0] = result.createdKeys().get(0).applicationKey();
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOfSatisfying(
            SecretsFileException.class,
            e -> {
              assertThat(e.deletedKeyIds()).hasSize(1);
              assertThat(e.keptKeyIds()).isEmpty();
              assertThat(e.getMessage())
                  .contains(
                      file.toAbsolutePath().toString(),
                      "No space left on device",
                      "deleted the new key(s) " + e.deletedKeyIds().get(0))
                  .doesNotContain(secret[0]);
            });
    assertThat(keyNames()).as("the key whose secret could not be saved is gone").isEmpty();
    assertThat(file).doesNotExist();

    // the rerun creates the key again instead of finding it already there
    SetupResult again = fixture.setup.run(spec(), file);
    assertThat(again.createdKeys()).hasSize(1);
    assertThat(keyNames()).containsExactly("kw");
    assertThat(Files.readString(file))
        .contains("B2_APPLICATION_KEY=" + again.createdKeys().get(0).applicationKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void apply_noKeyInThePlan_leavesTheSecretsFileAlone() {
    Path file = dir.resolve("missing/none.env");
    SetupResult result =
        fixture.setup.apply(fixture.setup.plan(BucketSpec.builder(BUCKET).build()), file);

    assertThat(result.createdKeys()).isEmpty();
    assertThat(bucketExists()).isTrue();
    assertThat(file).doesNotExist();
  }
}
