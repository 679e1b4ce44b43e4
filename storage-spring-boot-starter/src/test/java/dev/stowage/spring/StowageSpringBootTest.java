package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stowage.Filesystem;
import dev.stowage.decorator.MountManager;
import dev.stowage.micrometer.ObservedFilesystem;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.S3ProxyExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot application with the starter: {@code stowage.uri} on the B2 emulator and two
 * mounts, one on the emulator and one on S3Proxy; the health endpoint and the configuration report
 * as an operator would read them, Actuator's Micrometer observing every filesystem, and a startup
 * log without secrets.
 */
@SpringBootTest(
    classes = StowageSpringBootTest.App.class,
    properties = {
      "management.endpoint.health.show-details=always",
      "management.endpoint.configprops.show-values=always",
      "management.endpoints.web.exposure.include=health,configprops",
      "logging.level.dev.stowage=DEBUG",
      "logging.level.org.springframework.boot.context.properties=TRACE"
    })
@ExtendWith(OutputCaptureExtension.class)
class StowageSpringBootTest {

  @RegisterExtension
  static final B2EmulatorExtension B2_EMULATOR =
      B2EmulatorExtension.builder().bucket("boot-bucket").perClass();

  @RegisterExtension
  static final S3ProxyExtension S3_PROXY =
      S3ProxyExtension.builder().bucket("boot-bucket").perClass();

  private static final B2Server B2 = new B2Server(B2_EMULATOR, "boot-bucket");
  private static final S3Server S3 = new S3Server(S3_PROXY, "boot-bucket");

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Autowired Filesystem filesystem;
  @Autowired MountManager mounts;
  @Autowired HealthEndpoint health;
  @Autowired ConfigurationPropertiesReportEndpoint configprops;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void stowage(DynamicPropertyRegistry registry) {
    add(registry, B2.properties("stowage", B2.bucket(), "app"));
    add(registry, B2.properties("stowage.mounts.b2", B2.bucket(), "mounted"));
    add(registry, S3.properties("stowage.mounts.s3", S3.bucket(), "mounted"));
  }

  private static void add(DynamicPropertyRegistry registry, String[] properties) {
    for (String p : properties) {
      int eq = p.indexOf('=');
      registry.add(p.substring(0, eq), () -> p.substring(eq + 1));
    }
  }

  @Test
  void application_filesystemAndMounts_workAgainstBothServers() {
    filesystem.write("hello.txt", "from the primary filesystem");
    assertThat(filesystem.readString("hello.txt")).isEqualTo("from the primary filesystem");
    mounts.write("b2://report.csv", "a,b\n1,2\n");
    mounts.copy("b2://report.csv", "s3://copied/report.csv");
    assertThat(mounts.readString("s3://copied/report.csv")).isEqualTo("a,b\n1,2\n");
    // The primary filesystem and the b2 mount share the bucket under different roots.
    assertThat(filesystem.exists("report.csv")).isFalse();
  }

  @Test
  void actuatorMicrometer_observesEveryFilesystemByMountAndAdapter() {
    assertThat(filesystem).isInstanceOf(ObservedFilesystem.class);
    filesystem.write("observed.txt", "1234");
    mounts.write("s3://observed.txt", "123");
    assertThat(
            meters
                .get("stowage.operation")
                .tag("operation", "write")
                .tag("filesystem", "stowage")
                .tag("adapter", "b2")
                .tag("outcome", "success")
                .timer()
                .count())
        .isPositive();
    assertThat(
            meters
                .get("stowage.operation")
                .tag("operation", "write")
                .tag("filesystem", "s3")
                .tag("adapter", "s3")
                .timer()
                .count())
        .isPositive();
    assertThat(meters.get("stowage.bytes.written").tag("filesystem", "s3").counter().count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void healthEndpoint_reportsEveryFilesystemUp() {
    HealthComponent stowage = health.healthForPath("stowage");
    assertThat(stowage.getStatus()).isEqualTo(Status.UP);
    assertThat(((CompositeHealth) stowage).getComponents())
        .containsOnlyKeys("stowageFilesystem", "stowageMounts");
    CompositeHealth mountHealth =
        (CompositeHealth) health.healthForPath("stowage", "stowageMounts");
    assertThat(mountHealth.getComponents()).containsOnlyKeys("b2", "s3");
  }

  @Test
  void configpropsAndStartupLog_neverShowASecret(CapturedOutput output) throws Exception {
    String report =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .writeValueAsString(configprops.configurationProperties());
    assertThat(report)
        .contains("stowage.mounts", B2.endpoint())
        .doesNotContain(B2.secret())
        .doesNotContain(S3.secret());
    assertThat(output.getAll())
        .contains("Started StowageSpringBootTest")
        .doesNotContain(B2.secret())
        .doesNotContain(S3.secret());
  }
}
