package dev.stowage.b2.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** SHA-1 helpers: digests, hex, and B2's {@code none}/{@code unverified:} conventions. */
final class Sha1s {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha1s() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-1", e);
    }
  }

  static String hex(byte[] digest) {
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  /** Returns {@code value} lowercased if it is 40 hex digits, else null. */
  static @Nullable String validHex(@Nullable String value) {
    if (value == null || value.length() != 40) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    for (int i = 0; i < 40; i++) {
      char c = lower.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
    }
    return lower;
  }

  /** Resolves B2's content SHA-1 field plus the {@code large_file_sha1} info into one hex value or null. */
  static @Nullable String wholeFile(@Nullable String contentSha1, @Nullable String largeFileSha1) {
    if (contentSha1 != null) {
      String v =
          contentSha1.startsWith("unverified:")
              ? contentSha1.substring("unverified:".length())
              : contentSha1;
      String hex = validHex(v);
      if (hex != null) {
        return hex;
      }
    }
    return validHex(largeFileSha1);
  }
}
