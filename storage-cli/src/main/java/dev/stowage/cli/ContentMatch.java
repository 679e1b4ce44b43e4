package dev.stowage.cli;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.spi.Checksums;
import dev.stowage.spi.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a destination file already holds what the source file holds, so that
 * {@code sync} skips it. Sizes must be equal; then, by default:
 *
 * <ol>
 *   <li>a checksum both listings carry with the same algorithm is compared (B2 lists SHA-1, S3
 *       an MD5 ETag for single-part uploads, memory MD5);
 *   <li>else, when one side is local and the other lists a checksum, the local file is hashed
 *       with that algorithm (reading local disk is cheap) and compared;
 *   <li>else size and modification time decide: a destination at least as new as the source (to
 *       the second, the coarsest time backends report) with the same size is taken as identical.
 *       {@code sync} writes every file it transfers after reading it, so the copy it made is
 *       always at least as new; a destination changed later stays "identical" unless its size
 *       changed. Use {@code --checksum} where that matters.
 * </ol>
 * With {@code force} ({@code --checksum}), contents are always compared by hash: a listed
 * algorithm when either side has one, else SHA-256; a side that does not list it computes it,
 * which for a remote file means reading it.
 */
final class ContentMatch {

  private final Session session;
  private final TreeWalk source;
  private final TreeWalk destination;
  private final boolean force;

  ContentMatch(Session session, TreeWalk source, TreeWalk destination, boolean force) {
    this.session = session;
    this.source = source;
    this.destination = destination;
    this.force = force;
  }

  /** Returns whether {@code dst} already holds the content of {@code src}. */
  boolean same(TreeWalk.Entry src, TreeWalk.Entry dst) throws IOException {
    if (src.size() != dst.size()) {
      return false;
    }
    ChecksumAlgorithm common = common(src.checksums(), dst.checksums());
    if (common != null) {
      String srcSum = src.checksums().get(common);
      return srcSum != null && srcSum.equalsIgnoreCase(dst.checksums().get(common));
    }
    if (force) {
      ChecksumAlgorithm a = first(src.checksums(), dst.checksums());
      return hash(source, src, a).equalsIgnoreCase(hash(destination, dst, a));
    }
    if (source.local() && !dst.checksums().isEmpty()) {
      ChecksumAlgorithm a = first(dst.checksums(), Map.of());
      String dstSum = dst.checksums().get(a);
      return dstSum != null && dstSum.equalsIgnoreCase(hash(source, src, a));
    }
    if (destination.local() && !src.checksums().isEmpty()) {
      ChecksumAlgorithm a = first(src.checksums(), Map.of());
      String srcSum = src.checksums().get(a);
      return srcSum != null && srcSum.equalsIgnoreCase(hash(destination, dst, a));
    }
    return newerOrSame(dst.modified(), src.modified());
  }

  /** Returns whether {@code destination} is at least as new as {@code source}, to the second. */
  static boolean newerOrSame(@Nullable Instant destination, @Nullable Instant source) {
    if (destination == null || source == null) {
      return false;
    }
    return !destination
        .truncatedTo(ChronoUnit.SECONDS)
        .isBefore(source.truncatedTo(ChronoUnit.SECONDS));
  }

  private static @Nullable ChecksumAlgorithm common(
      Map<ChecksumAlgorithm, String> a, Map<ChecksumAlgorithm, String> b) {
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      if (a.containsKey(algorithm) && b.containsKey(algorithm)) {
        return algorithm;
      }
    }
    return null;
  }

  /** Returns an algorithm {@code a} lists, else one {@code b} lists, else SHA-256. */
  private static ChecksumAlgorithm first(
      Map<ChecksumAlgorithm, String> a, Map<ChecksumAlgorithm, String> b) {
    for (Map<ChecksumAlgorithm, String> m : java.util.List.of(a, b)) {
      for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
        if (m.containsKey(algorithm)) {
          return algorithm;
        }
      }
    }
    return ChecksumAlgorithm.SHA256;
  }

  private String hash(TreeWalk tree, TreeWalk.Entry entry, ChecksumAlgorithm algorithm)
      throws IOException {
    String listed = entry.checksums().get(algorithm);
    if (listed != null) {
      return listed;
    }
    Location file = TreeWalk.child(tree.root(), entry.relative());
    if (tree.local()) {
      try (InputStream in =
          Transfer.of(null, Cancellation.token()).track(Files.newInputStream(file.localPath()))) {
        return Checksums.compute(in, algorithm).hex();
      }
    }
    return session.filesystem(file).checksum(file.path(), algorithm).hex();
  }
}
