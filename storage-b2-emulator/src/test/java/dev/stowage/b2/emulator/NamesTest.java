package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percent-coding and ordering rules. */
class NamesTest {
  @Test
  void decode_plusIsSpaceAndUtf8() {
    assertThat(Names.decode("a+b%2Bc%20%C3%BC")).isEqualTo("a b+c ü");
    assertThat(Names.decode("plain/path.txt")).isEqualTo("plain/path.txt");
    assertThat(Names.decode("raw-ü")).isEqualTo("raw-ü");
  }

  @Test
  void decode_malformed_badRequest() {
    assertThatThrownBy(() -> Names.decode("%zz")).isInstanceOf(B2Exception.class);
    assertThatThrownBy(() -> Names.decode("%C3")).isInstanceOf(B2Exception.class);
    assertThatThrownBy(() -> Names.decode("abc%2")).isInstanceOf(B2Exception.class);
  }

  @Test
  void encode_keepsUnreservedAndSlash() {
    assertThat(Names.encode("a b+c/ü%")).isEqualTo("a%20b%2Bc/%C3%BC%25");
    assertThat(Names.decode(Names.encode("x y+z/\uD83D\uDE00"))).isEqualTo("x y+z/\uD83D\uDE00");
  }

  @Test
  void byteOrder_supplementaryAfterPrivateUse() {
    List<String> names = new ArrayList<>(List.of("\uD83D\uDE00", "\uE000", "b", "a/", "a0"));
    names.sort(Names.BYTE_ORDER);
    assertThat(names).containsExactly("a/", "a0", "b", "\uE000", "\uD83D\uDE00");
  }

  @Test
  void checkNames_rejectControlCharactersAndBadBuckets() {
    assertThatThrownBy(() -> Names.checkFileName("a\u0001")).isInstanceOf(B2Exception.class);
    assertThatThrownBy(() -> Names.checkFileName("x".repeat(1025))).isInstanceOf(B2Exception.class);
    assertThatThrownBy(() -> Names.checkBucketName("has_underscore"))
        .isInstanceOf(B2Exception.class);
    assertThat(Names.checkBucketName("Good-Name-1")).isEqualTo("Good-Name-1");
  }
}
