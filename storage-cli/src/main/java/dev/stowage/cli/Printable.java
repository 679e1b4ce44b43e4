package dev.stowage.cli;

/**
 * Makes names safe to print on a terminal: control characters (C0, DEL and C1), which a key on an
 * object store may contain, are shown as {@code \xHH} instead of being sent raw, where an escape
 * sequence could rewrite the screen or hide other output.
 */
final class Printable {

  private Printable() {}

  /** Returns {@code name} with every control character replaced by {@code \xHH}. */
  static String name(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (control && out == null) {
        out = new StringBuilder(name.length() + 8).append(name, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format("\\x%02x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? name : out.toString();
  }
}
