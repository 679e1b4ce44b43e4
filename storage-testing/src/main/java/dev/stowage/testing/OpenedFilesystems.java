package dev.stowage.testing;

import dev.stowage.Filesystem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filesystems an extension opened for a test, closed together when its server stops. Not
 * thread-safe: the extensions call it under their own lock.
 */
final class OpenedFilesystems {

  private final List<Filesystem> opened = new ArrayList<>();

  /** Remembers {@code fs} for {@link #closeAll} and returns it. */
  Filesystem add(Filesystem fs) {
    opened.add(fs);
    return fs;
  }

  /**
   * Closes every remembered filesystem, even when one fails, and forgets them; returns the first
   * failure (wrapped, naming what failed), or null when all closed.
   */
  @Nullable RuntimeException closeAll() {
    RuntimeException failure = null;
    for (Filesystem fs : opened) {
      try {
        fs.close();
      } catch (Exception e) {
        failure =
            failure == null ? new IllegalStateException("a filesystem did not close", e) : failure;
      }
    }
    opened.clear();
    return failure;
  }
}
