package dev.stowage;

/**
 * What {@link Filesystem#copy} and {@link Filesystem#move} do when the source and the destination
 * normalise to the same path. Set with {@link FilesystemBuilder#samePathPolicy}.
 */
public enum SamePathPolicy {
  /** Do nothing and return the file's attributes (a missing file still fails with NOT_FOUND). */
  IGNORE,
  /** Fail with {@link StorageException.Kind#PRECONDITION_FAILED} before any I/O. */
  FAIL,
  /** Pass the call to the adapter and let the backend decide. */
  TRY
}
