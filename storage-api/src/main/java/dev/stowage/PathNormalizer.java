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
    if (isCanonical(path, Integer.MAX_VALUE, Integer.MAX_VALUE)) {
      return path;
    }
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
    Objects.requireNonNull(path, "path");
    if (isCanonical(path, maxPathBytes, maxSegmentBytes)) {
      return path;
    }
    String normalised = normalize(path);
    int total = utf8Length(normalised);
    if (total > maxPathBytes) {
      throw PathRejectedException.because(
          path, "longer than " + maxPathBytes + " UTF-8 bytes (" + total + ")");
    }
    int start = 0;
    for (int i = 0; i <= normalised.length(); i++) {
      if (i == normalised.length() || normalised.charAt(i) == '/') {
        int segment = utf8Length(normalised.substring(start, i));
        if (segment > maxSegmentBytes) {
          throw PathRejectedException.because(
              path,
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

  /**
   * Returns true when {@code path} is already in canonical form and within the limits, so that
   * normalising it would return it unchanged: one pass, no allocation. False means "take the slow
   * path", which normalises or throws with the precise reason; it never means the path is bad.
   */
  private static boolean isCanonical(String path, int maxPathBytes, int maxSegmentBytes) {
    // ASCII first: one byte per character, so lengths are byte counts. Any other character hands
    // over to the general scan.
    int n = path.length();
    if (n > maxPathBytes) {
      return false;
    }
    int segmentStart = 0;
    for (int i = 0; i < n; i++) {
      char c = path.charAt(i);
      if (c > '/') {
        if (c < 0x7f) {
          if (c == '\\') {
            return false;
          }
          continue;
        }
        return isCanonicalText(path, maxPathBytes, maxSegmentBytes);
      }
      if (c == '/') {
        if (!isCanonicalSegment(path, segmentStart, i, i - segmentStart, maxSegmentBytes)) {
          return false;
        }
        segmentStart = i + 1;
      } else if (c < 0x20) {
        return false;
      }
    }
    return n == 0 || isCanonicalSegment(path, segmentStart, n, n - segmentStart, maxSegmentBytes);
  }

  /** Whether the segment {@code [start, end)} of {@code bytes} UTF-8 bytes may stay as it is. */
  private static boolean isCanonicalSegment(
      String path, int start, int end, long bytes, int maxSegmentBytes) {
    int length = end - start;
    if (length == 0 || bytes > maxSegmentBytes) {
      return false; // a leading, trailing or repeated slash, or too long
    }
    return !(path.charAt(start) == '.'
        && (length == 1 || length == 2 && path.charAt(start + 1) == '.'));
  }

  /** {@link #isCanonical} for paths with non-ASCII characters, counting UTF-8 bytes. */
  private static boolean isCanonicalText(String path, int maxPathBytes, int maxSegmentBytes) {
    int n = path.length();
    long total = 0;
    int segmentStart = 0;
    long segmentBytes = 0;
    for (int i = 0; i < n; i++) {
      char c = path.charAt(i);
      if (c == '/') {
        if (!isCanonicalSegment(path, segmentStart, i, segmentBytes, maxSegmentBytes)) {
          return false;
        }
        total++;
        segmentStart = i + 1;
        segmentBytes = 0;
        continue;
      }
      int bytes;
      if (c < 0x80) {
        if (c < 0x20 || c == 0x7f || c == '\\') {
          return false;
        }
        bytes = 1;
      } else if (c < 0x800) {
        bytes = 2;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= n || !Character.isLowSurrogate(path.charAt(i + 1))) {
          return false;
        }
        i++;
        bytes = 4;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      } else {
        bytes = 3;
      }
      segmentBytes += bytes;
      total += bytes;
    }
    return isCanonicalSegment(path, segmentStart, n, segmentBytes, maxSegmentBytes)
        && total <= maxPathBytes;
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
