package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent client, b2sdk (Debian python3-b2sdk, run with /usr/bin/python3), reads back exactly the lifecycle
 * rules, CORS rules, encryption and key restrictions the setup asked for. Skipped with a message when b2sdk is missing.
 */
@Tag("interop")
@Timeout(120)
class B2SdkReadbackInteropTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** No buckets declared: the setup under test makes the bucket and its key. */
  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perClass();

  private static boolean b2sdkInstalled() throws Exception {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-c", "import b2sdk.v2")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  private static JsonNode readBack(B2Emulator emulator, String bucket, Path dir) throws Exception {
    Path script = dir.resolve("b2sdk_readback.py");
    try (InputStream in =
        B2SdkReadbackInteropTest.class.getResourceAsStream("/b2sdk_readback.py")) {
      Files.copy(in, script);
    }
    List<String> command =
        new ArrayList<>(List.of(PYTHON.toString(), script.toString(), emulator.url(), bucket));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().put("B2_APPLICATION_KEY_ID", emulator.keyId());
    pb.environment().put("B2_APPLICATION_KEY", emulator.applicationKey());
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    return MAPPER.readTree(out);
  }

  @Test
  void run_guideSpec_b2sdkReadsBackRulesAndKeyRestrictions(@TempDir Path dir) throws Exception {
    assumeTrue(
        b2sdkInstalled(),
        "b2sdk is not installed for /usr/bin/python3 (apt-get install python3-b2sdk)");
    BucketSpec spec = B2BucketSetupTest.guideSpec();
    B2Emulator emulator = B2.emulator();
    try (B2BucketSetup setup =
        B2BucketSetup.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(emulator.keyId(), emulator.applicationKey())
            .build()) {
      SetupResult result = setup.run(spec);

      JsonNode seen = readBack(emulator, spec.name(), dir);

      assertThat(seen.path("bucketId").asText()).isEqualTo(result.bucketId());
      assertThat(seen.path("bucketType").asText()).isEqualTo("allPrivate");
      assertThat(seen.path("encryption").asText()).isEqualTo("SSE-B2");
      assertThat(seen.path("lifecycleRules")).isEqualTo(MAPPER.valueToTree(spec.lifecycleRules()));
      assertThat(seen.path("corsRules")).isEqualTo(MAPPER.valueToTree(spec.corsRules()));
      JsonNode key = null;
      for (JsonNode k : seen.path("keys")) {
        if (k.path("keyName").asText().equals("my-app-key")) {
          key = k;
        }
      }
      assertThat(key).as("key my-app-key in %s", seen.path("keys")).isNotNull();
      assertThat(key.path("applicationKeyId").asText())
          .isEqualTo(result.createdKeys().get(0).applicationKeyId());
      assertThat(key.path("bucketId").asText()).isEqualTo(result.bucketId());
      assertThat(key.path("namePrefix").asText()).isEqualTo("uploads/");
      List<String> caps = new ArrayList<>();
      key.path("capabilities").forEach(c -> caps.add(c.asText()));
      assertThat(caps).containsExactlyInAnyOrderElementsOf(KeySpec.READ_WRITE);
    }
  }
}
