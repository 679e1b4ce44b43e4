package dev.stowage.b2.client;

/**
 * What {@code b2_delete_file_version} or {@code b2_cancel_large_file} removed.
 *
 * @param fileId the version id
 * @param fileName the file name
 * @param bucketId the bucket (cancel only), or null
 * @param accountId the account (cancel only), or null
 */
public record B2DeletedFile(String fileId, String fileName, String bucketId, String accountId) {

  /** Shows everything but the account id, which is also the master key's id. */
  @Override
  public String toString() {
    return "B2DeletedFile[fileId="
        + fileId
        + ", fileName="
        + fileName
        + ", bucketId="
        + bucketId
        + ", accountId=***]";
  }
}
