package dev.stowage.b2.client;

import java.util.List;

/**
 * One page of {@code b2_list_file_names}.
 *
 * @param files the entries, in UTF-8 byte order of their names
 * @param nextFileName the start of the next page, or null at the end
 */
public record B2FileNamesPage(List<B2FileVersion> files, String nextFileName) {
  public B2FileNamesPage {
    files = Values.list(files);
  }
}
