package dev.stowage.b2.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code b2_list_file_names} and {@code b2_list_file_versions}.
 *
 * @param bucketId the bucket
 * @param prefix only names starting with this, or null
 * @param delimiter collapse names with this after the prefix into folders (usually {@code /}), or null
 * @param startFileName the first name to return (inclusive), or null
 * @param startFileId with {@code startFileName}, the first version (versions only), or null
 * @param maxFileCount the page size (1..10000), or 0 for B2's default of 100
 */
public record B2ListFilesRequest(
    String bucketId,
    @Nullable String prefix,
    @Nullable String delimiter,
    @Nullable String startFileName,
    @Nullable String startFileId,
    int maxFileCount) {

  public B2ListFilesRequest {
    Objects.requireNonNull(bucketId, "bucketId");
    if (maxFileCount < 0 || maxFileCount > 10_000) {
      throw new IllegalArgumentException("maxFileCount must be 0..10000: " + maxFileCount);
    }
  }

  /** Returns a request for the first page of the files under {@code prefix}. */
  public static B2ListFilesRequest of(
      String bucketId, @Nullable String prefix, @Nullable String delimiter, int maxFileCount) {
    return new B2ListFilesRequest(bucketId, prefix, delimiter, null, null, maxFileCount);
  }

  /** Returns this request starting at another name (and version id, or null). */
  public B2ListFilesRequest startingAt(String fileName, String fileId) {
    return new B2ListFilesRequest(bucketId, prefix, delimiter, fileName, fileId, maxFileCount);
  }
}
