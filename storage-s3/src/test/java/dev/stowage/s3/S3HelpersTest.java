package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3HelpersTest {

  @Test
  void keys_withPrefix_mapBothWays() {
    S3Keys keys = new S3Keys("root/sub");

    assertThat(keys.file("a/b.txt")).isEqualTo("root/sub/a/b.txt");
    assertThat(keys.directory("a")).isEqualTo("root/sub/a/");
    assertThat(keys.directory("")).isEqualTo("root/sub/");
    assertThat(keys.path("root/sub/a/")).isEqualTo("a");
    assertThat(keys.path("other/a")).isNull();
    assertThat(new S3Keys("").directory("")).isEmpty();
  }

  @Test
  void etag_md5OnlyWhenSinglePart() {
    assertThat(S3Attributes.unquote("\"d41d8cd98f00b204e9800998ecf8427e\""))
        .isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(S3Attributes.isMd5("d41d8cd98f00b204e9800998ecf8427e")).isTrue();
    assertThat(S3Attributes.isMd5("d41d8cd98f00b204e9800998ecf8427e-3")).isFalse();
    assertThat(S3Attributes.isMd5(null)).isFalse();
  }

  @Test
  void compareUtf8_ordersByCodePointLikeS3() {
    // U+FF21 sorts before U+1F600 in UTF-8, but after its surrogates in UTF-16.
    String fullwidth = "\uFF21";
    String emoji = new String(Character.toChars(0x1F600));
    assertThat(fullwidth.compareTo(emoji)).isPositive();
    assertThat(S3Listing.compareUtf8(fullwidth, emoji)).isNegative();
    assertThat(S3Listing.compareUtf8("a/b", "a/b!")).isNegative();
    assertThat(S3Listing.compareUtf8("a/b/", "a/b!")).isPositive();
  }

  @Test
  void encodePath_keepsSlashesEscapesTheRest() {
    assertThat(S3Urls.encodePath("dir/a b+c%.txt")).isEqualTo("dir/a%20b%2Bc%25.txt");
    assertThat(S3Urls.encodePath("é")).isEqualTo("%C3%A9");
  }
}
