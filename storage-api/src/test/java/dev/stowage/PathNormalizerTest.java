package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
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
  @ValueSource(strings = {"..", "../a", "a/../..", "a/../../b", "/../a", "./..", "\\..\\a", "a/b/../../.."})
  void normalize_climbingAboveRoot_throwsTraversal(String input) {
    assertThatThrownBy(() -> PathNormalizer.normalize(input))
        .isInstanceOf(PathRejectedException.class)
        .hasMessageContaining("traversal")
        .extracting(e -> ((StorageException) e).kind()).isEqualTo(StorageException.Kind.INVALID_INPUT);
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
}
