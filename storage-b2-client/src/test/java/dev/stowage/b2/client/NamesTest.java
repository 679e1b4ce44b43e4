package dev.stowage.b2.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void encode_reservedAndNonAscii_arePercentEncoded() {
    assertThat(Names.encode("a b+c%/ü~._-")).isEqualTo("a%20b%2Bc%25/%C3%BC~._-");
    assertThat(Names.encode("😀")).isEqualTo("%F0%9F%98%80");
  }

  @Test
  void decode_plusAndEscapes_roundTrip() {
    assertThat(Names.decode("a+b%2Bc%C3%BC")).isEqualTo("a b+cü");
    for (String s : new String[] {"plain", "space name", "ünï cödé %20 #hash ?q", "😀/x"}) {
      assertThat(Names.decode(Names.encode(s))).isEqualTo(s);
    }
  }

  @Test
  void decode_malformedEscape_keptAsIs() {
    assertThat(Names.decode("100%")).isEqualTo("100%");
    assertThat(Names.decode("%zz")).isEqualTo("%zz");
  }
}
