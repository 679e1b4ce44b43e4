package dev.stowage.spi;

import java.net.URI;
import java.util.Map;

/**
 * Opens adapters for one URI scheme; found by {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.stowage.spi.FilesystemProvider}.
 */
public interface FilesystemProvider {

  /** Returns the URI scheme this provider serves, e.g. {@code "b2"}, lowercase. */
  String scheme();

  /**
   * Returns an adapter for {@code uri}. {@code settings} holds extra keys (documented per
   * provider) that override the URI's query; credentials come from settings or the environment,
   * never from the URI. Invalid input fails with {@link IllegalArgumentException} naming the key.
   */
  FilesystemAdapter open(URI uri, Map<String, String> settings);
}
