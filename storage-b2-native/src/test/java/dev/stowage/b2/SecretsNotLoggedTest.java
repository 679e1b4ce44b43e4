package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.B2TestKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key ids, keys and tokens never reach the log or an exception message, even with every Stowage
 * logger at TRACE (HTTP requests and headers logged): a child JVM runs a scenario full of
 * retries, expired tokens and failures, and its whole output is searched for every secret.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecretsNotLoggedTest {
  private static final String MASTER_ID = "MasterKeyId4711";
  private static final String MASTER_KEY = "MasterSecretKey0815xyz";

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .keyId(MASTER_ID)
                      .applicationKey(MASTER_KEY)
                      .recommendedPartSize(2048)
                      .absoluteMinimumPartSize(1024))
          .bucket("secrets")
          .key(
              "logged",
              k ->
                  k.bucket("secrets")
                      .capabilities(
                          "listBuckets",
                          "listFiles",
                          "readFiles",
                          "writeFiles",
                          "deleteFiles",
                          "shareFiles"))
          .perTest();

  @Test
  void scenario_atTraceLevel_logsNoSecret(@TempDir Path dir) throws Exception {
    B2Emulator emulator = B2.emulator();
    String bucket = "secrets";
    B2TestKey key = B2.key("logged");
    Path secretsFile = dir.resolve("tokens.txt");
    ChildJvm.Result r =
        ChildJvm.run(
            SecretsScenarioChild.class,
            List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.logFile=System.out"),
            Map.of(
                B2Credentials.KEY_ID_VARIABLE,
                MASTER_ID,
                B2Credentials.KEY_VARIABLE,
                MASTER_KEY,
                "TEST_APP_KEY_ID",
                key.keyId(),
                "TEST_APP_KEY",
                key.applicationKey()),
            List.of(emulator.url(), bucket, secretsFile.toString()),
            dir.resolve("child.log"),
            150);
    String out = r.output();
    assertThat(r.exitCode()).as("exit code; output:%n%s", tail(out)).isZero();
    assertThat(out)
        .contains("scenario done")
        .contains("DEBUG dev.stowage.b2.http - --> POST")
        .contains("TRACE dev.stowage.b2.http - --> Authorization: ***")
        .contains("open with a wrong key: dev.stowage")
        .contains("read a missing file: dev.stowage");
    List<String> secrets =
        new ArrayList<>(List.of(MASTER_ID, MASTER_KEY, key.keyId(), key.applicationKey()));
    secrets.addAll(Files.readAllLines(secretsFile, StandardCharsets.UTF_8));
    // What a Basic authorisation header would carry, and a secret given as endpoint user info.
    secrets.add(basic(MASTER_ID, MASTER_KEY));
    secrets.add(basic(key.keyId(), key.applicationKey()));
    secrets.add("EndpointUserInfoSecret77");
    assertThat(out).contains("endpoint with user info: java.lang.IllegalArgumentException");
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(17);
    List<String> leaks = new ArrayList<>();
    for (String line : out.split("\n")) {
      for (int i = 0; i < secrets.size(); i++) {
        if (line.contains(secrets.get(i))) {
          leaks.add("secret #" + i + " in: " + line.replace(secrets.get(i), "<SECRET #" + i + ">"));
        }
      }
    }
    assertThat(leaks).as("lines of the output that contain a secret").isEmpty();
  }

  private static String basic(String id, String key) {
    return java.util.Base64.getEncoder()
        .encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String tail(String s) {
    return s.length() < 20_000 ? s : s.substring(s.length() - 20_000);
  }
}
