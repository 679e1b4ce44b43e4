package dev.stowage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Turns a caller's path into the one canonical form every adapter receives.
 *
 * <p>The rules, applied once by the {@link Filesystem} facade (and by decorators that accept
 * paths of their own, such as a mount prefix):
 * <ul>
 *   <li>{@code \} becomes {@code /};
 *   <li>empty and {@code .} segments drop, so leading, trailing and repeated slashes disappear;
 *   <li>{@code ..} removes the previous segment; climbing above the root fails with
 *       {@link PathRejectedException#traversal};
 *   <li>a control character (below U+0020, or U+007F), including NUL, fails with
 *       {@link PathRejectedException#corrupted};
 *   <li>a lone surrogate (text that is not valid UTF-16, so cannot be encoded as UTF-8) fails;
 *   <li>{@code a..b}, {@code ..txt} and {@code ...} are ordinary names.
 * </ul>
 * The root is {@code ""}. The result never starts or ends with {@code /}.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class PathNormalizer {

  private PathNormalizer() {}

  /**
   * Returns the normalised form of {@code path}.
   *
   * @throws PathRejectedException when the path climbs above the root, contains a control
   *     character or is not valid UTF-16
   */
  public static String normalize(String path) {
    Objects.requireNonNull(path, "path");
    checkCharacters(path);
    Deque<String> segments = new ArrayDeque<>();
    int start = 0;
    int n = path.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || path.charAt(i) == '/' || path.charAt(i) == '\\') {
        String segment = path.substring(start, i);
        start = i + 1;
        if (segment.isEmpty() || segment.equals(".")) {
          continue;
        }
        if (segment.equals("..")) {
          if (segments.isEmpty()) {
            throw PathRejectedException.traversal(path);
          }
          segments.removeLast();
        } else {
          segments.addLast(segment);
        }
      }
    }
    return String.join("/", segments);
  }

  /**
   * Returns the normalised form of {@code path} after checking it against UTF-8 byte limits.
   *
   * @throws PathRejectedException as {@link #normalize(String)}, or when the whole path is
   *     longer than {@code maxPathBytes} or one segment longer than {@code maxSegmentBytes}
   */
  public static String normalize(String path, int maxPathBytes, int maxSegmentBytes) {
    String normalised = normalize(path);
    int total = utf8Length(normalised);
    if (total > maxPathBytes) {
      throw PathRejectedException.because(path,
          "longer than " + maxPathBytes + " UTF-8 bytes (" + total + ")");
    }
    int start = 0;
    for (int i = 0; i <= normalised.length(); i++) {
      if (i == normalised.length() || normalised.charAt(i) == '/') {
        int segment = utf8Length(normalised.substring(start, i));
        if (segment > maxSegmentBytes) {
          throw PathRejectedException.because(path,
              "a segment is longer than " + maxSegmentBytes + " UTF-8 bytes (" + segment + ")");
        }
        start = i + 1;
      }
    }
    return normalised;
  }

  /** Returns the number of bytes {@code text} takes in UTF-8 (text must be valid UTF-16). */
  public static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void checkCharacters(String path) {
    int n = path.length();
    for (int i = 0; i < n; i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw PathRejectedException.corrupted(path);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(path.charAt(i + 1))) {
          i++;
          continue;
        }
        throw PathRejectedException.because(path, "not valid UTF-16 (lone surrogate)");
      }
      if (Character.isLowSurrogate(c)) {
        throw PathRejectedException.because(path, "not valid UTF-16 (lone surrogate)");
      }
    }
  }
}
