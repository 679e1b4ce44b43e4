package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.decorator.MountManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The conditional matrix of {@link StowageAutoConfiguration}, on the memory provider. */
class StowageAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(StowageAutoConfiguration.class));

  @Test
  void uri_memory_givesAWorkingFilesystemBean() {
    runner
        .withPropertyValues("stowage.uri=memory:")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Filesystem.class).hasBean("stowageFilesystem");
              assertThat(context).doesNotHaveBean(MountManager.class);
              Filesystem fs = context.getBean(Filesystem.class);
              fs.write("a.txt", "hello");
              assertThat(fs.readString("a.txt")).isEqualTo("hello");
            });
  }

  @Test
  void noProperties_noFilesystemBean() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(Filesystem.class);
          assertThat(context).hasSingleBean(StowageProperties.class);
        });
  }

  @Test
  void kebabCaseSettings_reachTheProviderAsCamelCase() {
    runner
        .withPropertyValues("stowage.uri=memory:", "stowage.settings.max-path-bytes=77")
        .run(
            context ->
                assertThat(context.getBean(Filesystem.class).capabilities().maxPathBytes())
                    .isEqualTo(77));
  }

  @Test
  void defaultsOfTheScheme_applyUnderOwnSettings() {
    runner
        .withPropertyValues(
            "stowage.uri=memory:",
            "stowage.defaults.memory.max-path-bytes=60",
            "stowage.defaults.b2.maxPathBytes=1",
            "stowage.mounts.own.uri=memory:",
            "stowage.mounts.own.settings.maxPathBytes=70",
            "stowage.mounts.inherits.uri=memory:")
        .run(
            context -> {
              assertThat(context.getBean(Filesystem.class).capabilities().maxPathBytes())
                  .isEqualTo(60);
              MountManager mounts = context.getBean(MountManager.class);
              assertThat(mounts.mounts().get("own").capabilities().maxPathBytes()).isEqualTo(70);
              assertThat(mounts.mounts().get("inherits").capabilities().maxPathBytes())
                  .isEqualTo(60);
            });
  }

  @Test
  void sameSettingInTwoSpellings_failsNamingIt() {
    runner
        .withPropertyValues(
            "stowage.uri=memory:",
            "stowage.settings.max-path-bytes=77",
            "stowage.settings.maxPathBytes=78")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stowage.settings.maxPathBytes"));
  }

  @Test
  void userFilesystem_backsOffTheAutoConfiguredOne() {
    runner
        .withPropertyValues("stowage.uri=memory:")
        .withUserConfiguration(UserFilesystem.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(Filesystem.class).hasBean("myFilesystem");
              assertThat(context).doesNotHaveBean("stowageFilesystem");
            });
  }

  @Test
  void userMountManager_backsOffOnlyTheMounts() {
    runner
        .withPropertyValues("stowage.uri=memory:", "stowage.mounts.a.uri=memory:")
        .withUserConfiguration(UserMounts.class)
        .run(
            context -> {
              assertThat(context)
                  .hasBean("stowageFilesystem")
                  .hasBean("myMounts")
                  .doesNotHaveBean("stowageMounts");
              assertThat(context.getBean(Filesystem.class))
                  .isSameAs(context.getBean("stowageFilesystem"));
            });
  }

  @Test
  void mounts_giveAMountManagerOverEach() {
    runner
        .withPropertyValues(
            "stowage.mounts.hot.uri=memory:",
            "stowage.mounts.cold.uri=memory:",
            "stowage.mounts.cold.settings.max-path-bytes=50")
        .run(
            context -> {
              MountManager mounts = context.getBean(MountManager.class);
              assertThat(mounts.mounts()).containsOnlyKeys("hot", "cold");
              assertThat(mounts.mounts().get("cold").capabilities().maxPathBytes()).isEqualTo(50);
              mounts.write("hot://a.txt", "x");
              mounts.copy("hot://a.txt", "cold://b.txt");
              assertThat(mounts.readString("cold://b.txt")).isEqualTo("x");
              // Alone, the mount manager is the Filesystem to inject.
              assertThat(context.getBean(Filesystem.class)).isSameAs(mounts);
            });
  }

  @Test
  void uriAndMounts_theUriFilesystemIsPrimary() {
    runner
        .withPropertyValues("stowage.uri=memory:", "stowage.mounts.a.uri=memory:")
        .run(
            context -> {
              assertThat(context).hasBean("stowageFilesystem").hasBean("stowageMounts");
              assertThat(context.getBean(Filesystem.class))
                  .isSameAs(context.getBean("stowageFilesystem"));
            });
  }

  @Test
  void mountWithoutUri_failsNamingTheMount() {
    runner
        .withPropertyValues("stowage.mounts.broken.settings.endpoint=http://127.0.0.1:1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("stowage.mounts.broken.uri is required"));
  }

  @Test
  void unknownScheme_failsNamingTheProperty() {
    runner
        .withPropertyValues("stowage.uri=nosuch://bucket")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "IllegalArgumentException: stowage: no provider for scheme 'nosuch'"));
  }

  @Test
  void decorators_areAppliedInOrderAndClosingTheContextClosesTheFilesystem() {
    List<String> events = new ArrayList<>();
    runner
        .withPropertyValues("stowage.uri=memory:", "stowage.mounts.m.uri=memory:")
        .withBean("second", FilesystemDecorator.class, () -> new Recording("second", 2, events))
        .withBean("first", FilesystemDecorator.class, () -> new Recording("first", 1, events))
        .run(
            context -> {
              context.getBean(Filesystem.class);
              context.getBean(MountManager.class);
              assertThat(events)
                  .containsExactlyInAnyOrder(
                      "first decorates stowage (memory)", "second decorates stowage (memory)",
                      "first decorates m (memory)", "second decorates m (memory)");
              assertThat(events.indexOf("first decorates stowage (memory)"))
                  .isLessThan(events.indexOf("second decorates stowage (memory)"));
              events.clear();
            });
    // Each filesystem is closed through every decorator's wrapper exactly once.
    assertThat(events)
        .containsExactlyInAnyOrder(
            "second closes stowage", "first closes stowage", "second closes m", "first closes m");
  }

  @Test
  void propertiesToString_redactsCredentialsButShowsTheRest() {
    StowageProperties p = new StowageProperties();
    p.setUri("b2://bucket");
    p.getSettings().put("applicationKey", "K005-very-secret");
    p.getSettings().put("secret-key", "s3-secret-value");
    p.getSettings().put("endpoint", "http://127.0.0.1:1");
    StowageProperties.Mount m = new StowageProperties.Mount();
    m.setUri("s3://other");
    m.getSettings().put("secretKey", "mount-secret-value");
    p.getMounts().put("m", m);
    p.getDefaults()
        .put(
            "b2",
            new java.util.LinkedHashMap<>(
                java.util.Map.of("applicationKey", "default-secret-value")));
    assertThat(p.toString())
        .doesNotContain(
            "K005-very-secret", "s3-secret-value", "mount-secret-value", "default-secret-value")
        .contains("b2://bucket", "http://127.0.0.1:1", "s3://other", "applicationKey=******");
  }

  @Configuration(proxyBeanMethods = false)
  static class UserFilesystem {
    @Bean
    Filesystem myFilesystem() {
      return Filesystems.open("memory:");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserMounts {
    @Bean
    MountManager myMounts() {
      return MountManager.builder().mount("x", Filesystems.open("memory:")).build();
    }
  }

  /** Wraps each filesystem in a forwarding proxy that records its decoration and its closing. */
  static final class Recording implements FilesystemDecorator, Ordered {
    private final String label;
    private final int order;
    private final List<String> events;

    Recording(String label, int order, List<String> events) {
      this.label = label;
      this.order = order;
      this.events = events;
    }

    @Override
    public int getOrder() {
      return order;
    }

    @Override
    public Filesystem decorate(String name, String scheme, Filesystem filesystem) {
      events.add(label + " decorates " + name + " (" + scheme + ")");
      return (Filesystem)
          Proxy.newProxyInstance(
              Filesystem.class.getClassLoader(),
              new Class<?>[] {Filesystem.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                  events.add(label + " closes " + name);
                }
                try {
                  return method.invoke(filesystem, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
