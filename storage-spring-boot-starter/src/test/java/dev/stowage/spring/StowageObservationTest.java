package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.decorator.MountManager;
import dev.stowage.micrometer.ObservedFilesystem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Micrometer observation of auto-configured filesystems. */
class StowageObservationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  StowageAutoConfiguration.class, StowageObservationAutoConfiguration.class));

  @Configuration(proxyBeanMethods = false)
  static class Micrometer {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meters) {
      ObservationRegistry registry = ObservationRegistry.create();
      registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
      return registry;
    }
  }

  @Test
  void observationRegistry_filesystemAndMountsAreObservedIntoTheMeters() {
    runner
        .withUserConfiguration(Micrometer.class)
        .withPropertyValues("stowage.uri=memory:", "stowage.mounts[hot+1].uri=memory:")
        .run(
            context -> {
              Filesystem fs = context.getBean(Filesystem.class);
              assertThat(fs).isInstanceOf(ObservedFilesystem.class);
              fs.write("a.txt", "12345");
              assertThat(fs.readString("a.txt")).isEqualTo("12345");
              MountManager mounts = context.getBean(MountManager.class);
              assertThat(mounts.mounts().get("hot+1")).isInstanceOf(ObservedFilesystem.class);
              mounts.write("hot+1://b.txt", "xy");

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .get("stowage.operation")
                          .tag("operation", "write")
                          .tag("adapter", "memory")
                          .tag("filesystem", "stowage")
                          .tag("outcome", "success")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get("stowage.operation")
                          .tag("operation", "write")
                          .tag("filesystem", "hot_1")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get("stowage.bytes.written")
                          .tag("filesystem", "stowage")
                          .counter()
                          .count())
                  .isEqualTo(5);
              assertThat(
                      meters
                          .get("stowage.bytes.read")
                          .tag("filesystem", "stowage")
                          .counter()
                          .count())
                  .isEqualTo(5);
            });
  }

  @Test
  void noObservationRegistry_filesystemIsNotWrapped() {
    runner
        .withPropertyValues("stowage.uri=memory:")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("stowageObservationDecorator");
              assertThat(context.getBean(Filesystem.class))
                  .isNotInstanceOf(ObservedFilesystem.class);
            });
  }

  @Test
  void disabledByProperty_filesystemIsNotWrapped() {
    runner
        .withUserConfiguration(Micrometer.class)
        .withPropertyValues("stowage.uri=memory:", "stowage.observation.enabled=false")
        .run(
            context ->
                assertThat(context.getBean(Filesystem.class))
                    .isNotInstanceOf(ObservedFilesystem.class));
  }

  @Test
  void withoutStorageMicrometer_filesystemStillWorks() {
    runner
        .withUserConfiguration(Micrometer.class)
        .withClassLoader(new FilteredClassLoader("dev.stowage.micrometer"))
        .withPropertyValues("stowage.uri=memory:")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean("stowageObservationDecorator");
              context.getBean(Filesystem.class).write("a.txt", "x");
            });
  }

  @Test
  void tag_replacesWhatATagMayNotHoldAndBoundsTheLength() {
    assertThat(ObservationDecorator.tag("hot+1", "x")).isEqualTo("hot_1");
    assertThat(ObservationDecorator.tag("", "fallback")).isEqualTo("fallback");
    assertThat(ObservationDecorator.tag("a".repeat(100), "x")).hasSize(64);
  }
}
