package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.client.B2Allowed;
import dev.stowage.b2.client.B2Authorization;
import org.junit.jupiter.api.Test;

class SizesTest {
  private static B2Authorization auth(long recommended, long minimum) {
    return new B2Authorization("acc", "tok", "http://a", "http://d", recommended, minimum, null,
        new B2Allowed(null, null, null, null));
  }

  @Test
  void of_unconfigured_usesRecommendedAndTwiceAsCutoff() {
    Sizes s = Sizes.of(B2Config.builder("b").build(), auth(100_000_000, 5_000_000));
    assertThat(s.partSize()).isEqualTo(100_000_000);
    assertThat(s.minPartSize()).isEqualTo(5_000_000);
    assertThat(s.uploadCutoff()).isEqualTo(200_000_000);
  }

  @Test
  void of_configuredBelowMinimum_isRaisedToMinimum() {
    Sizes s = Sizes.of(B2Config.builder("b").partSize(1000).uploadCutoff(500).build(), auth(100, 4000));
    assertThat(s.partSize()).isEqualTo(4000);
    assertThat(s.uploadCutoff()).isEqualTo(500);
  }

  @Test
  void partSizeFor_hugeFile_growsToAtMost10000Parts() {
    Sizes s = new Sizes(5_000_000, 5_000_000, 10_000_000);
    long size = 10_000_000_000_000L; // 10 TB
    long part = s.partSizeFor(size);
    assertThat((size + part - 1) / part).isLessThanOrEqualTo(10_000);
    assertThat(part).isEqualTo(1_000_000_000L);
  }

  @Test
  void partSizeFor_fileOfOnePart_isSplitInTwo() {
    Sizes s = new Sizes(1000, 100, 10);
    assertThat(s.partSizeFor(600)).isEqualTo(300);
    assertThat(s.partSizeFor(150)).isEqualTo(100); // never below the minimum
    assertThat(s.isLarge(600)).isTrue();
    assertThat(s.isLarge(100)).isFalse(); // two parts would be under the minimum
  }

  @Test
  void isLarge_belowCutoff_isSimpleUnlessOver5GB() {
    Sizes s = new Sizes(1000, 100, 6_000_000_000L);
    assertThat(s.isLarge(5_000_000_000L)).isFalse();
    assertThat(s.isLarge(5_000_000_001L)).isTrue();
  }

  @Test
  void streamLimit_isOnePart() {
    assertThat(new Sizes(1000, 100, 300).streamLimit()).isEqualTo(1000);
  }
}
