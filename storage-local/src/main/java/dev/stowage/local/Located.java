package dev.stowage.local;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of walking a path from the root without following links: the first component that
 * is not a directory (or the last component), what it is, and whether it is an ancestor.
 *
 * @param file the absolute location of the whole path
 * @param type the type of the component where the walk stopped
 * @param atAncestor whether the walk stopped above the last component (e.g. a parent is a file)
 * @param attributes the last component's attributes when it exists, else null
 */
record Located(
    Path file, EntryType type, boolean atAncestor, @Nullable BasicFileAttributes attributes) {

  /** Returns whether the path names an existing regular file. */
  boolean isFile() {
    return type == EntryType.FILE && !atAncestor;
  }

  /** Returns the attributes of the file that {@link #isFile} found; a found file has them. */
  BasicFileAttributes fileAttributes() {
    return Objects.requireNonNull(attributes, "attributes");
  }

  /** Returns whether the path names an existing directory. */
  boolean isDirectory() {
    return type == EntryType.DIRECTORY;
  }

  /** Returns whether a regular file sits where a parent directory should be. */
  boolean parentIsFile() {
    return type == EntryType.FILE && atAncestor;
  }

  /** Returns whether nothing can be read at the path (missing, or behind a link or special file). */
  boolean isAbsent() {
    return type == EntryType.MISSING
        || type == EntryType.SYMLINK
        || type == EntryType.OTHER
        || parentIsFile();
  }

  /** Returns whether a link or special file blocks the path. */
  boolean isBlocked() {
    return type == EntryType.SYMLINK || type == EntryType.OTHER;
  }
}
