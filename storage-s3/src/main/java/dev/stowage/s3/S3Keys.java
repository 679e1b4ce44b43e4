package dev.stowage.s3;

import org.jspecify.annotations.Nullable;

/**
 * Maps normalised filesystem paths to object keys under the configured root prefix, and back.
 * Directory keys end with {@code /}; the root directory's key is the prefix itself.
 */
final class S3Keys {

  private final String rootPrefix;

  /** @param prefix the configured prefix without slashes at either end, {@code ""} for the bucket root */
  S3Keys(String prefix) {
    this.rootPrefix = prefix.isEmpty() ? "" : prefix + "/";
  }

  /** Returns the key prefix of the root directory ({@code ""} or {@code "prefix/"}). */
  String rootPrefix() {
    return rootPrefix;
  }

  /** Returns the key of the file at {@code path}. */
  String file(String path) {
    return rootPrefix + path;
  }

  /** Returns the key prefix of the directory at {@code path}: its marker key, and what its contents start with. */
  String directory(String path) {
    return path.isEmpty() ? rootPrefix : rootPrefix + path + "/";
  }

  /** Returns the path of {@code key}, without a trailing slash, or null when the key lies outside the root. */
  @Nullable String path(String key) {
    if (!key.startsWith(rootPrefix)) {
      return null;
    }
    String p = key.substring(rootPrefix.length());
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** Returns the number of UTF-8 bytes the root prefix uses of S3's 1024-byte key limit. */
  int prefixBytes() {
    return rootPrefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
