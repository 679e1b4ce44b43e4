package dev.stowage.tck.runner;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A filesystem the kit runs against: a name for the report and a way to open the filesystem.
 * The kit opens it once per run, works in a random directory below its root, and closes it.
 *
 * @param name the column heading in reports, e.g. {@code "memory"} or {@code "b2"}
 * @param filesystem opens the filesystem under test
 */
public record KitTarget(String name, Supplier<Filesystem> filesystem) {

  public KitTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(filesystem, "filesystem");
    if (name.isBlank()) {
      throw new IllegalArgumentException("target name must not be blank");
    }
  }

  /** Returns a target that opens filesystems with {@code filesystem}. */
  public static KitTarget of(String name, Supplier<Filesystem> filesystem) {
    return new KitTarget(name, filesystem);
  }

  /** Returns a target that opens {@code uri} with {@link Filesystems#open(String)}. */
  public static KitTarget of(String name, URI uri) {
    Objects.requireNonNull(uri, "uri");
    return new KitTarget(name, () -> Filesystems.open(uri.toString()));
  }

  /**
   * Returns a target that opens {@code uri} with {@link Filesystems#open(String)}; unlike
   * {@link URI}, this accepts {@code "memory:"}.
   */
  public static KitTarget of(String name, String uri) {
    Objects.requireNonNull(uri, "uri");
    return new KitTarget(name, () -> Filesystems.open(uri));
  }
}
