package dev.stowage.spring;

import dev.stowage.Filesystem;
import dev.stowage.decorator.MountManager;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Makes the filesystems that the {@code stowage.*} properties describe.
 *
 * <ul>
 *   <li>{@code stowage.uri} (with {@code stowage.settings.*}) gives a {@link Filesystem} bean named
 *       {@code stowageFilesystem}, primary, unless the application defines its own
 *       {@code Filesystem} (a {@link MountManager} of its own does not count).
 *   <li>{@code stowage.mounts.<name>.uri} (with {@code .settings.*}) gives a {@link MountManager}
 *       bean named {@code stowageMounts} over all of them, unless the application defines its own.
 *   <li>{@code stowage.defaults.<scheme>.*} are settings for every filesystem of that scheme,
 *       under its own settings: with credentials for each backend there, switching backends is
 *       changing {@code stowage.uri} alone.
 * </ul>
 *
 * <p>Every {@link FilesystemDecorator} bean is applied to each filesystem before it is used. The
 * beans are closed when the context closes. A bad property fails the startup with a message that
 * names the property and never repeats a setting's value.
 */
@AutoConfiguration
@EnableConfigurationProperties(StowageProperties.class)
public class StowageAutoConfiguration {

  /** The name {@link FilesystemDecorator}s are given for the filesystem of {@code stowage.uri}. */
  public static final String DEFAULT_NAME = "stowage";

  /** Creates the configuration (used by Spring). */
  public StowageAutoConfiguration() {}

  /** The filesystem of {@code stowage.uri}; closed with the context. */
  @Bean(destroyMethod = "close")
  @Primary
  @ConditionalOnProperty(prefix = "stowage", name = "uri")
  @ConditionalOnMissingBean(value = Filesystem.class, ignored = MountManager.class)
  public Filesystem stowageFilesystem(
      StowageProperties properties, ObjectProvider<FilesystemDecorator> decorators) {
    return new FilesystemOpener(decorators.orderedStream().toList(), properties.getDefaults())
        .open(DEFAULT_NAME, "stowage", properties.getUri(), properties.getSettings());
  }

  /** The mounts of {@code stowage.mounts.*}; closing it closes every mount. */
  @Bean(destroyMethod = "close")
  @Conditional(OnMounts.class)
  @ConditionalOnMissingBean(MountManager.class)
  public MountManager stowageMounts(
      StowageProperties properties, ObjectProvider<FilesystemDecorator> decorators) {
    return new FilesystemOpener(decorators.orderedStream().toList(), properties.getDefaults())
        .mounts(properties.getMounts());
  }

  /** Matches when at least one {@code stowage.mounts.<name>} is configured. */
  static final class OnMounts extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      Map<String, StowageProperties.Mount> mounts =
          Binder.get(context.getEnvironment())
              .bind("stowage.mounts", Bindable.mapOf(String.class, StowageProperties.Mount.class))
              .orElse(Map.of());
      return mounts.isEmpty()
          ? ConditionOutcome.noMatch("no stowage.mounts configured")
          : ConditionOutcome.match("stowage.mounts " + mounts.keySet());
    }
  }
}
