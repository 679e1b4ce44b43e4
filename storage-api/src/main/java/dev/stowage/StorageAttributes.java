package dev.stowage;

import java.time.Instant;

/** An entry of a listing: a {@link FileAttributes file} or a {@link DirectoryAttributes directory}. */
public sealed interface StorageAttributes permits FileAttributes, DirectoryAttributes {

  /** Returns the normalised path of the entry, relative to the filesystem root, without a trailing slash. */
  String path();

  /** Returns the last-modified time, or null when the backend does not report one. */
  Instant lastModified();

  /** Returns the visibility, or null when unknown or not modelled. */
  Visibility visibility();

  /** Returns whether this entry is a file. */
  default boolean isFile() {
    return this instanceof FileAttributes;
  }

  /** Returns whether this entry is a directory. */
  default boolean isDirectory() {
    return this instanceof DirectoryAttributes;
  }
}
