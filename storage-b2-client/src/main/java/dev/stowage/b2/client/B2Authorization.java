package dev.stowage.b2.client;

import java.util.List;

/**
 * The result of {@code b2_authorize_account}: an account token and where to use it.
 *
 * <p>{@link #toString()} hides the token and the account id (which is also the master key's id).
 *
 * @param accountId the account id
 * @param authorizationToken the account token (valid at most 24 hours)
 * @param apiUrl the base URL of API calls
 * @param downloadUrl the base URL of downloads
 * @param recommendedPartSize the part size B2 recommends for large files
 * @param absoluteMinimumPartSize the smallest part (other than the last) B2 accepts
 * @param s3ApiUrl the S3-compatible endpoint, or null
 * @param allowed the key's capabilities and restrictions
 */
public record B2Authorization(
    String accountId,
    String authorizationToken,
    String apiUrl,
    String downloadUrl,
    long recommendedPartSize,
    long absoluteMinimumPartSize,
    String s3ApiUrl,
    B2Allowed allowed) {

  public B2Authorization {
    apiUrl = stripSlash(apiUrl);
    downloadUrl = stripSlash(downloadUrl);
    if (allowed == null) {
      allowed = new B2Allowed(List.of(), null, null, null);
    }
  }

  private static String stripSlash(String url) {
    return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "B2Authorization[accountId=***, apiUrl="
        + apiUrl
        + ", downloadUrl="
        + downloadUrl
        + ", recommendedPartSize="
        + recommendedPartSize
        + ", absoluteMinimumPartSize="
        + absoluteMinimumPartSize
        + ", allowed="
        + allowed
        + ", authorizationToken=***]";
  }
}
