package dev.stowage.bench;

import dev.stowage.b2.B2Config;
import dev.stowage.b2.B2Provider;
import dev.stowage.b2.client.B2Credentials;
import java.net.URI;
import java.util.Map;

/**
 * What the B2 ceiling and peers need to reach the same bucket as the adapter: endpoint, keys,
 * bucket, and the name prefix of the bench directory. Never printed.
 */
final class B2Access {

  private final B2Config config;
  private final B2Credentials credentials;
  private final String namePrefix;

  B2Access(URI uri, Map<String, String> settings, String benchDirectory) {
    this.config = B2Provider.config(uri, settings);
    this.credentials = config.credentials().get();
    this.namePrefix =
        (config.prefix().isEmpty() ? "" : config.prefix() + "/") + benchDirectory + "/";
  }

  URI endpoint() {
    return config.endpoint();
  }

  String bucket() {
    return config.bucket();
  }

  B2Credentials credentials() {
    return credentials;
  }

  /** Returns the B2 file name of {@code key}, a path relative to the bench directory. */
  String fileName(String key) {
    return namePrefix + key;
  }

  @Override
  public String toString() {
    return "B2Access[" + config.bucket() + "]";
  }
}
