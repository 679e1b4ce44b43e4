package dev.stowage.spring;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What the starter adds to Spring Boot Actuator's endpoints: a {@link SanitizingFunction} that
 * masks every credential-like {@code stowage} setting ({@code stowage.settings.*},
 * {@code stowage.defaults.*.*} and {@code stowage.mounts.*.settings.*} whose name contains key,
 * secret, token, password, credential or passphrase) in {@code /actuator/env} and
 * {@code /actuator/configprops}, even when those endpoints are set to show values. The health entry
 * is {@link StowageHealthAutoConfiguration}'s.
 */
@AutoConfiguration(after = StowageAutoConfiguration.class)
@ConditionalOnClass(SanitizingFunction.class)
public class StowageActuatorAutoConfiguration {

  /** Creates the configuration (used by Spring). */
  public StowageActuatorAutoConfiguration() {}

  /** Masks the values of credential-like stowage settings in actuator endpoints. */
  @Bean
  @ConditionalOnMissingBean(name = "stowageSanitizingFunction")
  public SanitizingFunction stowageSanitizingFunction() {
    return StowageActuatorAutoConfiguration::sanitize;
  }

  static SanitizableData sanitize(SanitizableData data) {
    return isStowageSecret(data.getKey()) ? data.withSanitizedValue() : data;
  }

  /**
   * Returns whether a property key, in any of Spring's spellings ({@code stowage.settings.secretKey},
   * {@code stowage.mounts.a.settings[application-key]}, {@code STOWAGE_SETTINGS_APPLICATIONKEY}),
   * names a credential-like stowage setting.
   */
  static boolean isStowageSecret(String key) {
    if (key == null) {
      return false;
    }
    String k = key.toLowerCase(Locale.ROOT);
    if (!k.startsWith("stowage")) {
      return false;
    }
    int settings = k.lastIndexOf("settings");
    if (settings >= 0) {
      return SettingNames.isSecret(k.substring(settings + "settings".length()));
    }
    // stowage.defaults.<scheme>.<name>: the scheme is one segment, the name the rest.
    int defaults = k.indexOf("defaults");
    if (defaults < 0 || defaults + "defaults".length() + 1 >= k.length()) {
      return false;
    }
    String rest = k.substring(defaults + "defaults".length() + 1);
    int sep = indexOfSeparator(rest);
    return sep >= 0 && SettingNames.isSecret(rest.substring(sep + 1));
  }

  private static int indexOfSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '_' || c == '[') {
        return i;
      }
    }
    return -1;
  }
}
