package dev.stowage;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A directory entry.
 *
 * @param path the normalised path, without a trailing slash
 * @param lastModified when known, else null
 * @param visibility when known, else null
 */
public record DirectoryAttributes(
    String path, @Nullable Instant lastModified, @Nullable Visibility visibility)
    implements StorageAttributes {
  public DirectoryAttributes {
    Objects.requireNonNull(path, "path");
  }

  /** Returns a directory entry with only a path. */
  public static DirectoryAttributes of(String path) {
    return new DirectoryAttributes(path, null, null);
  }

  /** Returns this entry with another path (used by prefixing and mount decorators). */
  public DirectoryAttributes withPath(String newPath) {
    return new DirectoryAttributes(newPath, lastModified, visibility);
  }
}
