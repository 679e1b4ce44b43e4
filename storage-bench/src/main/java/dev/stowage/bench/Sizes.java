package dev.stowage.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints byte sizes in binary units: {@code 512MiB}, {@code 64k}, {@code 1g}, {@code 4096}. */
public final class Sizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  /**
   * Returns the number of bytes {@code text} names; units are binary whatever the spelling
   * ({@code 16M}, {@code 16MB} and {@code 16MiB} are all 16 × 2^20).
   *
   * @throws IllegalArgumentException naming the text when it is not a positive size
   */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "size: '" + text + "' is not a size such as 64KiB, 16MiB or 1GiB");
    }
    int shift =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size: '" + text + "' is too large");
    }
    if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("size: '" + text + "' must be positive and below 8 EiB");
    }
    return n << shift;
  }

  /** Returns {@code bytes} in the largest binary unit that divides it: {@code 512 MiB}, {@code 1000 B}. */
  public static String format(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    long n = bytes;
    while (u < units.length - 1 && n >= 1024 && n % 1024 == 0) {
      n /= 1024;
      u++;
    }
    return n + " " + units[u];
  }
}
