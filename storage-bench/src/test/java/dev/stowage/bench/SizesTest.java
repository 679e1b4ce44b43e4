package dev.stowage.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void parse_binaryUnitsInAnySpelling_returnsBytes() {
    assertThat(Sizes.parse("512MiB")).isEqualTo(512L << 20);
    assertThat(Sizes.parse("64k")).isEqualTo(64L << 10);
    assertThat(Sizes.parse("1 GB")).isEqualTo(1L << 30);
    assertThat(Sizes.parse("4096")).isEqualTo(4096);
  }

  @Test
  void parse_notASize_failsNamingTheText() {
    assertThatThrownBy(() -> Sizes.parse("lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> Sizes.parse("0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void format_exactUnits_printsTheLargestUnit() {
    assertThat(Sizes.format(512L << 20)).isEqualTo("512 MiB");
    assertThat(Sizes.format(1000)).isEqualTo("1000 B");
  }

  @Test
  void target_unknownScheme_failsNamingTheScheme() {
    assertThatThrownBy(() -> BenchTarget.of("x", URI.create("ftp://host/x"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ftp:'");
  }

  @Test
  void target_toString_neverShowsTheSettings() {
    BenchTarget t = BenchTarget.of("s3", URI.create("s3://bucket"), Map.of("secretKey", "hush"));
    assertThat(t.toString()).doesNotContain("hush");
  }

  @Test
  void runner_badNumbers_failNamingTheOption() {
    assertThatThrownBy(() -> BenchRunner.builder().runs(0)).hasMessageContaining("runs");
    assertThatThrownBy(() -> BenchRunner.builder().listingFiles(0))
        .hasMessageContaining("listing files");
    assertThatThrownBy(() -> new FacadeOptions(true, -1, 0, 1, java.time.Duration.ofSeconds(1)))
        .hasMessageContaining("forks");
  }
}
