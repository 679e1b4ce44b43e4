package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void name_plain_isUnchanged() {
    String plain = "photos/été 2026/ä.jpg";
    assertThat(Printable.name(plain)).isSameAs(plain);
  }

  @Test
  void name_controlCharacters_areEscaped() {
    assertThat(Printable.name("a\u001b[2Jb\u0007c\u007f\u0085.txt"))
        .isEqualTo("a\\x1b[2Jb\\x07c\\x7f\\x85.txt")
        .doesNotContain("\u001b");
  }
}
