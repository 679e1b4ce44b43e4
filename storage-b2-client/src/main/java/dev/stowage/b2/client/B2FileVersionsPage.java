package dev.stowage.b2.client;

import java.util.List;

/**
 * One page of {@code b2_list_file_versions} or {@code b2_list_unfinished_large_files}.
 *
 * @param files the versions
 * @param nextFileName the name to start the next page at, or null (always null for unfinished files)
 * @param nextFileId the id to start the next page at, or null at the end
 */
public record B2FileVersionsPage(
    List<B2FileVersion> files, String nextFileName, String nextFileId) {
  public B2FileVersionsPage {
    files = Values.list(files);
  }

  /** Returns whether another page follows. */
  public boolean hasNext() {
    return nextFileId != null || nextFileName != null;
  }
}
