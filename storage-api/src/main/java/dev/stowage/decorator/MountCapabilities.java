package dev.stowage.decorator;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.VisibilityMode;
import dev.stowage.WriteOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The capability arithmetic of {@link MountManager}. */
final class MountCapabilities {

  private static final Set<String> GENERIC_TYPES =
      Set.of("application/octet-stream", "binary/octet-stream", "b2/x-auto");

  private MountCapabilities() {}

  /** Returns what every mount can do: shared flags and the tightest limits. */
  static Capabilities common(Collection<Filesystem> filesystems) {
    EnumSet<Capability> features = EnumSet.allOf(Capability.class);
    EnumSet<ChecksumAlgorithm> checksums = EnumSet.allOf(ChecksumAlgorithm.class);
    int maxPath = Integer.MAX_VALUE;
    int maxSegment = Integer.MAX_VALUE;
    int maxReadSegment = Integer.MAX_VALUE;
    Duration ttl = null;
    for (Filesystem fs : filesystems) {
      Capabilities c = fs.capabilities();
      features.retainAll(c.features());
      checksums.retainAll(c.nativeChecksums());
      maxPath = Math.min(maxPath, c.maxPathBytes());
      maxSegment = Math.min(maxSegment, c.maxSegmentBytes());
      maxReadSegment = Math.min(maxReadSegment, c.maxReadSegmentBytes());
      ttl = ttl == null || c.maxTemporaryUrlTtl().compareTo(ttl) < 0 ? c.maxTemporaryUrlTtl() : ttl;
    }
    // Multipart limits differ per mount; the manager itself uploads nothing.
    features.remove(Capability.MULTIPART);
    return new Capabilities(
        features,
        checksums,
        maxPath,
        maxSegment,
        Objects.requireNonNull(ttl, "no mounts"),
        Long.MAX_VALUE,
        0,
        Math.max(maxSegment, maxReadSegment));
  }

  /**
   * Returns the options of a cross-mount copy: what the caller set, plus the source's visibility
   * (per-object destinations only) and content metadata that the destination stores.
   */
  static WriteOptions carry(FileAttributes source, WriteOptions options, Capabilities destination) {
    WriteOptions.Builder b = options.toBuilder();
    if (options.visibility() == null
        && source.visibility() != null
        && destination.visibilityMode() == VisibilityMode.PER_OBJECT) {
      b.visibility(source.visibility());
    }
    if (options.contentType() == null
        && source.contentType() != null
        && !GENERIC_TYPES.contains(source.contentType().toLowerCase(Locale.ROOT))
        && destination.has(Capability.CONTENT_TYPE)) {
      b.contentType(source.contentType());
    }
    if (options.cacheControl() == null
        && source.cacheControl() != null
        && destination.has(Capability.CACHE_CONTROL)) {
      b.cacheControl(source.cacheControl());
    }
    if (options.contentDisposition() == null
        && source.contentDisposition() != null
        && destination.has(Capability.CONTENT_DISPOSITION)) {
      b.contentDisposition(source.contentDisposition());
    }
    if (options.contentEncoding() == null
        && source.contentEncoding() != null
        && destination.has(Capability.CONTENT_ENCODING)) {
      b.contentEncoding(source.contentEncoding());
    }
    if (options.userMetadata().isEmpty()
        && !source.userMetadata().isEmpty()
        && destination.has(Capability.USER_METADATA)) {
      b.userMetadata(source.userMetadata());
    }
    return b.build();
  }
}
