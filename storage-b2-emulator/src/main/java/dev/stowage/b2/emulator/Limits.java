package dev.stowage.b2.emulator;

import java.time.Duration;

/** The configurable limits of one emulator; see the builder methods of {@link B2Emulator.Builder}. */
record Limits(
    long recommendedPartSize,
    long absoluteMinimumPartSize,
    Duration tokenLifetime,
    int maxBuckets,
    long maxSmallFileSize,
    double testModeFailureRate) {

  static final long GB = 1_000_000_000L;
  static final long MAX_SMALL_FILE = 5L * 1024 * 1024 * 1024;
  static final long MAX_PART = 5L * 1024 * 1024 * 1024;
  static final int MAX_PARTS = 10_000;

  Limits {
    if (absoluteMinimumPartSize < 1 || recommendedPartSize < absoluteMinimumPartSize) {
      throw new IllegalArgumentException(
          "need 1 <= absoluteMinimumPartSize ("
              + absoluteMinimumPartSize
              + ") <= recommendedPartSize ("
              + recommendedPartSize
              + ")");
    }
  }
}
