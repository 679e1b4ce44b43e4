package dev.stowage.spring;

import dev.stowage.Filesystem;

/**
 * Wraps each filesystem the starter opens before it becomes a bean or a mount: every bean of this
 * type is applied, in {@link org.springframework.core.annotation.Order order}, to the filesystem
 * of {@code stowage.uri} and to each mount's. The Micrometer observation is one such decorator.
 *
 * <p>A decorator is a lambda {@code (name, scheme, filesystem) -> wrapped}; returning
 * {@code filesystem} unchanged leaves that one as it is.
 */
@FunctionalInterface
public interface FilesystemDecorator {

  /**
   * Returns the filesystem to use instead of {@code filesystem}, or {@code filesystem} itself.
   * Closing the returned filesystem must close {@code filesystem}.
   *
   * @param name {@value StowageAutoConfiguration#DEFAULT_NAME} for {@code stowage.uri}, else the mount's name
   * @param scheme the URI scheme the filesystem was opened with ({@code b2}, {@code s3}, {@code file}…)
   * @param filesystem the filesystem opened from the properties, possibly already decorated
   */
  Filesystem decorate(String name, String scheme, Filesystem filesystem);
}
