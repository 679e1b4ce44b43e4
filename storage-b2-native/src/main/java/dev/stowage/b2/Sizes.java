package dev.stowage.b2;

import dev.stowage.b2.client.B2Authorization;
import dev.stowage.spi.PartUploader;

/**
 * The part sizes, cutoffs and concurrency in force: configured values, else B2's recommendations
 * from the account authorisation, kept within the configured memory budget.
 *
 * <p>A streamed upload buffers {@code partSize × (streamConcurrency + 1)} bytes. Without a
 * configured part size, the part size is B2's {@code recommendedPartSize} shrunk to fit the budget
 * (never below {@code absoluteMinimumPartSize}); a configured part size is kept and the
 * concurrency of streamed uploads is lowered to fit instead (never below 1, so a part size over
 * half the budget exceeds it).
 *
 * @param partSize the preferred part size
 * @param minPartSize B2's smallest part other than the last ({@code absoluteMinimumPartSize})
 * @param uploadCutoff known-length writes of at least this size go in parts
 * @param streamConcurrency parts in flight for uploads that buffer their parts
 */
record Sizes(long partSize, long minPartSize, long uploadCutoff, int streamConcurrency) {
  /** The most parts a large file may have. */
  static final int MAX_PARTS = 10_000;

  /** The largest single upload B2 accepts (5 GB in its docs). */
  static final long MAX_SIMPLE = 5_000_000_000L;

  /** B2's production {@code recommendedPartSize}, assumed before the account is known. */
  static final long B2_RECOMMENDED_PART = 100_000_000L;

  /** B2's production {@code absoluteMinimumPartSize}, assumed before the account is known. */
  static final long B2_MINIMUM_PART = 5_000_000L;

  static Sizes of(B2Config config, B2Authorization auth) {
    return of(config, auth.recommendedPartSize(), auth.absoluteMinimumPartSize());
  }

  /** Returns the sizes for an account recommending {@code recommended} with minimum {@code minimum}. */
  static Sizes of(B2Config config, long recommended, long minimum) {
    long min = Math.max(1, minimum);
    long budget = config.memoryBudget();
    long part =
        config.partSize() > 0
            ? Math.max(config.partSize(), min)
            : PartUploader.partSizeWithin(
                budget, config.concurrency(), min, Math.max(1, recommended), -1, MAX_PARTS);
    part = Math.min(part, Integer.MAX_VALUE - 16);
    int concurrency = PartUploader.concurrencyWithin(budget, part, config.concurrency());
    long cutoff =
        config.uploadCutoff() > 0 ? config.uploadCutoff() : Math.min(MAX_SIMPLE, 2 * part);
    return new Sizes(part, min, cutoff, concurrency);
  }

  /**
   * Returns the part size for a file of {@code length} bytes: the preferred size, grown so that
   * there are at most 10,000 parts, and shrunk (not below the minimum) so that there are at least two.
   */
  long partSizeFor(long length) {
    long p = Math.max(partSize, ceilDiv(length, MAX_PARTS));
    if (length <= p) {
      p = Math.max(minPartSize, ceilDiv(length, 2));
    }
    return p;
  }

  /** Returns whether a file of known {@code length} is uploaded as a large file. */
  boolean isLarge(long length) {
    if (length > MAX_SIMPLE) {
      return true;
    }
    return length >= uploadCutoff && length > partSizeFor(length);
  }

  /**
   * Returns the most bytes a stream may have to go as one simple upload: one part, which is all
   * the adapter buffers to decide (and to retry that upload). A longer stream has at least two parts.
   */
  long streamLimit() {
    return Math.min(partSize, Integer.MAX_VALUE - 16);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
