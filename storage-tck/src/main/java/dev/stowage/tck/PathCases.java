package dev.stowage.tck;

import java.util.stream.Stream;

/** Argument sources for {@link PathContract}. */
final class PathCases {

  private PathCases() {}

  /** Spellings of {@code d/a.txt} that must normalise to it (P1, P3). */
  static Stream<String> equivalentSpellings() {
    return Stream.of(
        "/d/a.txt",
        "./d/a.txt",
        "d//a.txt",
        "d/a.txt/",
        "d/./a.txt",
        "//d///a.txt",
        "d\\a.txt",
        "\\d\\a.txt",
        "d/x/../a.txt",
        "./d/./x/./../a.txt/");
  }

  /** Control characters that paths must not contain (P4). */
  static Stream<String> controlCharacters() {
    return Stream.of("\u0000", "\u0001", "\n", "\r", "\t", "\u001b", "\u001f", "\u007f");
  }

  /** Names that must round-trip unchanged as file and directory names (P5–P8). */
  static Stream<String> portableNames() {
    return Stream.of(
        // P5 brackets, braces and spaces
        "[brackets]",
        "{braces}",
        "file (1)",
        "[1]",
        "with space",
        "two  spaces",
        // P6 punctuation
        "!@#$^&()_+-=;',",
        "tilde~",
        "back`tick",
        "caret^",
        "question?",
        "quote\"",
        "less<greater>",
        "pipe|",
        "star*",
        "colon:",
        "hash#fragment",
        "amp&amp",
        "semicolon;",
        "equals=",
        "comma,",
        "dollar$",
        "at@sign",
        "plus+sign",
        "apostrophe's",
        // P7 non-ASCII
        "日本語のファイル",
        "中文文件",
        "emoji-😀🎉",
        "accénted-ñ-ü-ø",
        "≠≈∞",
        "Ελληνικά",
        "кириллица",
        "עברית",
        "한국어",
        // P8 URL-ish text that must not be decoded
        "%20",
        " %20",
        "%",
        "%%",
        "test%46",
        "a%2Fb",
        "%2e%2e",
        "+plus+",
        "%E2%82%AC");
  }

  /** Names that look like traversal but are ordinary (P10). */
  static Stream<String> dotNames() {
    return Stream.of("a..b", "..txt", "...", "x..", ".hidden", "..hidden..");
  }

  /** Names with leading or trailing spaces and dots, which round-trip or are rejected (P9). */
  static Stream<String> edgeWhitespaceNames() {
    return Stream.of(" lead", "trail ", "trail.", "dots...", " both ");
  }
}
