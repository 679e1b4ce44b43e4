package dev.stowage.b2;

import dev.stowage.b2.client.B2Authorization;

/**
 * The part sizes and cutoffs in force: configured values, else B2's recommendations from the
 * account authorisation.
 *
 * @param partSize the preferred part size
 * @param minPartSize B2's smallest part other than the last ({@code absoluteMinimumPartSize})
 * @param uploadCutoff known-length writes of at least this size go in parts
 */
record Sizes(long partSize, long minPartSize, long uploadCutoff) {
  /** The most parts a large file may have. */
  static final int MAX_PARTS = 10_000;
  /** The largest single upload B2 accepts (5 GB in its docs). */
  static final long MAX_SIMPLE = 5_000_000_000L;

  static Sizes of(B2Config config, B2Authorization auth) {
    long min = Math.max(1, auth.absoluteMinimumPartSize());
    long part = config.partSize() > 0 ? config.partSize() : auth.recommendedPartSize();
    part = Math.max(part, min);
    long cutoff = config.uploadCutoff() > 0 ? config.uploadCutoff() : Math.min(MAX_SIMPLE, 2 * part);
    return new Sizes(part, min, cutoff);
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
