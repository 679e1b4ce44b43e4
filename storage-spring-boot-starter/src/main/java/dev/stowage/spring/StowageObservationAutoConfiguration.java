package dev.stowage.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Observes every filesystem the starter opens with Micrometer ({@code storage-micrometer}'s
 * {@code ObservedFilesystem}) when that module is on the class path and the application has an
 * {@link ObservationRegistry} bean (Spring Boot Actuator makes one); off with
 * {@code stowage.observation.enabled=false}. The observation is the first decorator applied, so
 * it sees the calls that reach the backend; byte and retry counters go to the application's
 * {@link MeterRegistry} when there is exactly one.
 */
@AutoConfiguration(
    before = StowageAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass(
    name = {
      "dev.stowage.micrometer.ObservedFilesystem",
      "io.micrometer.observation.ObservationRegistry",
      "io.micrometer.core.instrument.MeterRegistry"
    })
public class StowageObservationAutoConfiguration {

  /** Creates the configuration (used by Spring). */
  public StowageObservationAutoConfiguration() {}

  /** The decorator that observes each filesystem. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @ConditionalOnBean(ObservationRegistry.class)
  @ConditionalOnProperty(prefix = "stowage.observation", name = "enabled", matchIfMissing = true)
  @ConditionalOnMissingBean(name = "stowageObservationDecorator")
  public FilesystemDecorator stowageObservationDecorator(
      ObservationRegistry observations, ObjectProvider<MeterRegistry> meters) {
    return new ObservationDecorator(observations, meters.getIfUnique());
  }
}
