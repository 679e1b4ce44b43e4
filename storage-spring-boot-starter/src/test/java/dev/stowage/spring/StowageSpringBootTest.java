package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stowage.Filesystem;
import dev.stowage.decorator.MountManager;
import dev.stowage.micrometer.ObservedFilesystem;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
@SpringBootTest(classes = StowageSpringBootTest.App.class, properties = {
    "management.endpoint.health.show-details=always",
    "management.endpoint.configprops.show-values=always",
    "management.endpoints.web.exposure.include=health,configprops",
    "logging.level.dev.stowage=DEBUG",
    "logging.level.org.springframework.boot.context.properties=TRACE"})
@ExtendWith(OutputCaptureExtension.class)
class StowageSpringBootTest {

  private static final B2EmulatorFixture B2 = new B2EmulatorFixture();
  private static final S3ProxyFixture S3 = start();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Autowired Filesystem filesystem;
  @Autowired MountManager mounts;
  @Autowired HealthEndpoint health;
  @Autowired ConfigurationPropertiesReportEndpoint configprops;
  @Autowired MeterRegistry meters;

  private static S3ProxyFixture start() {
    try {
      return new S3ProxyFixture();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
  }

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

  @AfterAll
  static void stop() throws Exception {
    S3.close();
    B2.close();
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
    assertThat(meters.get("stowage.operation").tag("operation", "write").tag("filesystem", "stowage")
        .tag("adapter", "b2").tag("outcome", "success").timer().count()).isPositive();
    assertThat(meters.get("stowage.operation").tag("operation", "write").tag("filesystem", "s3")
        .tag("adapter", "s3").timer().count()).isPositive();
    assertThat(meters.get("stowage.bytes.written").tag("filesystem", "s3").counter().count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void healthEndpoint_reportsEveryFilesystemUp() {
    HealthComponent stowage = health.healthForPath("stowage");
    assertThat(stowage.getStatus()).isEqualTo(Status.UP);
    assertThat(((CompositeHealth) stowage).getComponents()).containsOnlyKeys("stowageFilesystem", "stowageMounts");
    CompositeHealth mountHealth = (CompositeHealth) health.healthForPath("stowage", "stowageMounts");
    assertThat(mountHealth.getComponents()).containsOnlyKeys("b2", "s3");
  }

  @Test
  void configpropsAndStartupLog_neverShowASecret(CapturedOutput output) throws Exception {
    String report = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .writeValueAsString(configprops.configurationProperties());
    assertThat(report).contains("stowage.mounts", B2.endpoint()).doesNotContain(B2.secret())
        .doesNotContain(S3.secret());
    assertThat(output.getAll()).contains("Started StowageSpringBootTest")
        .doesNotContain(B2.secret()).doesNotContain(S3.secret());
  }
}
