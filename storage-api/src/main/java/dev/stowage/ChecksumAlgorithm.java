package dev.stowage;

import java.util.Locale;

/** The checksum algorithms {@link Filesystem#checksum} understands. */
public enum ChecksumAlgorithm {
  MD5("MD5"),
  SHA1("SHA-1"),
  SHA256("SHA-256"),
  CRC32C("CRC32C");

  private final String standardName;

  ChecksumAlgorithm(String standardName) {
    this.standardName = standardName;
  }

  /** Returns the JCA-style name, e.g. {@code "SHA-256"}. */
  public String standardName() {
    return standardName;
  }

  /**
   * Returns the algorithm named {@code name}, ignoring case and dashes ({@code "sha-256"},
   * {@code "SHA256"} and {@code "sha256"} are the same).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones, when unknown
   */
  public static ChecksumAlgorithm of(String name) {
    if (name != null) {
      String wanted = name.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
      for (ChecksumAlgorithm a : values()) {
        if (a.name().equals(wanted)) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown checksum algorithm '" + name + "' (expected one of md5, sha1, sha256, crc32c)");
  }
}
