package dev.stowage.b2.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code b2_get_download_authorization}.
 *
 * @param bucketId the bucket
 * @param fileNamePrefix the token works for names starting with this
 * @param validDurationInSeconds 1..604800 (one week)
 * @param b2ContentDisposition a {@code Content-Disposition} the download must ask for, or null
 */
public record B2DownloadAuthorizationRequest(
    String bucketId,
    String fileNamePrefix,
    long validDurationInSeconds,
    @Nullable String b2ContentDisposition) {

  /** The longest lifetime B2 allows: one week. */
  public static final long MAX_DURATION_SECONDS = 604_800;

  public B2DownloadAuthorizationRequest {
    Objects.requireNonNull(bucketId, "bucketId");
    Objects.requireNonNull(fileNamePrefix, "fileNamePrefix");
    if (validDurationInSeconds < 1 || validDurationInSeconds > MAX_DURATION_SECONDS) {
      throw new IllegalArgumentException(
          "validDurationInSeconds must be 1.."
              + MAX_DURATION_SECONDS
              + ": "
              + validDurationInSeconds);
    }
  }
}
