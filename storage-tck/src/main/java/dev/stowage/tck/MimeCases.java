package dev.stowage.tck;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Rows of (file name, content, expected MIME type) for detection (T1, T3). */
final class MimeCases {

  private MimeCases() {}

  static Stream<Arguments> detectable() {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    return Stream.of(
        Arguments.of(
            "image.svg",
            text("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
            "image/svg+xml"),
        Arguments.of("notes.txt", text("plain words"), "text/plain"),
        Arguments.of("empty.txt", new byte[0], "text/plain"),
        Arguments.of("data.json", text("{\"a\": 1}"), "application/json"),
        Arguments.of("page.html", text("<!DOCTYPE html><html><body>hi</body></html>"), "text/html"),
        Arguments.of("style.css", text("body { color: red; }"), "text/css"),
        Arguments.of("table.csv", text("a,b\n1,2\n"), "text/csv"),
        Arguments.of("picture.png", png, "image/png"),
        Arguments.of("doc.pdf", text("%PDF-1.4\n%âãÏÓ\n"), "application/pdf"),
        Arguments.of("no-extension-png", png, "image/png"));
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
