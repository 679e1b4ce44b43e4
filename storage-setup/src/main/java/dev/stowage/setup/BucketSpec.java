package dev.stowage.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The desired state of one bucket: its type, default encryption, object lock, lifecycle rules, CORS rules and
 * application keys. Build it in code or read it from a JSON or YAML file; then hand it to
 * {@link B2BucketSetup#plan} or {@link S3BucketSetup#plan}.
 *
 * <pre>{@code
 * BucketSpec spec = BucketSpec.builder("my-app-storage-123")
 *         .type(BucketType.PRIVATE)
 *         .encryption(Encryption.SSE_B2)
 *         .lifecyclePreset("keep-only-last-version")
 *         .corsPreset("share-all-https", CorsApis.BOTH)
 *         .key(KeySpec.of("my-app", KeySpec.READ_WRITE))
 *         .build();
 * }</pre>
 *
 * <p>Unset settings are left alone on an existing bucket: a null {@code type} or {@code encryption} is not managed
 * (a new bucket is then private and unencrypted). Rules already on the bucket that the spec does not mention are
 * kept, unless {@code replace} is set. Service rules (name lengths, origins, overlapping prefixes…) are checked when
 * planning, all at once; this record only copies its lists.
 *
 * @param name the bucket name (required)
 * @param type private or public; null leaves an existing bucket's type alone
 * @param encryption default encryption; null leaves it alone
 * @param objectLock whether object lock is enabled; only possible when the bucket is created
 * @param lifecycleRules lifecycle rules, at most one per prefix
 * @param corsRules CORS rules, in match order
 * @param keys application keys to create if no key of that name exists (B2 only)
 * @param replace whether rules on the bucket that the spec does not list are removed
 * @param objectAcls S3 only: enables per-object ACLs (ownership "bucket owner preferred", public ACLs not blocked)
 * @param retention B2 only: the default retention of new files (needs object lock); null leaves it alone
 */
public record BucketSpec(
    String name,
    @Nullable BucketType type,
    @Nullable Encryption encryption,
    boolean objectLock,
    List<LifecycleRule> lifecycleRules,
    List<CorsRule> corsRules,
    List<KeySpec> keys,
    boolean replace,
    boolean objectAcls,
    @Nullable Retention retention) {

  /** Copies the lists; null lists become empty (null entries are kept for the validator to report). */
  public BucketSpec {
    lifecycleRules = copy(lifecycleRules);
    corsRules = copy(corsRules);
    keys = copy(keys);
  }

  /** A spec that leaves the default retention alone. */
  public BucketSpec(
      String name,
      @Nullable BucketType type,
      @Nullable Encryption encryption,
      boolean objectLock,
      List<LifecycleRule> lifecycleRules,
      List<CorsRule> corsRules,
      List<KeySpec> keys,
      boolean replace,
      boolean objectAcls) {
    this(
        name,
        type,
        encryption,
        objectLock,
        lifecycleRules,
        corsRules,
        keys,
        replace,
        objectAcls,
        null);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Returns a builder for a bucket named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns a builder holding this spec's settings. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.type = type;
    b.encryption = encryption;
    b.objectLock = objectLock;
    b.lifecycleRules.addAll(lifecycleRules);
    b.corsRules.addAll(corsRules);
    b.keys.addAll(keys);
    b.replace = replace;
    b.objectAcls = objectAcls;
    b.retention = retention;
    return b;
  }

  /**
   * Reads a spec from a {@code .json}, {@code .yaml} or {@code .yml} file (other names are read as YAML, which
   * includes JSON). The format is documented in the module README; field names follow B2's JSON.
   *
   * @throws InvalidSpecException if the file is not a well-formed spec (unknown field, wrong type, bad preset),
   *     naming the field path
   * @throws IOException if the file cannot be read
   */
  public static BucketSpec read(Path file) throws IOException {
    return SpecReader.read(file);
  }

  /**
   * Parses a spec from JSON text.
   *
   * @throws InvalidSpecException if the text is not a well-formed spec
   */
  public static BucketSpec fromJson(String json) {
    return SpecReader.parse(json, false);
  }

  /**
   * Parses a spec from YAML text.
   *
   * @throws InvalidSpecException if the text is not a well-formed spec
   */
  public static BucketSpec fromYaml(String yaml) {
    return SpecReader.parse(yaml, true);
  }

  /** Returns this spec as JSON, in the format {@link #fromJson} reads. */
  public String toJson() {
    return SpecReader.write(this);
  }

  /**
   * Builds a {@link BucketSpec}. Setters check only for nulls; service rules are checked when planning, so that
   * every violation is reported at once. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private @Nullable BucketType type;
    private @Nullable Encryption encryption;
    private boolean objectLock;
    private final List<LifecycleRule> lifecycleRules = new ArrayList<>();
    private final List<String> lifecyclePresets = new ArrayList<>();
    private final List<CorsRule> corsRules = new ArrayList<>();
    private final List<KeySpec> keys = new ArrayList<>();
    private boolean replace;
    private boolean objectAcls;
    private @Nullable Retention retention;

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the bucket type; null leaves an existing bucket's type alone. */
    public Builder type(BucketType type) {
      this.type = type;
      return this;
    }

    /** Sets the default encryption; null leaves an existing bucket's setting alone. */
    public Builder encryption(Encryption encryption) {
      this.encryption = encryption;
      return this;
    }

    /** Enables object lock when the bucket is created (it cannot be enabled later through this utility). */
    public Builder objectLock(boolean objectLock) {
      this.objectLock = objectLock;
      return this;
    }

    /** Adds a lifecycle rule. */
    public Builder lifecycleRule(LifecycleRule rule) {
      lifecycleRules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Adds the rule a lifecycle preset stands for (see {@link Presets#lifecycle(String)}); presets for the same
     * prefix merge into one rule, as B2 allows only one rule per prefix.
     */
    public Builder lifecyclePreset(String preset) {
      lifecyclePresets.add(Objects.requireNonNull(preset, "preset"));
      return this;
    }

    /** Adds a CORS rule; rules match in the order they are added. */
    public Builder corsRule(CorsRule rule) {
      corsRules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds the rule a CORS preset stands for (see {@link Presets#cors(String, CorsApis)}). */
    public Builder corsPreset(String preset, CorsApis apis) {
      return corsRule(Presets.cors(preset, apis));
    }

    /** Adds an application key. */
    public Builder key(KeySpec key) {
      keys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Removes rules the spec does not list (default: keep them). */
    public Builder replace(boolean replace) {
      this.replace = replace;
      return this;
    }

    /** B2 only: sets the default retention of new files (the bucket needs object lock); null leaves it alone. */
    public Builder retention(Retention retention) {
      this.retention = retention;
      return this;
    }

    /** S3 only: enables per-object ACLs on the bucket. */
    public Builder objectAcls(boolean objectAcls) {
      this.objectAcls = objectAcls;
      return this;
    }

    /**
     * Returns the spec.
     *
     * @throws InvalidSpecException if a lifecycle preset is malformed or presets conflict
     */
    public BucketSpec build() {
      List<LifecycleRule> rules = new ArrayList<>(lifecycleRules);
      if (!lifecyclePresets.isEmpty()) {
        rules.addAll(Presets.lifecycle(lifecyclePresets));
      }
      return new BucketSpec(
          name,
          type,
          encryption,
          objectLock,
          rules,
          corsRules,
          keys,
          replace,
          objectAcls,
          retention);
    }
  }
}
