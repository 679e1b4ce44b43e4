package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartUploaderBudgetTest {

  private static final long MIB = 1L << 20;

  @Test
  void partSizeWithin_serverRecommends100MB_fitsTheDefaultBudget() {
    long size =
        PartUploader.partSizeWithin(
            PartUploader.DEFAULT_MEMORY_BUDGET, 4, 5_000_000, 100_000_000, -1, 10_000);
    assertThat(size * 5).isLessThanOrEqualTo(PartUploader.DEFAULT_MEMORY_BUDGET);
    assertThat(size).isGreaterThanOrEqualTo(5_000_000);
  }

  @Test
  void partSizeWithin_preferredFits_isKept() {
    assertThat(PartUploader.partSizeWithin(64 * MIB, 2, 5 * MIB, 8 * MIB, -1, 10_000))
        .isEqualTo(8 * MIB);
  }

  @Test
  void partSizeWithin_neverBelowTheMinimum() {
    assertThat(PartUploader.partSizeWithin(8 * MIB, 8, 5 * MIB, 100 * MIB, -1, 10_000))
        .isEqualTo(5 * MIB);
  }

  @Test
  void partSizeWithin_knownHugeLength_growsToFitMaxParts() {
    long length = 1L << 40; // 1 TiB
    long size = PartUploader.partSizeWithin(64 * MIB, 4, 5 * MIB, 100 * MIB, length, 10_000);
    assertThat(size * 10_000).isGreaterThanOrEqualTo(length);
  }

  @Test
  void concurrencyWithin_lowersConcurrencyToFit() {
    assertThat(PartUploader.concurrencyWithin(64 * MIB, 20 * MIB, 4)).isEqualTo(2);
    assertThat(PartUploader.concurrencyWithin(64 * MIB, 100 * MIB, 4)).isEqualTo(1);
    assertThat(PartUploader.concurrencyWithin(64 * MIB, 5 * MIB, 4)).isEqualTo(4);
  }

  @Test
  void partSizeWithin_nonPositive_isRefused() {
    assertThatThrownBy(() -> PartUploader.partSizeWithin(0, 4, 1, 1, -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
  }
}
