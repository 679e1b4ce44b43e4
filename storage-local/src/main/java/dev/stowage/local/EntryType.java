package dev.stowage.local;

import java.nio.file.attribute.BasicFileAttributes;

/** What a name in the root is, seen without following links. */
enum EntryType {
  MISSING,
  FILE,
  DIRECTORY,
  SYMLINK,
  /** A device, pipe or socket: never read, listed or replaced. */
  OTHER;

  static EntryType of(BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return SYMLINK;
    }
    if (attributes.isDirectory()) {
      return DIRECTORY;
    }
    return attributes.isRegularFile() ? FILE : OTHER;
  }
}
