package dev.stowage.local;

import dev.stowage.DirectoryAttributes;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A lazy listing of one directory, or of a whole tree when deep. At most two directories are
 * open at a time: subdirectories met on the way are remembered by path and opened without
 * following links when the current one is exhausted — from the directory just finished while its
 * own subdirectories are next (it stays open meanwhile), else from the root — so a deep listing
 * is depth-first-ish and holds at most two file handles whatever the tree's depth. Entries that vanish between being read and
 * being examined are skipped, as are temporary files, links (or, under
 * {@link SymlinkPolicy#REFUSE}, the iteration fails when it reaches one), special files and
 * names the API cannot address. Entries are not sorted.
 */
final class LocalListing implements Iterator<StorageAttributes>, AutoCloseable {

  private final LocalPaths paths;
  private final LocalPermissions permissions;
  private final boolean deep;
  private final Deque<String> pending = new ArrayDeque<>();
  private @Nullable OpenDirectory current;

  /**
   * The last directory read to its end while its subdirectories are next in line: kept open so
   * that each of them is opened from it with one no-follow openat rather than from the root.
   */
  private @Nullable OpenDirectory parent;

  /** {@link #parent}'s relative path followed by "/" ("" for the root). */
  private String parentPrefix = "";

  private @Nullable Iterator<Path> entries;

  /** The relative path of the current directory followed by "/" ("" at the root). */
  private String currentPrefix = "";

  private @Nullable StorageAttributes next;
  private boolean closed;

  LocalListing(LocalPaths paths, LocalPermissions permissions, String path, boolean deep) {
    this.paths = paths;
    this.permissions = permissions;
    this.deep = deep;
    pending.push(path);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !closed) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public StorageAttributes next() {
    hasNext();
    StorageAttributes result = next;
    if (result == null) {
      throw new NoSuchElementException();
    }
    next = null;
    return result;
  }

  private @Nullable StorageAttributes advance() {
    try {
      while (true) {
        Iterator<Path> listed = entries != null ? entries : openNext();
        if (listed == null) {
          close();
          return null;
        }
        Path entry;
        try {
          if (!listed.hasNext()) {
            finishCurrent();
            continue;
          }
          entry = listed.next();
        } catch (DirectoryIteratorException e) {
          close();
          throw LocalErrors.io(e);
        }
        // The current directory is open whenever its entries are.
        StorageAttributes attributes =
            examine(Objects.requireNonNull(current), entry.getFileName());
        if (attributes != null) {
          return attributes;
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens the next pending directory and returns its entries; null when none is left. */
  private @Nullable Iterator<Path> openNext() {
    while (!pending.isEmpty()) {
      String path = pending.pop();
      OpenDirectory opened = open(path);
      if (opened != null) {
        current = opened;
        currentPrefix = path.isEmpty() ? "" : path + "/";
        Iterator<Path> listed = opened.iterator();
        entries = listed;
        return listed;
      }
      // Deleted (or replaced) since it was seen: nothing to list there.
    }
    return null;
  }

  /**
   * Returns the entry for {@code name} in the current directory, or null to skip it. This runs
   * for every entry of a listing, so it does the least it can: one pass over the name, one
   * no-follow stat relative to the open directory, and no second path object for ASCII names.
   */
  private @Nullable StorageAttributes examine(OpenDirectory directory, Path name) {
    String text = name.toString();
    switch (LocalPaths.classify(text)) {
      case UNADDRESSABLE:
        return null;
      case OTHER:
        if (!name.equals(name.getFileSystem().getPath(text))) {
          // The bytes of the name are not valid in the platform's encoding.
          return null;
        }
        break;
      default:
        break;
    }
    BasicFileAttributes a;
    try {
      a = directory.attributes(name);
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
    if (a == null) {
      return null;
    }
    if (a.isRegularFile()) {
      return FileAttributes.builder(currentPrefix.concat(text), a.size())
          .lastModified(a.lastModifiedTime().toInstant())
          .visibility(permissions.visibilityOf(a, false))
          .build();
    }
    if (a.isDirectory()) {
      String path = currentPrefix.concat(text);
      if (deep) {
        pending.push(path);
      }
      return new DirectoryAttributes(
          path, a.lastModifiedTime().toInstant(), permissions.visibilityOf(a, true));
    }
    if (a.isSymbolicLink() && paths.policy() == SymlinkPolicy.REFUSE) {
      // The failure names the listed directory; the detail names the entry that is a link.
      throw LocalErrors.failure(
          StorageException.Kind.PERMISSION_DENIED,
          "a symbolic link is at '"
              + currentPrefix.concat(text)
              + "' and links are never followed");
    }
    // A link under SKIP, or a device, pipe or socket.
    return null;
  }

  /**
   * Opens the pending directory {@code path} without following links: from {@link #parent} when
   * it is a child of it, else by the walk from the root (and the parent is let go). Returns null
   * when it is gone or is no longer a directory.
   */
  private @Nullable OpenDirectory open(String path) {
    OpenDirectory from = parent;
    if (from != null && isChild(path, parentPrefix)) {
      try {
        return from.open(
            from.path().getFileSystem().getPath(path.substring(parentPrefix.length())));
      } catch (IOException e) {
        throw LocalErrors.io(e);
      }
    }
    closeParent();
    return paths.openDirectory(path);
  }

  /**
   * Done with the current directory: it becomes the parent when its subdirectories are next
   * (a deep listing pushes them last), else it is closed. At most two directories are open.
   */
  private void finishCurrent() {
    OpenDirectory done = current;
    current = null;
    entries = null;
    String following = pending.peek();
    if (following != null && isChild(following, currentPrefix)) {
      closeParent();
      parent = done;
      parentPrefix = currentPrefix;
    } else {
      LocalPaths.closeQuietly(done);
    }
  }

  private static boolean isChild(String path, String prefix) {
    return path.length() > prefix.length()
        && path.startsWith(prefix)
        && path.indexOf('/', prefix.length()) < 0;
  }

  private void closeParent() {
    LocalPaths.closeQuietly(parent);
    parent = null;
    parentPrefix = "";
  }

  private void closeCurrent() {
    LocalPaths.closeQuietly(current);
    current = null;
    entries = null;
  }

  @Override
  public void close() {
    closed = true;
    next = null;
    pending.clear();
    closeCurrent();
    closeParent();
  }
}
