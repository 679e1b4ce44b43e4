package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stowage.Filesystem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health entry and the sanitizing of credentials in actuator endpoints. */
class StowageActuatorTest {

  private static final String SECRET = "K005-Secret-Value-4711";
  private static final String EXPOSE = "management.endpoints.web.exposure.include=env,configprops";
  private static final String DEFAULT_SECRET = "Default-Secret-Value-1234";
  private static final String MOUNT_SECRET = "Mount-Secret-Value-0815";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  StowageAutoConfiguration.class,
                  StowageActuatorAutoConfiguration.class,
                  StowageHealthAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class));

  @Test
  void health_memoryFilesystemAndMounts_areUpAndNamedByBeanAndMount() {
    runner
        .withPropertyValues(
            "stowage.uri=memory:",
            "stowage.mounts.hot.uri=memory:",
            "stowage.mounts.cold.uri=memory:")
        .run(
            context -> {
              StowageHealthContributor health = context.getBean(StowageHealthContributor.class);
              assertThat(
                      ((HealthIndicator) health.getContributor("stowageFilesystem"))
                          .health()
                          .getStatus())
                  .isEqualTo(Status.UP);
              HealthContributor mounts = health.getContributor("stowageMounts");
              assertThat(mounts).isInstanceOf(CompositeHealthContributor.class);
              HealthIndicator cold =
                  (HealthIndicator) ((CompositeHealthContributor) mounts).getContributor("cold");
              assertThat(cold.health().getStatus()).isEqualTo(Status.UP);
            });
  }

  @Test
  void health_disabledByProperty_noContributor() {
    runner
        .withPropertyValues("stowage.uri=memory:", "management.health.stowage.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Filesystem.class);
              assertThat(context).doesNotHaveBean(StowageHealthContributor.class);
            });
  }

  @Test
  void health_noFilesystem_noContributor() {
    runner.run(context -> assertThat(context).doesNotHaveBean(StowageHealthContributor.class));
  }

  @Test
  void withoutActuator_filesystemStillWorks() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                StowageAutoConfiguration.class,
                StowageActuatorAutoConfiguration.class,
                StowageHealthAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .withPropertyValues("stowage.uri=memory:")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Filesystem.class);
              assertThat(context)
                  .doesNotHaveBean("stowageSanitizingFunction")
                  .doesNotHaveBean("stowageHealthContributor");
            });
  }

  @Test
  void configprops_showingValues_masksCredentialsOnly() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                StowageAutoConfiguration.class,
                StowageActuatorAutoConfiguration.class,
                EndpointAutoConfiguration.class,
                ConfigurationPropertiesReportEndpointAutoConfiguration.class))
        .withPropertyValues(
            "management.endpoint.configprops.show-values=always",
            EXPOSE,
            "stowage.settings.applicationKey=" + SECRET,
            "stowage.settings.endpoint=http://127.0.0.1:9",
            "stowage.mounts.m.uri=memory:",
            "stowage.mounts.m.settings.secret-key=" + MOUNT_SECRET,
            "stowage.defaults.s3.secretKey=" + DEFAULT_SECRET)
        .run(
            context -> {
              String json =
                  json(
                      context
                          .getBean(ConfigurationPropertiesReportEndpoint.class)
                          .configurationProperties());
              assertThat(json)
                  .contains("stowage", "http://127.0.0.1:9", "memory:", "secretKey")
                  .doesNotContain(SECRET)
                  .doesNotContain(MOUNT_SECRET)
                  .doesNotContain(DEFAULT_SECRET);
            });
  }

  @Test
  void env_showingValues_masksCredentialsOnly() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                StowageActuatorAutoConfiguration.class,
                EndpointAutoConfiguration.class,
                EnvironmentEndpointAutoConfiguration.class))
        .withPropertyValues(
            "management.endpoint.env.show-values=always",
            EXPOSE,
            "stowage.settings.applicationKey=" + SECRET,
            "stowage.settings.endpoint=http://127.0.0.1:9",
            "stowage.mounts.m.settings[secret-key]=" + MOUNT_SECRET)
        .withSystemProperties("STOWAGE_SETTINGS_APPLICATIONKEY=" + SECRET)
        .run(
            context -> {
              String json = json(context.getBean(EnvironmentEndpoint.class).environment(null));
              assertThat(json)
                  .contains("http://127.0.0.1:9", "stowage.settings.applicationKey")
                  .doesNotContain(SECRET)
                  .doesNotContain(MOUNT_SECRET);
            });
  }

  @Test
  void isStowageSecret_matchesEverySpellingOfACredentialSettingAndNothingElse() {
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.settings.applicationKey"))
        .isTrue();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.settings.keyId")).isTrue();
    assertThat(
            StowageActuatorAutoConfiguration.isStowageSecret(
                "stowage.mounts.a.settings[secret-key]"))
        .isTrue();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("STOWAGE_SETTINGS_SECRETKEY"))
        .isTrue();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.settings.sessionToken"))
        .isTrue();
    assertThat(
            StowageActuatorAutoConfiguration.isStowageSecret("stowage.defaults.b2.applicationKey"))
        .isTrue();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.defaults.s3[secret-key]"))
        .isTrue();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("STOWAGE_DEFAULTS_S3_SECRETKEY"))
        .isTrue();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.defaults.s3.endpoint"))
        .isFalse();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.defaults")).isFalse();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.mounts.defaults.uri"))
        .isFalse();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.settings.endpoint"))
        .isFalse();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.uri")).isFalse();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("stowage.mounts.keys.uri"))
        .isFalse();
    assertThat(StowageActuatorAutoConfiguration.isStowageSecret("server.ssl.key-store")).isFalse();
  }

  private static String json(Object descriptor) throws Exception {
    return new ObjectMapper()
        .findAndRegisterModules()
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .writeValueAsString(descriptor);
  }
}
