package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.S3ProxyExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The health entry and failed startups against the B2 emulator and S3Proxy: UP on a bucket that
 * answers, DOWN with the kind on a missing bucket or a refused key, and no secret in any log,
 * health detail or startup failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServersHealthTest {

  @RegisterExtension
  static final B2EmulatorExtension B2_EMULATOR =
      B2EmulatorExtension.builder().bucket("boot-bucket").perClass();

  @RegisterExtension
  static final S3ProxyExtension S3_PROXY =
      S3ProxyExtension.builder().bucket("boot-bucket").perClass();

  private static final StorageServer B2 = new B2Server(B2_EMULATOR, "boot-bucket");
  private static final StorageServer S3 = new S3Server(S3_PROXY, "boot-bucket");

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  StowageAutoConfiguration.class,
                  StowageHealthAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class))
          .withPropertyValues("logging.level.dev.stowage=DEBUG");

  static Stream<String> servers() {
    return Stream.of("b2", "s3");
  }

  private static StorageServer server(String name) {
    return name.equals("b2") ? B2 : S3;
  }

  private static Health health(org.springframework.context.ApplicationContext context) {
    return ((HealthIndicator)
            context.getBean(StowageHealthContributor.class).getContributor("stowageFilesystem"))
        .health();
  }

  @ParameterizedTest
  @MethodSource("servers")
  void health_bucketThatAnswers_isUp(String name, CapturedOutput output) {
    StorageServer server = server(name);
    runner
        .withPropertyValues(server.properties("stowage", server.bucket(), "health-up"))
        .run(
            context -> {
              context.getBean(Filesystem.class).write("probe.txt", "x");
              assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            });
    assertThat(output.getAll()).doesNotContain(server.secret());
  }

  @ParameterizedTest
  @MethodSource("servers")
  void health_missingBucket_isDownWithBucketNotFound(String name, CapturedOutput output) {
    StorageServer server = server(name);
    runner
        .withPropertyValues(server.properties("stowage", "no-such-bucket-here", "x"))
        .run(
            context -> {
              Health h = health(context);
              assertThat(h.getStatus()).isEqualTo(Status.DOWN);
              assertThat(h.getDetails()).containsEntry("kind", "BUCKET_NOT_FOUND");
              assertThat(h.toString()).doesNotContain(server.secret());
            });
    assertThat(output.getAll()).doesNotContain(server.secret());
  }

  @ParameterizedTest
  @MethodSource("servers")
  void health_refusedKey_isDownWithPermissionDeniedAndNeverShowsTheKey(
      String name, CapturedOutput output) {
    StorageServer server = server(name);
    String wrong = "Wrong-Secret-" + name + "-31337";
    List<String> props =
        new ArrayList<>(Arrays.asList(server.properties("stowage", server.bucket(), "x")));
    props.add(server.secretProperty("stowage", wrong));
    runner
        .withPropertyValues(props.toArray(String[]::new))
        .run(
            context -> {
              Health h = health(context);
              assertThat(h.getStatus()).isEqualTo(Status.DOWN);
              assertThat(h.getDetails()).containsEntry("kind", "PERMISSION_DENIED");
              assertThat(h.toString()).doesNotContain(wrong);
            });
    assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(server.secret());
  }

  @ParameterizedTest
  @MethodSource("servers")
  void startup_badSetting_failsNamingItWithoutShowingTheSecret(String name, CapturedOutput output) {
    StorageServer server = server(name);
    List<String> props =
        new ArrayList<>(Arrays.asList(server.properties("stowage", server.bucket(), "x")));
    props.add("stowage.settings.colour=red");
    runner
        .withPropertyValues(props.toArray(String[]::new))
        .run(
            context -> {
              assertThat(context).hasFailed();
              StringWriter trace = new StringWriter();
              context.getStartupFailure().printStackTrace(new PrintWriter(trace));
              assertThat(trace.toString()).contains("colour").doesNotContain(server.secret());
            });
    assertThat(output.getAll()).doesNotContain(server.secret());
  }
}
