package dev.stowage.b2.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percent-coding, name ordering and name validation as B2 does them. */
final class Names {
  /** UTF-8 byte order, which equals code point order (not {@link String#compareTo}, which is UTF-16 order). */
  static final Comparator<String> BYTE_ORDER = Names::compareCodePoints;

  private static final String HEX = "0123456789ABCDEF";

  private Names() {}

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * Decodes a percent-encoded UTF-8 string; {@code +} is a space (the Java SDK encodes spaces so).
   *
   * @throws B2Exception 400 bad_request for a malformed escape or invalid UTF-8
   */
  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%') {
        if (i + 2 >= s.length()) {
          throw B2Error.BAD_REQUEST.exception("bad percent-encoding: " + s);
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw B2Error.BAD_REQUEST.exception("bad percent-encoding: " + s);
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          raw = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.writeBytes(raw);
      }
    }
    byte[] bytes = out.toByteArray();
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    if (!java.util.Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes)) {
      throw B2Error.BAD_REQUEST.exception("invalid UTF-8 in percent-encoding");
    }
    return decoded;
  }

  /** Percent-encodes UTF-8, keeping only letters, digits and {@code -._~/} raw (so {@code +} becomes %2B). */
  static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
      }
    }
    return sb.toString();
  }

  /** Parses a raw query string; names and values are percent-decoded with {@code +} as a space. */
  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(decode(name), decode(value));
    }
    return out;
  }

  /** Checks a file name: 1..1024 UTF-8 bytes, no control characters, no DEL. */
  static String checkFileName(String name) {
    if (name == null || name.isEmpty()) {
      throw B2Error.BAD_REQUEST.exception("fileName is required");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > 1024) {
      throw B2Error.BAD_REQUEST.exception("File names must be at most 1024 bytes");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 32 || c == 127) {
        throw B2Error.BAD_REQUEST.exception("File names must not contain control characters");
      }
    }
    return name;
  }

  /** Checks a bucket name: 6..63 letters, digits and '-', not starting with "b2-". */
  static String checkBucketName(String name) {
    if (name.length() < 6 || name.length() > 63) {
      throw B2Error.BAD_REQUEST.exception("Bucket name must be 6 to 63 characters: " + name);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        throw B2Error.BAD_REQUEST.exception("Invalid characters in bucket name: " + name);
      }
    }
    if (name.toLowerCase(java.util.Locale.ROOT).startsWith("b2-")) {
      throw B2Error.BAD_REQUEST.exception("Bucket names may not start with b2-: " + name);
    }
    return name;
  }

  static boolean isHexSha1(String s) {
    if (s == null || s.length() != 40) {
      return false;
    }
    for (int i = 0; i < 40; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
