package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.client.B2Allowed;
import dev.stowage.b2.client.B2Authorization;
import org.junit.jupiter.api.Test;

class SizesTest {
  private static B2Authorization auth(long recommended, long minimum) {
    return new B2Authorization(
        "acc",
        "tok",
        "http://a",
        "http://d",
        recommended,
        minimum,
        null,
        new B2Allowed(null, null, null, null));
  }

  @Test
  void of_unconfiguredWithinBudget_usesRecommendedAndTwiceAsCutoff() {
    Sizes s =
        Sizes.of(
            B2Config.builder("b").memoryBudget(1L << 30).build(), auth(100_000_000, 5_000_000));
    assertThat(s.partSize()).isEqualTo(100_000_000);
    assertThat(s.minPartSize()).isEqualTo(5_000_000);
    assertThat(s.uploadCutoff()).isEqualTo(200_000_000);
    assertThat(s.streamConcurrency()).isEqualTo(4);
  }

  @Test
  void of_recommendedOverDefaultBudget_shrinksPartsToFit64MiB() {
    Sizes s = Sizes.of(B2Config.builder("b").build(), auth(100_000_000, 5_000_000));
    assertThat(s.partSize()).isBetween(5_000_000L, (64L << 20) / 5);
    assertThat(s.partSize() * (s.streamConcurrency() + 1)).isLessThanOrEqualTo(64L << 20);
    assertThat(s.uploadCutoff()).isEqualTo(2 * s.partSize());
  }

  @Test
  void of_configuredPartSizeOverBudget_keepsItAndLowersConcurrency() {
    Sizes s =
        Sizes.of(
            B2Config.builder("b").partSize(20L << 20).concurrency(8).build(),
            auth(100_000_000, 5_000_000));
    assertThat(s.partSize()).isEqualTo(20L << 20);
    assertThat(s.streamConcurrency()).isEqualTo(2); // 20 MiB × 3 = 60 MiB ≤ 64 MiB
  }

  @Test
  void of_budgetBelowTwoMinimumParts_neverGoesBelowMinimum() {
    Sizes s =
        Sizes.of(
            B2Config.builder("b").memoryBudget(2L << 20).build(), auth(100_000_000, 5_000_000));
    assertThat(s.partSize()).isEqualTo(5_000_000);
    assertThat(s.streamConcurrency()).isEqualTo(1);
  }

  @Test
  void of_configuredBelowMinimum_isRaisedToMinimum() {
    Sizes s =
        Sizes.of(B2Config.builder("b").partSize(1000).uploadCutoff(500).build(), auth(100, 4000));
    assertThat(s.partSize()).isEqualTo(4000);
    assertThat(s.uploadCutoff()).isEqualTo(500);
  }

  @Test
  void partSizeFor_hugeFile_growsToAtMost10000Parts() {
    Sizes s = new Sizes(5_000_000, 5_000_000, 10_000_000, 4);
    long size = 10_000_000_000_000L; // 10 TB
    long part = s.partSizeFor(size);
    assertThat((size + part - 1) / part).isLessThanOrEqualTo(10_000);
    assertThat(part).isEqualTo(1_000_000_000L);
  }

  @Test
  void partSizeFor_fileOfOnePart_isSplitInTwo() {
    Sizes s = new Sizes(1000, 100, 10, 4);
    assertThat(s.partSizeFor(600)).isEqualTo(300);
    assertThat(s.partSizeFor(150)).isEqualTo(100); // never below the minimum
    assertThat(s.isLarge(600)).isTrue();
    assertThat(s.isLarge(100)).isFalse(); // two parts would be under the minimum
  }

  @Test
  void isLarge_belowCutoff_isSimpleUnlessOver5GB() {
    Sizes s = new Sizes(1000, 100, 6_000_000_000L, 4);
    assertThat(s.isLarge(5_000_000_000L)).isFalse();
    assertThat(s.isLarge(5_000_000_001L)).isTrue();
  }

  @Test
  void streamLimit_isOnePart() {
    assertThat(new Sizes(1000, 100, 300, 4).streamLimit()).isEqualTo(1000);
  }
}
