package dev.stowage.b2.client;

/**
 * A token from {@code b2_get_download_authorization} that allows by-name downloads of files
 * whose names start with {@code fileNamePrefix}; {@link #toString()} hides it.
 *
 * @param bucketId the bucket
 * @param fileNamePrefix the prefix the token is limited to
 * @param authorizationToken the token (send as {@code Authorization} header or query parameter)
 */
public record B2DownloadAuthorization(
    String bucketId, String fileNamePrefix, String authorizationToken) {

  @Override
  public String toString() {
    return "B2DownloadAuthorization[bucketId="
        + bucketId
        + ", fileNamePrefix="
        + fileNamePrefix
        + ", authorizationToken=***]";
  }
}
