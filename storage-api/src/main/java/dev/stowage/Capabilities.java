package dev.stowage;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an adapter can do: a set of {@link Capability} flags plus limits.
 *
 * <p>Example: {@code Capabilities.builder().add(Capability.WRITE, Capability.RANGE_READ)
 * .maxPathBytes(1024).build()}.
 *
 * @param features the declared capabilities
 * @param nativeChecksums algorithms the backend stores or computes itself; others are streamed
 * @param maxPathBytes the longest accepted path in UTF-8 bytes
 * @param maxSegmentBytes the longest path segment accepted for writes, in UTF-8 bytes
 * @param maxTemporaryUrlTtl the longest lifetime of a temporary URL or upload ticket
 * @param multipartThreshold writes of at least this many bytes go in parts (Long.MAX_VALUE: never)
 * @param partSize the size of each part of a multipart write (0 without {@link Capability#MULTIPART})
 * @param maxReadSegmentBytes the longest path segment accepted when reading, listing, copying from or
 *     deleting what is already stored (names other clients wrote under looser rules); at least
 *     {@code maxSegmentBytes}
 */
public record Capabilities(
    Set<Capability> features,
    Set<ChecksumAlgorithm> nativeChecksums,
    int maxPathBytes,
    int maxSegmentBytes,
    Duration maxTemporaryUrlTtl,
    long multipartThreshold,
    long partSize,
    int maxReadSegmentBytes) {

  public Capabilities {
    features = Collections.unmodifiableSet(copy(features, Capability.class));
    nativeChecksums = Collections.unmodifiableSet(copy(nativeChecksums, ChecksumAlgorithm.class));
    Objects.requireNonNull(maxTemporaryUrlTtl, "maxTemporaryUrlTtl");
    if (maxPathBytes < 1 || maxSegmentBytes < 1) {
      throw new IllegalArgumentException(
          "path limits must be positive: " + maxPathBytes + ", " + maxSegmentBytes);
    }
    if (maxReadSegmentBytes < maxSegmentBytes) {
      throw new IllegalArgumentException(
          "the read segment limit "
              + maxReadSegmentBytes
              + " is below the write segment limit "
              + maxSegmentBytes);
    }
    if (multipartThreshold < 1 || partSize < 0) {
      throw new IllegalArgumentException(
          "bad multipart limits: threshold " + multipartThreshold + ", part size " + partSize);
    }
    if (features.contains(Capability.VISIBILITY_PER_OBJECT)
        && features.contains(Capability.VISIBILITY_BUCKET_LEVEL)) {
      throw new IllegalArgumentException("visibility cannot be both per-object and bucket-level");
    }
  }

  /** Capabilities whose read segment limit equals the write limit {@code maxSegmentBytes}. */
  public Capabilities(
      Set<Capability> features,
      Set<ChecksumAlgorithm> nativeChecksums,
      int maxPathBytes,
      int maxSegmentBytes,
      Duration maxTemporaryUrlTtl,
      long multipartThreshold,
      long partSize) {
    this(
        features,
        nativeChecksums,
        maxPathBytes,
        maxSegmentBytes,
        maxTemporaryUrlTtl,
        multipartThreshold,
        partSize,
        maxSegmentBytes);
  }

  private static <E extends Enum<E>> Set<E> copy(Set<E> in, Class<E> type) {
    Objects.requireNonNull(in, "set");
    return in.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(in);
  }

  /** Returns whether {@code capability} is declared. */
  public boolean has(Capability capability) {
    return features.contains(capability);
  }

  /** Returns how visibility works, derived from the visibility flags. */
  public VisibilityMode visibilityMode() {
    if (has(Capability.VISIBILITY_PER_OBJECT)) {
      return VisibilityMode.PER_OBJECT;
    }
    return has(Capability.VISIBILITY_BUCKET_LEVEL)
        ? VisibilityMode.BUCKET_LEVEL
        : VisibilityMode.NONE;
  }

  /** Returns these capabilities without {@code removed} (e.g. a read-only view drops WRITE). */
  public Capabilities without(Capability... removed) {
    EnumSet<Capability> f =
        features.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(features);
    for (Capability c : removed) {
      f.remove(c);
    }
    return new Capabilities(
        f,
        nativeChecksums,
        maxPathBytes,
        maxSegmentBytes,
        maxTemporaryUrlTtl,
        multipartThreshold,
        partSize,
        maxReadSegmentBytes);
  }

  /** Returns a builder with no features, no native checksums and generous limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from these capabilities. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.features.addAll(features);
    b.nativeChecksums.addAll(nativeChecksums);
    b.maxPathBytes = maxPathBytes;
    b.maxSegmentBytes = maxSegmentBytes;
    b.maxTemporaryUrlTtl = maxTemporaryUrlTtl;
    b.multipartThreshold = multipartThreshold;
    b.partSize = partSize;
    b.maxReadSegmentBytes = maxReadSegmentBytes;
    return b;
  }

  /** Builds {@link Capabilities}. */
  public static final class Builder {
    private final EnumSet<Capability> features = EnumSet.noneOf(Capability.class);
    private final EnumSet<ChecksumAlgorithm> nativeChecksums =
        EnumSet.noneOf(ChecksumAlgorithm.class);
    private int maxPathBytes = 4096;
    private int maxSegmentBytes = 1024;
    private Duration maxTemporaryUrlTtl = Duration.ofDays(7);
    private long multipartThreshold = Long.MAX_VALUE;
    private long partSize;
    private int maxReadSegmentBytes;

    private Builder() {}

    /** Declares capabilities. */
    public Builder add(Capability... capabilities) {
      features.addAll(java.util.List.of(capabilities));
      return this;
    }

    /** Removes capabilities. */
    public Builder remove(Capability... capabilities) {
      features.removeAll(java.util.List.of(capabilities));
      return this;
    }

    /** Declares algorithms the backend computes or stores. */
    public Builder nativeChecksums(ChecksumAlgorithm... algorithms) {
      nativeChecksums.addAll(java.util.List.of(algorithms));
      return this;
    }

    /** Sets the longest accepted path in UTF-8 bytes. */
    public Builder maxPathBytes(int bytes) {
      this.maxPathBytes = bytes;
      return this;
    }

    /** Sets the longest path segment accepted for writes, in UTF-8 bytes. */
    public Builder maxSegmentBytes(int bytes) {
      this.maxSegmentBytes = bytes;
      return this;
    }

    /**
     * Sets the longest path segment accepted for reads, listings, copy sources and deletes, for
     * backends where other clients may store longer names than this adapter writes (default: the
     * write limit).
     */
    public Builder maxReadSegmentBytes(int bytes) {
      this.maxReadSegmentBytes = bytes;
      return this;
    }

    /** Sets the longest lifetime of a temporary URL or upload ticket. */
    public Builder maxTemporaryUrlTtl(Duration ttl) {
      this.maxTemporaryUrlTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** Declares multipart writes from {@code threshold} bytes on, in parts of {@code partSize}. */
    public Builder multipart(long threshold, long partSize) {
      this.multipartThreshold = threshold;
      this.partSize = partSize;
      features.add(Capability.MULTIPART);
      return this;
    }

    /** Returns the capabilities. */
    public Capabilities build() {
      return new Capabilities(
          features,
          nativeChecksums,
          maxPathBytes,
          maxSegmentBytes,
          maxTemporaryUrlTtl,
          multipartThreshold,
          partSize,
          Math.max(maxSegmentBytes, maxReadSegmentBytes));
    }
  }
}
