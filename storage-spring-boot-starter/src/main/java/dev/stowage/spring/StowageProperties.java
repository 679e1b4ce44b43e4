package dev.stowage.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code stowage.*} properties: one filesystem from {@link #getUri() uri} and
 * {@link #getSettings() settings}, and any number of named {@link #getMounts() mounts}.
 *
 * <p>{@link #toString()} never shows the value of a setting whose name looks like a credential
 * (containing key, secret, token, password, credential or passphrase, in any case).
 */
@ConfigurationProperties(prefix = "stowage")
public class StowageProperties {

  /**
   * The location of the filesystem, such as b2://bucket/prefix, s3://bucket?endpoint=..., file:///srv/data
   * or memory:. Credentials never go in it. Without it, no Filesystem bean is made from it.
   */
  private @Nullable String uri;

  /**
   * Settings passed to the provider next to the URI, winning over its query: endpoint, partSize,
   * timeout, and credentials (keyId and applicationKey for B2, accessKey and secretKey for S3).
   * Names in kebab-case (application-key) are read as camelCase (applicationKey).
   */
  private Map<String, String> settings = new LinkedHashMap<>();

  /**
   * Settings by URI scheme (b2, s3, file, memory), given to every filesystem of that scheme under
   * its own settings (which win on a shared name): credentials for each backend can be configured
   * once, and switching backends is changing stowage.uri alone.
   */
  private Map<String, Map<String, String>> defaults = new LinkedHashMap<>();

  /** Named filesystems, each with its own uri and settings, served by one MountManager as name://path. */
  private Map<String, Mount> mounts = new LinkedHashMap<>();

  /** The health check. */
  private final Health health = new Health();

  /** The Micrometer observation of every operation. */
  private final Observation observation = new Observation();

  /** Returns the URI of the single filesystem, or null. */
  public @Nullable String getUri() {
    return uri;
  }

  /** Sets the URI of the single filesystem. */
  public void setUri(@Nullable String uri) {
    this.uri = uri;
  }

  /** Returns the provider settings of the single filesystem (never null). */
  public Map<String, String> getSettings() {
    return settings;
  }

  /** Sets the provider settings of the single filesystem. */
  public void setSettings(@Nullable Map<String, String> settings) {
    this.settings = settings == null ? new LinkedHashMap<>() : settings;
  }

  /** Returns the settings by URI scheme (never null). */
  public Map<String, Map<String, String>> getDefaults() {
    return defaults;
  }

  /** Sets the settings by URI scheme. */
  public void setDefaults(@Nullable Map<String, Map<String, String>> defaults) {
    this.defaults = defaults == null ? new LinkedHashMap<>() : defaults;
  }

  /** Returns the mounts by name (never null). */
  public Map<String, Mount> getMounts() {
    return mounts;
  }

  /** Sets the mounts by name. */
  public void setMounts(@Nullable Map<String, Mount> mounts) {
    this.mounts = mounts == null ? new LinkedHashMap<>() : mounts;
  }

  /** Returns the health check settings. */
  public Health getHealth() {
    return health;
  }

  /** Returns the observation settings. */
  public Observation getObservation() {
    return observation;
  }

  /** Shows the URI, the settings with secrets redacted, and the mounts likewise. */
  @Override
  public String toString() {
    StringBuilder d = new StringBuilder("{");
    defaults.forEach(
        (scheme, values) ->
            d.append(d.length() > 1 ? ", " : "")
                .append(scheme)
                .append('=')
                .append(SettingNames.redacted(values)));
    return "StowageProperties[uri="
        + uri
        + ", settings="
        + SettingNames.redacted(settings)
        + ", defaults="
        + d.append('}')
        + ", mounts="
        + mounts
        + ", health="
        + health
        + ", observation="
        + observation
        + "]";
  }

  /** One mounted filesystem: its URI and provider settings. */
  public static class Mount {

    /** The location of this mount, such as b2://bucket/prefix. Required for every mount. */
    private @Nullable String uri;

    /** Provider settings of this mount; credentials may go here, never in the uri. */
    private Map<String, String> settings = new LinkedHashMap<>();

    /** Returns the URI of this mount, or null when not set. */
    public @Nullable String getUri() {
      return uri;
    }

    /** Sets the URI of this mount. */
    public void setUri(@Nullable String uri) {
      this.uri = uri;
    }

    /** Returns the provider settings of this mount (never null). */
    public Map<String, String> getSettings() {
      return settings;
    }

    /** Sets the provider settings of this mount. */
    public void setSettings(@Nullable Map<String, String> settings) {
      this.settings = settings == null ? new LinkedHashMap<>() : settings;
    }

    /** Shows the URI and the settings with secrets redacted. */
    @Override
    public String toString() {
      return "Mount[uri=" + uri + ", settings=" + SettingNames.redacted(settings) + "]";
    }
  }

  /** The health check: one listing of at most one entry under the root, bounded by a timeout. */
  public static class Health {

    /** How long one check may take before the filesystem is reported DOWN. */
    private Duration timeout = Duration.ofSeconds(5);

    /** Returns how long one check may take. */
    public Duration getTimeout() {
      return timeout;
    }

    /** Sets how long one check may take; must be positive. */
    public void setTimeout(Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("stowage.health.timeout must be positive");
      }
      this.timeout = timeout;
    }

    @Override
    public String toString() {
      return "Health[timeout=" + timeout + "]";
    }
  }

  /** Whether filesystems are observed with Micrometer when an ObservationRegistry is present. */
  public static class Observation {

    /** Whether every operation is observed (timers, counters, traces) when Micrometer is present. */
    private boolean enabled = true;

    /** Returns whether operations are observed. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether operations are observed. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public String toString() {
      return "Observation[enabled=" + enabled + "]";
    }
  }
}
