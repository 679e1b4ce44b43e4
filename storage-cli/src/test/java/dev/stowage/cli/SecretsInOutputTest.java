package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.B2EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never reach the output of a real {@code stowage} process, logs included, even with
 * {@code --debug}: the captured standard output and error are searched for them.
 */
@Tag("interop")
@Timeout(120)
class SecretsInOutputTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().bucket("cli-test").perClass();

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void ls_b2EndpointWithUserInfo_withDebug_isRefusedWithoutEchoingTheSecret() throws Exception {
    String secret = "PASSWORD-IN-ENDPOINT-7731";
    try (ChildCli child =
        ChildCli.start(
            dir,
            Map.of("B2_APPLICATION_KEY_ID", "id", "B2_APPLICATION_KEY", "key"),
            "ls",
            "--debug",
            "b2://bucket/dir?endpoint=http://user:" + secret + "@127.0.0.1:9")) {
      int status = child.waitFor(LIMIT);

      assertThat(status).as(child.err()).isEqualTo(2);
      assertThat(child.err()).contains("user information");
      assertThat(child.out() + child.err()).doesNotContain(secret);
    }
  }

  @Test
  void ls_invalidUriWithSecretInQuery_withDebug_neverEchoesIt() throws Exception {
    String secret = "SECRET-IN-QUERY-5512";
    try (ChildCli child =
        ChildCli.start(
            dir,
            Map.of("B2_APPLICATION_KEY_ID", "id", "B2_APPLICATION_KEY", "key"),
            "ls",
            "--debug",
            "b2://bucket/dir?endpoint=http://127.0.0.1:9&x=" + secret + "^oops")) {
      int status = child.waitFor(LIMIT);

      assertThat(status).as(child.err()).isEqualTo(2);
      assertThat(child.out() + child.err()).doesNotContain(secret);
    }
  }

  @Test
  void ls_wrongB2Key_withDebug_logsNeitherKeyNorSecret() throws Exception {
    String secret = "K005wrongSecretValue0123456789";
    try (ChildCli child =
        ChildCli.start(
            dir,
            Map.of("B2_APPLICATION_KEY_ID", B2.emulator().keyId(), "B2_APPLICATION_KEY", secret),
            "ls",
            "--debug",
            "b2://cli-test/x?endpoint=" + B2.emulator().url())) {
      int status = child.waitFor(LIMIT);

      assertThat(status).as(child.err()).isEqualTo(1);
      // Logs went through the redacting converters LogConfigurator sets up, which worked.
      assertThat(child.err()).contains("stowage: DEBUG dev.stowage").doesNotContain("PARSER_ERROR");
      assertThat(child.out() + child.err()).doesNotContain(secret);
    }
  }
}
