package dev.stowage.local;

import dev.stowage.StorageException.Kind;
import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Deletes a directory tree through {@link OpenDirectory} handles: every subdirectory is opened
 * relative to its parent without following links, and links inside the tree are unlinked,
 * never followed, so nothing outside the tree can be touched even if the tree changes while it is
 * being deleted. Entries that vanish on the way are fine.
 */
final class TreeDeleter {

  /** How often a directory is emptied again when a concurrent writer keeps adding to it. */
  private static final int ATTEMPTS = 3;

  TreeDeleter() {}

  /** Deletes {@code name} (a directory inside {@code parent}) and everything below it. */
  void delete(OpenDirectory parent, Path name) {
    try {
      for (int attempt = 1; ; attempt++) {
        try (OpenDirectory directory = parent.open(name)) {
          if (directory == null) {
            return;
          }
          empty(directory);
        }
        try {
          parent.deleteDirectory(name);
          return;
        } catch (DirectoryNotEmptyException e) {
          if (attempt == ATTEMPTS) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw LocalErrors.io(e);
    } catch (DirectoryIteratorException e) {
      throw LocalErrors.io(e);
    }
  }

  private void empty(OpenDirectory directory) throws IOException {
    Iterator<Path> entries = directory.iterator();
    while (entries.hasNext()) {
      Path name = entries.next().getFileName();
      BasicFileAttributes a = directory.attributes(name);
      if (a == null) {
        continue;
      }
      if (a.isDirectory() && !a.isSymbolicLink()) {
        delete(directory, name);
      } else {
        directory.deleteFile(name);
      }
    }
  }

  /**
   * Returns the path (relative to the root, below {@code relative}) of the first link in the
   * tree, or null when there is none; used by {@link SymlinkPolicy#REFUSE} before deleting.
   */
  @Nullable String findLink(OpenDirectory directory, String relative) {
    try {
      Iterator<Path> entries = directory.iterator();
      while (entries.hasNext()) {
        Path name = entries.next().getFileName();
        BasicFileAttributes a = directory.attributes(name);
        if (a == null) {
          continue;
        }
        String child = LocalPaths.child(relative, name.toString());
        if (a.isSymbolicLink()) {
          return child;
        }
        if (a.isDirectory()) {
          try (OpenDirectory sub = directory.open(name)) {
            String found = sub == null ? null : findLink(sub, child);
            if (found != null) {
              return found;
            }
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw LocalErrors.io(e);
    } catch (DirectoryIteratorException e) {
      throw LocalErrors.io(e);
    }
  }

  /** Returns the failure for a link found by {@link #findLink}. */
  BackendException refused(String link) {
    return LocalErrors.failure(
        Kind.PERMISSION_DENIED,
        "the tree contains a symbolic link at '" + link + "' and links are refused");
  }
}
