package dev.stowage;

import java.util.Locale;
import java.util.Objects;

/**
 * A checksum value: the algorithm and its lowercase hexadecimal digest.
 *
 * @param algorithm the algorithm
 * @param hex the digest as lowercase hex (CRC32C as 8 hex digits, big-endian)
 */
public record Checksum(ChecksumAlgorithm algorithm, String hex) {
  public Checksum {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    hex = hex.toLowerCase(Locale.ROOT);
    if (!isLowerHex(hex)) {
      throw new IllegalArgumentException("checksum is not hexadecimal: '" + hex + "'");
    }
  }

  private static boolean isLowerHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
