package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "a|a",
        "a/b/c|a/b/c",
        "/a|a",
        "a/|a",
        "/a/b/|a/b",
        "//a//b//|a/b",
        "./a|a",
        "a/./b|a/b",
        "a/.|a",
        "a/b/..|a",
        "a/b/../c|a/c",
        "a/../b|b",
        "a/b/../../c|c",
        "a/..|''",
        "''|''",
        "/|''",
        "//|''",
        ".|''",
        "./.|''",
        "a\\b|a/b",
        "\\a\\b\\|a/b",
        "a\\..\\b|b",
        "a..b|a..b",
        "..txt|..txt",
        "a/..txt|a/..txt",
        "...|...",
        "a/.../b|a/.../b",
        ".hidden|.hidden",
        "a/.b/c|a/.b/c",
        "with space/and more|with space/and more",
        " leading| leading",
        "trailing |trailing ",
        "[brackets]/{braces}|[brackets]/{braces}",
        "%20/%%|%20/%%",
        "日本語/ファイル.txt|日本語/ファイル.txt",
        "emoji😀/x|emoji😀/x",
        "a:b?c*d|a:b?c*d",
      })
  void normalize_validPaths_areCanonical(String input, String expected) {
    assertThat(PathNormalizer.normalize(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"..", "../a", "a/../..", "a/../../b", "/../a", "./..", "\\..\\a", "a/b/../../.."})
  void normalize_climbingAboveRoot_throwsTraversal(String input) {
    assertThatThrownBy(() -> PathNormalizer.normalize(input))
        .isInstanceOf(PathRejectedException.class)
        .hasMessageContaining("traversal")
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(StorageException.Kind.INVALID_INPUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\nb", "a\rb", "\tx", "a/\u001fb", "del\u007f", "nul\u0000"})
  void normalize_controlCharacters_throwsCorrupted(String input) {
    assertThatThrownBy(() -> PathNormalizer.normalize(input))
        .isInstanceOf(PathRejectedException.class)
        .hasMessageContaining("control character");
  }

  @Test
  void normalize_controlCharacter_isEscapedInMessage() {
    assertThatThrownBy(() -> PathNormalizer.normalize("a\nfake log line"))
        .hasMessageNotContaining("\n")
        .hasMessageContaining("\\u000a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\ud800", "a\ud800b", "\udc00", "x/\udfff", "\ud83d"})
  void normalize_loneSurrogate_isRejected(String input) {
    assertThatThrownBy(() -> PathNormalizer.normalize(input))
        .isInstanceOf(PathRejectedException.class)
        .hasMessageContaining("UTF-16");
  }

  @Test
  void normalize_validSurrogatePair_isKept() {
    assertThat(PathNormalizer.normalize("\ud83d\ude00")).isEqualTo("😀");
  }

  @Test
  void normalize_c1ControlCharacters_areOrdinary() {
    assertThat(PathNormalizer.normalize("a\u0085b")).isEqualTo("a\u0085b");
  }

  @Test
  void normalizeWithLimits_pathAtLimit_isAccepted() {
    String path = "a".repeat(10) + "/" + "b".repeat(9);
    assertThat(PathNormalizer.normalize(path, 20, 10)).isEqualTo(path);
  }

  @Test
  void normalizeWithLimits_pathOverLimit_isRejected() {
    assertThatThrownBy(() -> PathNormalizer.normalize("a".repeat(21), 20, 100))
        .isInstanceOf(PathRejectedException.class)
        .hasMessageContaining("longer than 20 UTF-8 bytes");
  }

  @Test
  void normalizeWithLimits_countsUtf8Bytes() {
    String threeByteChars = "日".repeat(7);
    assertThatThrownBy(() -> PathNormalizer.normalize(threeByteChars, 20, 100))
        .isInstanceOf(PathRejectedException.class);
    assertThat(PathNormalizer.normalize("日".repeat(6), 18, 18)).hasSize(6);
  }

  @Test
  void normalizeWithLimits_segmentOverLimit_isRejected() {
    assertThatThrownBy(() -> PathNormalizer.normalize("ok/" + "x".repeat(11), 100, 10))
        .isInstanceOf(PathRejectedException.class)
        .hasMessageContaining("segment");
  }

  @Test
  void normalizeWithLimits_measuresTheNormalisedForm() {
    assertThat(PathNormalizer.normalize("////a/./b/../c////", 3, 1)).isEqualTo("a/c");
  }

  @Test
  void utf8Length_countsBytes() {
    assertThat(PathNormalizer.utf8Length("aé日😀")).isEqualTo(1 + 2 + 3 + 4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "small/file.bin",
        "a",
        "a/b/c",
        "a..b/...",
        "日本語/ファイル.txt",
        "emoji😀/x",
        ".hidden"
      })
  void normalize_canonicalPath_returnsTheSameString(String canonical) {
    // The facade normalises on every call: an already canonical path must not be rebuilt.
    assertThat(PathNormalizer.normalize(canonical)).isSameAs(canonical);
    assertThat(PathNormalizer.normalize(canonical, 4096, 1024)).isSameAs(canonical);
  }

  @Test
  void normalizeWithLimits_canonicalPathsAtAndOverLimits_matchTheRules() {
    String ascii = "ab/cd";
    assertThat(PathNormalizer.normalize(ascii, 5, 2)).isSameAs(ascii);
    assertThatThrownBy(() -> PathNormalizer.normalize(ascii, 4, 2))
        .isInstanceOf(PathRejectedException.class);
    assertThatThrownBy(() -> PathNormalizer.normalize(ascii, 5, 1))
        .isInstanceOf(PathRejectedException.class);
    String text = "é/😀"; // 2 + 1 + 4 bytes
    assertThat(PathNormalizer.normalize(text, 7, 4)).isSameAs(text);
    assertThatThrownBy(() -> PathNormalizer.normalize(text, 6, 4))
        .isInstanceOf(PathRejectedException.class);
    assertThatThrownBy(() -> PathNormalizer.normalize(text, 7, 3))
        .isInstanceOf(PathRejectedException.class);
  }

  @Test
  void normalize_randomPaths_agreeWithTheDocumentedRules() {
    String[] pieces = {
      "a", "b", "é", "日", "😀", "/", "/", "\\", ".", "..", " ", "\u0000", "\u001f", "\u007f",
      "\ud800", "\udc00", "-", "~"
    };
    Random random = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      int count = random.nextInt(8);
      for (int i = 0; i < count; i++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String path = b.toString();
      int maxPath = 1 + random.nextInt(16);
      int maxSegment = 1 + random.nextInt(8);
      String expected = referenceNormalize(path, maxPath, maxSegment);
      if (expected == null) {
        assertThatThrownBy(() -> PathNormalizer.normalize(path, maxPath, maxSegment))
            .as("'%s' within %d/%d", path, maxPath, maxSegment)
            .isInstanceOf(PathRejectedException.class);
      } else {
        assertThat(PathNormalizer.normalize(path, maxPath, maxSegment))
            .as("'%s' within %d/%d", path, maxPath, maxSegment)
            .isEqualTo(expected);
      }
    }
  }

  /** The class's rules written out plainly: the normalised path, or null when it is rejected. */
  private static String referenceNormalize(String path, int maxPathBytes, int maxSegmentBytes) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < path.length()
              && Character.isLowSurrogate(path.charAt(i + 1));
      if (c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !pair)) {
        return null;
      }
      if (pair) {
        i++;
      }
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.replace('\\', '/').split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return null;
        }
        segments.removeLast();
      } else {
        segments.addLast(segment);
      }
    }
    String result = String.join("/", segments);
    if (result.getBytes(StandardCharsets.UTF_8).length > maxPathBytes) {
      return null;
    }
    for (String segment : segments) {
      if (segment.getBytes(StandardCharsets.UTF_8).length > maxSegmentBytes) {
        return null;
      }
    }
    return result;
  }
}
