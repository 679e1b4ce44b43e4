package dev.stowage;

import dev.stowage.spi.FilesystemAdapter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link Filesystem} over an adapter. Every setting is optional; each may be set
 * once (a second call fails, so that a configuration cannot silently override itself).
 *
 * <pre>{@code
 * Filesystem fs = Filesystem.builder(adapter)
 *     .defaultVisibility(Visibility.PRIVATE)        // per-object adapters only
 *     .defaultChecksumAlgorithm(ChecksumAlgorithm.SHA256)
 *     .samePathPolicy(SamePathPolicy.FAIL)
 *     .build();
 * }</pre>
 *
 * <p>Layers, outermost first: the facade (paths, capabilities, defaults, typed errors) → path
 * prefix → read-only → cache → listener → the adapter → its retrier → its HTTP interceptors.
 * Decorators ({@code dev.stowage.decorator}) wrap the adapter before it is given here.
 */
public final class FilesystemBuilder {

  private final FilesystemAdapter adapter;
  private @Nullable Visibility defaultVisibility;
  private boolean defaultVisibilitySet;
  private @Nullable ChecksumAlgorithm defaultChecksum;
  private @Nullable MimeDetector mimeDetector;
  private @Nullable SamePathPolicy samePathPolicy;
  private @Nullable Boolean checkDirectoryConflicts;

  FilesystemBuilder(FilesystemAdapter adapter) {
    this.adapter = Objects.requireNonNull(adapter, "adapter");
  }

  /**
   * Sets the visibility given to files and directories written without one. It applies only to
   * adapters with {@link VisibilityMode#PER_OBJECT} visibility; others keep their own rule (so
   * that no ACL is ever sent to a bucket that rejects them). Default: none, the adapter decides.
   */
  public FilesystemBuilder defaultVisibility(Visibility visibility) {
    check(!defaultVisibilitySet, "defaultVisibility", defaultVisibility);
    this.defaultVisibility = Objects.requireNonNull(visibility, "visibility");
    this.defaultVisibilitySet = true;
    return this;
  }

  /** Sets the algorithm of {@link Filesystem#checksum(String)}. Default: MD5. */
  public FilesystemBuilder defaultChecksumAlgorithm(ChecksumAlgorithm algorithm) {
    check(defaultChecksum == null, "defaultChecksumAlgorithm", defaultChecksum);
    this.defaultChecksum = Objects.requireNonNull(algorithm, "algorithm");
    return this;
  }

  /** Sets how content types are detected. Default: {@link MimeDetector#tika()}. */
  public FilesystemBuilder mimeDetector(MimeDetector detector) {
    check(mimeDetector == null, "mimeDetector", mimeDetector);
    this.mimeDetector = Objects.requireNonNull(detector, "detector");
    return this;
  }

  /** Sets what copy and move do when source and destination are the same. Default: IGNORE. */
  public FilesystemBuilder samePathPolicy(SamePathPolicy policy) {
    check(samePathPolicy == null, "samePathPolicy", samePathPolicy);
    this.samePathPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Sets whether writes, copies and moves first check that no directory exists at the
   * destination (failing with IS_A_DIRECTORY), and directory creation that no file exists there.
   * The check costs one existence call per write. Default: true.
   */
  public FilesystemBuilder checkDirectoryConflicts(boolean check) {
    check(checkDirectoryConflicts == null, "checkDirectoryConflicts", checkDirectoryConflicts);
    this.checkDirectoryConflicts = check;
    return this;
  }

  /** Returns the filesystem; closing it closes the adapter. */
  public Filesystem build() {
    FacadeSettings settings =
        new FacadeSettings(
            defaultVisibility,
            defaultChecksum == null ? ChecksumAlgorithm.MD5 : defaultChecksum,
            mimeDetector == null ? MimeDetector.tika() : mimeDetector,
            samePathPolicy == null ? SamePathPolicy.IGNORE : samePathPolicy,
            checkDirectoryConflicts == null || checkDirectoryConflicts);
    return new DefaultFilesystem(adapter, settings, true);
  }

  private static void check(boolean unset, String name, @Nullable Object current) {
    if (!unset) {
      throw new IllegalStateException(name + " was already set to " + current);
    }
  }
}
