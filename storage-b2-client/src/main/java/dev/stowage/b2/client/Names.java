package dev.stowage.b2.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of file names and file info values as B2 expects them. */
final class Names {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Names() {}

  /**
   * Encodes every UTF-8 byte except unreserved characters and {@code /}. A literal {@code +} is
   * encoded, because B2 (like HTML forms) reads a raw {@code +} as a space.
   */
  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(bytes.length + 16);
    for (byte x : bytes) {
      int c = x & 0xff;
      if (isUnreserved(c)) {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }

  /** Decodes {@code %XX} escapes and {@code +} (a space); malformed escapes are kept as they are. */
  static String decode(String value) {
    if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%' && hex(value, i + 1) >= 0 && hex(value, i + 2) >= 0) {
        out.write(hex(value, i + 1) * 16 + hex(value, i + 2));
        i += 2;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
          raw = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(raw, 0, raw.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(String s, int i) {
    return i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '/';
  }
}
