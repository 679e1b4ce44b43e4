package dev.stowage.spring;

import dev.stowage.Filesystem;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code stowage} health entry ({@link StowageHealthContributor}) when Spring Boot Actuator is
 * present and there is a {@link Filesystem} bean; off with
 * {@code management.health.stowage.enabled=false}, each check bounded by
 * {@code stowage.health.timeout}.
 */
@AutoConfiguration(
    after = StowageAutoConfiguration.class,
    afterName =
        "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
@ConditionalOnClass(
    name = {
      "org.springframework.boot.actuate.health.HealthContributor",
      "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator"
    })
public class StowageHealthAutoConfiguration {

  /** Creates the configuration (used by Spring). */
  public StowageHealthAutoConfiguration() {}

  /** One bounded check per filesystem bean, one per mount of a mount manager. */
  @Bean
  @ConditionalOnBean(Filesystem.class)
  @ConditionalOnEnabledHealthIndicator("stowage")
  @ConditionalOnMissingBean(name = "stowageHealthContributor")
  public StowageHealthContributor stowageHealthContributor(
      Map<String, Filesystem> filesystems, StowageProperties properties) {
    return new StowageHealthContributor(filesystems, properties.getHealth().getTimeout());
  }
}
