package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.local.LocalPaths.NameClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests of the name checks listings run for every entry. */
class LocalPathsTest {

  private static final List<String> NAMES =
      List.of(
          "",
          ".",
          "..",
          "...",
          ".a",
          "..a",
          "a.",
          "a",
          "f0.txt",
          ".stowage-0123456789abcdef.tmp",
          ".stowage-x.tmpx",
          "stowage-x.tmp",
          "back\\slash",
          "sl/ash",
          "tab\there",
          "nul\0",
          "del\u007f",
          "caf\u00e9",
          "\u65e5\u672c",
          "\ufffd",
          "a b+c%d",
          "~$#!'\"");

  @Test
  void classify_agreesWithIsAddressable() {
    for (String name : NAMES) {
      assertThat(LocalPaths.classify(name) != NameClass.UNADDRESSABLE)
          .as(name)
          .isEqualTo(LocalPaths.isAddressable(name));
    }
  }

  @Test
  void classify_separatesAsciiFromOtherNames() {
    assertThat(LocalPaths.classify("f0.txt")).isEqualTo(NameClass.ASCII);
    assertThat(LocalPaths.classify("..a")).isEqualTo(NameClass.ASCII);
    assertThat(LocalPaths.classify("~$#!'\"")).isEqualTo(NameClass.ASCII);
    assertThat(LocalPaths.classify("caf\u00e9")).isEqualTo(NameClass.OTHER);
    assertThat(LocalPaths.classify("\ufffd")).isEqualTo(NameClass.OTHER);
    assertThat(LocalPaths.classify("..")).isEqualTo(NameClass.UNADDRESSABLE);
    assertThat(LocalPaths.classify(".stowage-0123456789abcdef.tmp"))
        .isEqualTo(NameClass.UNADDRESSABLE);
  }

  @Test
  void toMode_isTheInverseOfFromMode_forEveryMode() {
    for (int mode = 0; mode <= 0777; mode++) {
      assertThat(LocalPermissions.toMode(LocalPermissions.fromMode(mode)))
          .as("%o", mode)
          .isEqualTo(mode);
      assertThat(LocalPermissions.toMode(new java.util.HashSet<>(LocalPermissions.fromMode(mode))))
          .as("%o as a HashSet", mode)
          .isEqualTo(mode);
    }
  }
}
