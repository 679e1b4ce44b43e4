package dev.stowage.spring;

import dev.stowage.Filesystem;
import dev.stowage.micrometer.ObservedFilesystem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * Wraps each filesystem in an {@link ObservedFilesystem}: tagged with the URI scheme as adapter
 * and the mount's name (or {@value StowageAutoConfiguration#DEFAULT_NAME}) as filesystem, byte
 * and retry counters in the meter registry when there is one.
 */
final class ObservationDecorator implements FilesystemDecorator {

  private static final int MAX_TAG = 64;

  private final ObservationRegistry observations;
  private final MeterRegistry meters;

  ObservationDecorator(ObservationRegistry observations, MeterRegistry meters) {
    this.observations = Objects.requireNonNull(observations, "observations");
    this.meters = meters;
  }

  @Override
  public Filesystem decorate(String name, String scheme, Filesystem filesystem) {
    ObservedFilesystem.Builder b =
        ObservedFilesystem.builder(filesystem, observations)
            .adapter(tag(scheme, "unknown"))
            .name(tag(name, StowageAutoConfiguration.DEFAULT_NAME));
    if (meters != null) {
      b.meterRegistry(meters);
    }
    return b.build();
  }

  /** Returns {@code value} with every character a tag value may not hold replaced by {@code _}. */
  static String tag(String value, String fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_TAG));
    for (int i = 0; i < value.length() && b.length() < MAX_TAG; i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      b.append(ok ? c : '_');
    }
    return b.toString();
  }
}
