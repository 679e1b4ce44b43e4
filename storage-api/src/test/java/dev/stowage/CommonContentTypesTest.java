package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table of common extensions says exactly what Tika's registry says, entry by entry. */
class CommonContentTypesTest {

  @Test
  void table_everyEntry_isTikasOwnAnswer() {
    assertThat(TikaMimeDetector.commonExtensions())
        .hasSizeGreaterThan(100)
        .contains("html", "png", "json", "bin");
    for (String extension : TikaMimeDetector.commonExtensions()) {
      assertThat(TikaMimeDetector.commonType(extension))
          .as("." + extension)
          .isEqualTo(TikaMimeDetector.tikaType(extension));
    }
  }

  @Test
  void detect_commonAndOtherNames_answerAsBefore() {
    MimeDetector tika = MimeDetector.tika();
    assertThat(tika.detect("site/index.html", null)).isEqualTo("text/html");
    assertThat(tika.detect("data.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isNull();
    assertThat(tika.detect("photo.PNG", null))
        .isEqualTo("image/png"); // not in the table: Tika decides
    assertThat(tika.needsHead("notes.md")).isFalse();
    assertThat(tika.needsHead("README")).isTrue();
  }
}
