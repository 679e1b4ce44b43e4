package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void redact_userInformation_isRemoved() {
    assertThat(Redaction.redact("calling http://user:SECRET@host:8080/b2api/v3 failed"))
        .isEqualTo("calling http://host:8080/b2api/v3 failed");
  }

  @Test
  void redact_passwordHoldingASlash_isRemovedWhole() {
    assertThat(Redaction.redact("'http://user:se/cret@host'")).isEqualTo("'http://host'");
  }

  @Test
  void redact_query_isRemovedWhole_evenWhenMalformed() {
    assertThat(Redaction.redact("open b2://bucket/x?endpoint=http://h&key=SECRET^bad: failed"))
        .isEqualTo("open b2://bucket/x?…: failed");
  }

  @Test
  void redact_pathsWithAnAtSign_areKept() {
    assertThat(Redaction.redact("'b2://bucket/icons/logo@2x.png': not found"))
        .isEqualTo("'b2://bucket/icons/logo@2x.png': not found");
  }

  @Test
  void redact_textWithoutUris_isUnchanged() {
    assertThat(Redaction.redact("Unable to read 'a.bin': integrity (expected sha1 ab12, got 9f3c)"))
        .isEqualTo("Unable to read 'a.bin': integrity (expected sha1 ab12, got 9f3c)");
  }
}
