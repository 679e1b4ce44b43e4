package dev.stowage.spi;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Holds the settings a {@link FilesystemProvider} was opened with — a URI's query merged with a
 * settings map, the map winning — and reads them with typed getters whose errors name the key.
 *
 * <pre>{@code
 * ProviderSettings s = ProviderSettings.of(uri, settings);   // refuses credentials in the URI
 * s.requireOnly(Set.of("endpoint", "partSize"), "b2");
 * long partSize = s.size("partSize", ProviderSettings.SizeUnits.DECIMAL, 100_000_000L);
 * }</pre>
 *
 * <p>Every provider parses the query itself because it may be called directly, not only through
 * {@link dev.stowage.Filesystems}; this class makes that parse the same everywhere. Bad input
 * fails with an {@link IllegalArgumentException} of the shape {@code KEY must be WHAT, not
 * 'VALUE'}; the value is left out when the key names a credential, and long values are cut.
 * Credentials never come from a URI: user information, an authority that looks like one, and
 * query keys that name a credential ({@link #isCredentialKey}) are refused without repeating them.
 *
 * <p>Instances are immutable. Values are kept as given (a {@code null} map value reads as the
 * empty string); the typed getters trim them before parsing.
 */
public final class ProviderSettings {

  /** What the plain size units {@code k}, {@code M}, {@code G}, {@code T} mean. */
  public enum SizeUnits {
    /** {@code k}, {@code M}, {@code G}, {@code T} are powers of 1024: {@code 16m} is 16 MiB. */
    BINARY,
    /** {@code k}, {@code M}, {@code G}, {@code T} are powers of 1000; {@code Ki}… stay binary. */
    DECIMAL
  }

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(?:([kmgt])(i)?)?b?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> CREDENTIAL_NAMES =
      Set.of("applicationkey", "accesskey", "accesskeyid", "keyid");
  private static final String[] CREDENTIAL_WORDS = {"secret", "password", "token"};
  private static final int MAX_ECHO = 80;

  private final Map<String, String> values;

  private ProviderSettings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Returns the query of {@code uri} merged with {@code settings} (which win), after refusing
   * credentials in the URI ({@link #refuseCredentials}). A {@code null} map counts as empty.
   *
   * @throws IllegalArgumentException for credentials in the URI or a bad query ({@link #query})
   */
  public static ProviderSettings of(URI uri, Map<String, String> settings) {
    refuseCredentials(uri);
    Map<String, String> merged = new LinkedHashMap<>(query(uri));
    putAll(merged, settings);
    return new ProviderSettings(merged);
  }

  /** Returns settings made of {@code settings} alone; a {@code null} map counts as empty. */
  public static ProviderSettings of(Map<String, String> settings) {
    Map<String, String> copy = new LinkedHashMap<>();
    putAll(copy, settings);
    return new ProviderSettings(copy);
  }

  private static void putAll(Map<String, String> into, Map<String, String> settings) {
    if (settings != null) {
      settings.forEach(
          (k, v) -> into.put(Objects.requireNonNull(k, "settings key"), v == null ? "" : v));
    }
  }

  /**
   * Returns the percent-decoded query parameters of {@code uri} in order, also for opaque URIs
   * such as {@code memory:x?a=b}; a key without {@code =} has the empty value.
   *
   * @throws IllegalArgumentException for a key given twice, a key that is empty or an invalid
   *     percent escape; the message repeats no value
   */
  public static Map<String, String> query(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String raw = uri.getRawQuery();
    if (raw == null && uri.isOpaque()) {
      String ssp = uri.getRawSchemeSpecificPart();
      int q = ssp.indexOf('?');
      raw = q < 0 ? null : ssp.substring(q + 1);
    }
    Map<String, String> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return Collections.unmodifiableMap(result);
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (key.isEmpty()) {
        throw new IllegalArgumentException("the URI query has a value without a key");
      }
      if (result.put(key, value) != null) {
        throw new IllegalArgumentException(key + " is given twice in the URI query");
      }
    }
    return Collections.unmodifiableMap(result);
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // URLDecoder's message repeats the input, which may hold a secret.
      throw new IllegalArgumentException("the URI query has an invalid percent escape");
    }
  }

  /**
   * Refuses a URI that carries credentials: user information ({@code s3://key:secret@bucket}),
   * an authority that looks like it ({@code b2://id:se/cret@bucket} parses with no host), or a
   * query key for which {@link #isCredentialKey} holds. The message repeats neither the URI nor
   * any value.
   *
   * @throws IllegalArgumentException if {@code uri} carries credentials or has a bad query
   */
  public static void refuseCredentials(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String authority = uri.getRawAuthority();
    boolean suspicious =
        authority != null
            && uri.getHost() == null
            && (authority.contains(":") || authority.contains("@"));
    if (uri.getRawUserInfo() != null || suspicious) {
      throw new IllegalArgumentException(
          "credentials must not be put in a URI (found user "
              + "information before the host); pass them in the settings map or the environment");
    }
    for (String key : query(uri).keySet()) {
      if (isCredentialKey(key)) {
        throw new IllegalArgumentException(
            "credentials must not be put in a URI (query key '"
                + key
                + "'); pass them in the settings map or the environment");
      }
    }
  }

  /**
   * Returns whether {@code key} names a credential: it contains {@code secret}, {@code password}
   * or {@code token}, or is {@code applicationKey}, {@code accessKey}, {@code accessKeyId} or
   * {@code keyId} — ignoring case, {@code _}, {@code -} and {@code .}.
   */
  public static boolean isCredentialKey(String key) {
    String k = key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
    if (CREDENTIAL_NAMES.contains(k)) {
      return true;
    }
    for (String word : CREDENTIAL_WORDS) {
      if (k.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the keys present, query keys first, in order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** Returns the settings as an unmodifiable map, query keys first. */
  public Map<String, String> asMap() {
    return values;
  }

  /** Returns whether {@code key} is present, even with an empty value. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * Fails unless every key is one of {@code known}.
   *
   * @param kind names the provider in the message, e.g. {@code "b2"}
   * @throws IllegalArgumentException naming the first unknown key and listing the known ones
   */
  public void requireOnly(Collection<String> known, String kind) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            key + ": unknown " + kind + " setting (known: " + new TreeSet<>(known) + ")");
      }
    }
  }

  /**
   * Returns the value of {@code key} as given (untrimmed).
   *
   * @throws IllegalArgumentException if absent
   */
  public String string(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }

  /** Returns the value of {@code key} as given, or {@code defaultValue} when absent. */
  public @Nullable String string(String key, @Nullable String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  /**
   * Returns {@code key} as an {@code int}.
   *
   * @throws IllegalArgumentException if absent or not one
   */
  public int intValue(String key) {
    String value = string(key).trim();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(key, "an integer");
    }
  }

  /** Returns {@code key} as an {@code int}, or {@code defaultValue} when absent. */
  public int intValue(String key, int defaultValue) {
    return has(key) ? intValue(key) : defaultValue;
  }

  /**
   * Returns {@code key} as a {@code long}.
   *
   * @throws IllegalArgumentException if absent or not one
   */
  public long longValue(String key) {
    String value = string(key).trim();
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(key, "an integer");
    }
  }

  /** Returns {@code key} as a {@code long}, or {@code defaultValue} when absent. */
  public long longValue(String key, long defaultValue) {
    return has(key) ? longValue(key) : defaultValue;
  }

  /**
   * Returns {@code key} as a number of bytes: digits, then optionally a unit {@code k},
   * {@code M}, {@code G} or {@code T} (meaning per {@code units}), or {@code Ki}, {@code Mi},
   * {@code Gi}, {@code Ti} (powers of 1024), then optionally {@code B}; case and spaces between
   * number and unit are ignored ({@code 16MiB}, {@code 100M}, {@code 2 GB}, {@code 512}).
   *
   * @throws IllegalArgumentException if absent, malformed or beyond {@code Long.MAX_VALUE}
   */
  public long size(String key, SizeUnits units) {
    Objects.requireNonNull(units, "units");
    Matcher m = SIZE.matcher(string(key).trim());
    if (!m.matches()) {
      throw invalid(key, "a size in bytes such as 1048576, 16MiB or 100M");
    }
    long factor = 1;
    if (m.group(2) != null) {
      long base = m.group(3) != null || units == SizeUnits.BINARY ? 1024 : 1000;
      int power = "kmgt".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
      for (int i = 0; i < power; i++) {
        factor *= base;
      }
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid(key, "a size of at most " + Long.MAX_VALUE + " bytes");
    }
  }

  /** Returns {@code key} as a size ({@link #size(String, SizeUnits)}), or {@code defaultValue} when absent. */
  public long size(String key, SizeUnits units, long defaultValue) {
    return has(key) ? size(key, units) : defaultValue;
  }

  /**
   * Returns {@code key} as {@code true} or {@code false}, in any case.
   *
   * @throws IllegalArgumentException otherwise
   */
  public boolean bool(String key) {
    switch (string(key).trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw invalid(key, "true or false");
    }
  }

  /** Returns {@code key} as a boolean ({@link #bool(String)}), or {@code defaultValue} when absent. */
  public boolean bool(String key, boolean defaultValue) {
    return has(key) ? bool(key) : defaultValue;
  }

  /**
   * Returns {@code key} as a non-negative duration: a whole number of milliseconds
   * ({@code 1500}), a number with a unit {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}
   * ({@code 30s}), or ISO-8601 ({@code PT1M30S}).
   *
   * @throws IllegalArgumentException if absent, malformed or negative
   */
  public Duration duration(String key) {
    String value = string(key).trim();
    String expected = "a duration such as 1500 (milliseconds), 30s, 5m or PT1M30S";
    Matcher m = DURATION.matcher(value);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        switch (unit) {
          case "s":
            return Duration.ofSeconds(n);
          case "m":
            return Duration.ofMinutes(n);
          case "h":
            return Duration.ofHours(n);
          case "d":
            return Duration.ofDays(n);
          default:
            return Duration.ofMillis(n);
        }
      }
      Duration parsed = Duration.parse(value);
      if (parsed.isNegative()) {
        throw invalid(key, expected);
      }
      return parsed;
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw invalid(key, expected);
    }
  }

  /** Returns {@code key} as a duration ({@link #duration(String)}), or {@code defaultValue} when absent. */
  public Duration duration(String key, Duration defaultValue) {
    return has(key) ? duration(key) : defaultValue;
  }

  /**
   * Returns {@code key} as a constant of {@code type}, matched ignoring case, {@code _} and
   * {@code -}: {@code per-object}, {@code PER_OBJECT} and {@code perObject} all name
   * {@code PER_OBJECT}.
   *
   * @throws IllegalArgumentException if absent or naming no constant; the message lists them
   */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String wanted = normalise(string(key));
    for (E constant : type.getEnumConstants()) {
      if (normalise(constant.name()).equals(wanted)) {
        return constant;
      }
    }
    throw invalid(
        key,
        "one of "
            + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", ", "[", "]")));
  }

  /** Returns {@code key} as a constant of {@code type}, or {@code defaultValue} when absent. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    return has(key) ? enumValue(key, type) : defaultValue;
  }

  private static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /**
   * Returns the error for a bad value of {@code key}: {@code KEY must be EXPECTED, not 'VALUE'},
   * for checks a provider makes itself. The value is cut to 80 characters, and left out when
   * {@link #isCredentialKey} holds for {@code key}.
   */
  public IllegalArgumentException invalid(String key, String expected) {
    String value = values.getOrDefault(key, "");
    String shown;
    if (isCredentialKey(key)) {
      shown = "its value (not shown)";
    } else if (value.length() > MAX_ECHO) {
      shown = "'" + value.substring(0, MAX_ECHO) + "…'";
    } else {
      shown = "'" + value + "'";
    }
    return new IllegalArgumentException(key + " must be " + expected + ", not " + shown);
  }

  /** Returns the keys and values, credentials hidden. */
  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + (isCredentialKey(e.getKey()) ? "(hidden)" : e.getValue()))
        .collect(Collectors.joining(", ", "ProviderSettings{", "}"));
  }
}
