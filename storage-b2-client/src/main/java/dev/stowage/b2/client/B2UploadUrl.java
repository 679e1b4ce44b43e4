package dev.stowage.b2.client;

/**
 * Where to upload one file or the parts of one large file, and the token that allows it; from
 * {@code b2_get_upload_url} (bucketId set) or {@code b2_get_upload_part_url} (fileId set).
 *
 * <p>An upload URL serves one upload at a time. After any failed upload through it, take a new
 * one. It lives at most 24 hours. {@link #toString()} hides the token.
 *
 * @param bucketId the bucket (small-file URLs), or null
 * @param fileId the large file (part URLs), or null
 * @param uploadUrl where to POST
 * @param authorizationToken the upload token
 */
public record B2UploadUrl(
    String bucketId, String fileId, String uploadUrl, String authorizationToken) {

  @Override
  public String toString() {
    return "B2UploadUrl[bucketId=" + bucketId + ", fileId=" + fileId + ", authorizationToken=***]";
  }
}
