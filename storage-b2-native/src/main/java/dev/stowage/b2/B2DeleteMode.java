package dev.stowage.b2;

/** What deleting a file does in B2, where every upload is a new version of its name. */
public enum B2DeleteMode {
  /**
   * Deletes every version of the name ({@code b2_delete_file_version} for each): the bytes are
   * gone and no longer billed. The default, and what the other adapters do.
   */
  ALL_VERSIONS,
  /**
   * Hides the name ({@code b2_hide_file}): listings and reads no longer see it, but earlier
   * versions stay (and are billed) until the bucket's lifecycle rules remove them.
   */
  HIDE
}
