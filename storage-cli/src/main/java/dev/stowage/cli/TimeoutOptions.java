package dev.stowage.cli;

import dev.stowage.spi.ProviderSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The deadlines every file command takes: {@code --timeout}, {@code --connect-timeout} and
 * {@code --idle-timeout}. Given ones become the provider settings {@code timeout},
 * {@code connectTimeout} and {@code idleTimeout} of {@code b2:} and {@code s3:} locations, where
 * they win over the same key in the URI's query; absent ones leave the adapter's default (or the
 * URI's value). Local and memory locations do no network I/O and ignore them.
 */
final class TimeoutOptions {

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = PositiveDuration.class,
      description = {
        "Deadline of each storage operation, retries included (b2: and s3: only;",
        "adapter default 60s). DURATION: 500ms, 30s, 2m, PT1M30S."
      })
  @Nullable String timeout;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = PositiveDuration.class,
      description = "Deadline for opening a connection (b2: and s3: only; adapter default 5s).")
  @Nullable String connectTimeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = PositiveDuration.class,
      description =
          "How long a read or write may make no progress (b2: and s3: only; adapter default 30s).")
  @Nullable String idleTimeout;

  /** No deadlines given: every adapter keeps its defaults. */
  static final TimeoutOptions NONE = new TimeoutOptions();

  /** Returns the provider settings the given options name, for a location of {@code scheme}. */
  Map<String, String> settings(String scheme) {
    Map<String, String> s = new LinkedHashMap<>();
    if (!"b2".equals(scheme) && !"s3".equals(scheme)) {
      return s;
    }
    put(s, "timeout", timeout);
    put(s, "connectTimeout", connectTimeout);
    put(s, "idleTimeout", idleTimeout);
    return s;
  }

  private static void put(Map<String, String> s, String key, @Nullable String value) {
    if (value != null) {
      s.put(key, value);
    }
  }

  /**
   * Checks a duration the way the adapters parse it ({@link ProviderSettings#duration}) and
   * requires it to be positive; keeps the text as given, since the adapter parses it again.
   */
  static final class PositiveDuration implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      Duration d;
      try {
        d = ProviderSettings.of(Map.of("value", value)).duration("value");
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration; write e.g. 500ms, 30s, 2m or PT1M30S");
      }
      if (d.isZero()) {
        throw new TypeConversionException("a deadline must be longer than zero");
      }
      return value.trim();
    }
  }
}
