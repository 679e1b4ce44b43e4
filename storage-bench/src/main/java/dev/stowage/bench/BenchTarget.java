package dev.stowage.bench;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A filesystem to measure: a {@code memory:}, {@code file:}, {@code b2://} or {@code s3://} URI
 * and the settings it is opened with (credentials go here, never into the URI). The bench works
 * in a random directory below the URI's root and removes it after.
 *
 * @param name the name printed in the report
 * @param uri what {@code Filesystems.open} opens
 * @param settings extra settings such as keys; never printed
 */
public record BenchTarget(String name, URI uri, Map<String, String> settings) {

  /** The kinds of storage the bench knows how to put ceilings beside. */
  public enum Kind {
    /** {@code memory:} — no ceiling; the facade overhead is measured here. */
    MEMORY,
    /** {@code file:} — ceilings {@code Files.copy} and {@code Files.walk}. */
    LOCAL,
    /** {@code b2://} — ceiling: one raw B2 native API call (OkHttp). */
    B2,
    /** {@code s3://} — ceiling: one presigned request (JDK HttpClient); peer: the raw SDK. */
    S3
  }

  /** Checks the fields and copies the settings. */
  public BenchTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    settings = Map.copyOf(settings == null ? Map.of() : settings);
    kindOf(uri);
  }

  /** Returns a target named {@code name}. */
  public static BenchTarget of(String name, URI uri, Map<String, String> settings) {
    return new BenchTarget(name, uri, settings);
  }

  /** Returns the kind, from the URI's scheme. */
  public Kind kind() {
    return kindOf(uri);
  }

  private static Kind kindOf(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "memory" -> Kind.MEMORY;
      case "file" -> Kind.LOCAL;
      case "b2" -> Kind.B2;
      case "s3" -> Kind.S3;
      default ->
          throw new IllegalArgumentException(
              "uri: the bench knows memory:, file:, b2:// and s3:// URIs, not '" + scheme + ":'");
    };
  }

  /** Never prints the settings, which may hold keys. */
  @Override
  public String toString() {
    return "BenchTarget[" + name + ", " + uri.getScheme() + "]";
  }
}
