package dev.stowage.b2.client;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One file version (or a hide marker, an unfinished large file, or a folder in a delimited
 * listing), as the file calls return it.
 *
 * @param accountId the account, or null (v1 listings)
 * @param action {@code upload}, {@code start}, {@code hide}, {@code folder} or {@code copy}
 * @param bucketId the bucket, or null
 * @param contentLength the size in bytes
 * @param contentMd5 the MD5, or null (large files)
 * @param contentSha1 40 hex digits, {@code none} (large files), {@code unverified:<hex>}, or null
 * @param contentType the stored MIME type, or null
 * @param fileId the version id, or null (folders)
 * @param fileInfo the file info, keys lowercase; holds {@code b2-*} content headers too
 * @param fileName the full file name
 * @param uploadTimestamp milliseconds since the epoch (0 for folders)
 */
public record B2FileVersion(
    String accountId,
    String action,
    String bucketId,
    long contentLength,
    String contentMd5,
    String contentSha1,
    String contentType,
    String fileId,
    Map<String, String> fileInfo,
    String fileName,
    long uploadTimestamp) {

  public B2FileVersion {
    fileInfo = Values.map(fileInfo);
  }

  /** Shows everything but the account id, which is also the master key's id. */
  @Override
  public String toString() {
    return "B2FileVersion[accountId=***, action="
        + action
        + ", bucketId="
        + bucketId
        + ", contentLength="
        + contentLength
        + ", contentMd5="
        + contentMd5
        + ", contentSha1="
        + contentSha1
        + ", contentType="
        + contentType
        + ", fileId="
        + fileId
        + ", fileInfo="
        + fileInfo
        + ", fileName="
        + fileName
        + ", uploadTimestamp="
        + uploadTimestamp
        + "]";
  }

  /** Returns whether this is a folder entry of a delimited listing. */
  public boolean isFolder() {
    return "folder".equals(action);
  }

  /** Returns whether this version is a stored file ({@code upload} or the {@code copy} response). */
  public boolean isFile() {
    return "upload".equals(action) || "copy".equals(action);
  }

  /**
   * Returns the whole file's SHA-1 as 40 lowercase hex digits when B2 knows it: the verified
   * {@code contentSha1}, an {@code unverified:} one, or the {@code large_file_sha1} info of a large
   * file; null otherwise.
   */
  public @Nullable String sha1OrNull() {
    return Sha1s.wholeFile(contentSha1, fileInfo.get("large_file_sha1"));
  }
}
