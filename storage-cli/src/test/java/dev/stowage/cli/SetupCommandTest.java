package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.setup.Change;
import dev.stowage.setup.KeySpec;
import dev.stowage.setup.Plan;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage setup} against the B2 emulator and S3Proxy. */
@Tag("interop")
@Timeout(120)
class SetupCommandTest {

  @RegisterExtension static final LoopbackBackends backends = LoopbackBackends.perClass();

  @TempDir Path dir;

  private FakeConsole console() {
    return backends.credentials(new FakeConsole());
  }

  private String b2() {
    return backends.b2().url();
  }

  /** Plans {@code spec} on the emulator, to see what the CLI left behind. */
  private static Plan plan(BucketSpec spec) {
    B2Emulator b2 = backends.b2();
    try (B2BucketSetup setup =
        B2BucketSetup.builder()
            .endpoint(URI.create(b2.url()))
            .credentials(b2.keyId(), b2.applicationKey())
            .build()) {
      return setup.plan(spec);
    }
  }

  @Test
  void setupB2_createsTheBucketWithItsRules_andASecondRunChangesNothing() {
    String[] args = {
      "setup",
      "b2",
      "--bucket",
      "site-assets",
      "--type",
      "public",
      "--lifecycle",
      "keep-only-last-version",
      "--cors",
      "origins:http://localhost:8080",
      "--endpoint",
      b2()
    };

    FakeConsole.Result first = console().run(args);
    FakeConsole.Result second = console().run(args);

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("+ CREATE_BUCKET").contains("applied");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).contains("no changes").doesNotContain("applied");
  }

  @Test
  void setupB2_dryRun_printsThePlanAndCreatesNothing() {
    FakeConsole.Result r =
        console().run("setup", "b2", "--bucket", "dry-run-only", "--endpoint", b2(), "--dry-run");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("CREATE_BUCKET").contains("dry run: nothing changed");
    assertThat(plan(BucketSpec.builder("dry-run-only").build()).changes())
        .extracting(Change::action)
        .contains(Change.Action.CREATE_BUCKET);
  }

  // Key names are account-wide: each test uses its own.
  @Test
  void setupB2_keyWithoutSecretsFile_isRefusedBeforeAnyChange() {
    FakeConsole.Result r =
        console()
            .run(
                "setup",
                "b2",
                "--bucket",
                "keyed-bucket",
                "--key-name",
                "app-one",
                "--key-capabilities",
                "listFiles,readFiles",
                "--endpoint",
                b2());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--secrets-file");
    assertThat(plan(BucketSpec.builder("keyed-bucket").build()).changes())
        .extracting(Change::action)
        .contains(Change.Action.CREATE_BUCKET);
  }

  @Test
  void setupB2_key_savesTheSecretToAPrivateFileAndNeverPrintsIt() throws Exception {
    Path secrets = dir.resolve("app.env");

    FakeConsole.Result r =
        console()
            .run(
                "setup",
                "b2",
                "--bucket",
                "keyed-bucket-2",
                "--key-name",
                "app-two",
                "--key-capabilities",
                "listFiles,readFiles,writeFiles",
                "--key-prefix",
                "uploads/",
                "--secrets-file",
                secrets.toString(),
                "--endpoint",
                b2());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String env = Files.readString(secrets);
    assertThat(env).contains("B2_APPLICATION_KEY_ID=").contains("B2_APPLICATION_KEY=");
    String secret =
        env.lines()
            .filter(l -> l.startsWith("B2_APPLICATION_KEY="))
            .findFirst()
            .orElseThrow()
            .substring("B2_APPLICATION_KEY=".length());
    assertThat(r.out() + r.err()).contains("created key 'app-two'").doesNotContain(secret);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
        .isEqualTo("rw-------");
    assertThat(
            plan(BucketSpec.builder("keyed-bucket-2")
                    .key(
                        KeySpec.of("app-two", List.of("listFiles", "readFiles", "writeFiles"))
                            .withNamePrefix("uploads/"))
                    .build())
                .changes())
        .extracting(Change::action)
        .contains(Change.Action.KEY_EXISTS);
  }

  @Test
  void setupB2_secretsFileInAMissingDirectory_failsBeforeCreatingTheKey_andTheRerunWorks()
      throws Exception {
    Path unwritable = dir.resolve("no-such-dir").resolve("kw.env");

    FakeConsole.Result r =
        console()
            .run(
                "setup",
                "b2",
                "--bucket",
                "keyed-bucket-3",
                "--key-name",
                "app-three",
                "--key-capabilities",
                "listFiles,readFiles",
                "--secrets-file",
                unwritable.toString(),
                "--endpoint",
                b2());

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains(unwritable.toString());
    KeySpec key = KeySpec.of("app-three", List.of("listFiles", "readFiles"));
    assertThat(plan(BucketSpec.builder("keyed-bucket-3").key(key).build()).changes())
        .extracting(Change::action)
        .contains(Change.Action.CREATE_KEY)
        .doesNotContain(Change.Action.KEY_EXISTS);

    Path secrets = dir.resolve("kw.env");
    FakeConsole.Result rerun =
        console()
            .run(
                "setup",
                "b2",
                "--bucket",
                "keyed-bucket-3",
                "--key-name",
                "app-three",
                "--key-capabilities",
                "listFiles,readFiles",
                "--secrets-file",
                secrets.toString(),
                "--endpoint",
                b2());
    assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
    assertThat(Files.readString(secrets)).contains("B2_APPLICATION_KEY=");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
        .isEqualTo("rw-------");
  }

  @Test
  void setupB2_fromSpecFile_appliesIt() throws Exception {
    Path spec = dir.resolve("bucket.json");
    Files.writeString(
        spec,
        BucketSpec.builder("from-spec-file")
            .corsPreset("share-all-https", dev.stowage.setup.CorsApis.BOTH)
            .build()
            .toJson());

    FakeConsole.Result r =
        console().run("setup", "b2", "--spec", spec.toString(), "--endpoint", b2());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("from-spec-file").contains("stowage-share-all-https");
  }

  @Test
  void setup_badInput_isAUsageErrorNamingTheProblem() {
    assertThat(console().run("setup", "b2", "--bucket", "x", "--endpoint", b2()).err())
        .contains("name");
    assertThat(
            console()
                .run(
                    "setup",
                    "b2",
                    "--bucket",
                    "good-name",
                    "--cors",
                    "origins:",
                    "--endpoint",
                    b2())
                .exitCode())
        .isEqualTo(2);
    assertThat(console().run("setup", "gcs", "--bucket", "good-name").err())
        .contains("use 'setup b2' or 'setup s3'");
    assertThat(console().run("setup", "b2").err()).contains("--bucket NAME");
    assertThat(
            console()
                .run(
                    "setup",
                    "s3",
                    "--bucket",
                    "good-name",
                    "--key-name",
                    "k",
                    "--key-capabilities",
                    "listFiles")
                .err())
        .contains("only through the B2 native API");
    assertThat(
            new FakeConsole().run("setup", "b2", "--bucket", "good-name", "--endpoint", b2()).err())
        .contains("B2_APPLICATION_KEY_ID");
    assertThat(plan(BucketSpec.builder("good-name").build()).changes())
        .extracting(Change::action)
        .contains(Change.Action.CREATE_BUCKET);
  }

  @Test
  void setupS3_createsTheBucketOnS3Proxy() {
    FakeConsole.Result r =
        console()
            .run(
                "setup",
                "s3",
                "--bucket",
                "made-by-setup",
                "--endpoint",
                backends.s3().endpoint().toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("CREATE_BUCKET");
    assertThat(
            console()
                .run(
                    "ls",
                    "s3://made-by-setup?endpoint=" + backends.s3().endpoint() + "&region=us-east-1")
                .exitCode())
        .isZero();
  }
}
