package dev.stowage.b2.client;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a download or a {@code HEAD} says about the file, from the response headers.
 *
 * @param fileId the version id
 * @param fileName the file name (decoded)
 * @param contentType the stored MIME type
 * @param size the whole file's size (from {@code Content-Range} for partial responses)
 * @param contentSha1 {@code X-Bz-Content-Sha1} as sent (hex, {@code none} or {@code unverified:<hex>})
 * @param uploadTimestamp milliseconds since the epoch, or 0 when absent
 * @param fileInfo the decoded {@code X-Bz-Info-*} headers, keys lowercase, plus the {@code b2-*}
 *     entries rebuilt from {@code Cache-Control}, {@code Content-Disposition}, {@code Content-Encoding},
 *     {@code Content-Language} and {@code Expires}
 */
public record B2FileHeaders(
    String fileId,
    @Nullable String fileName,
    String contentType,
    long size,
    String contentSha1,
    long uploadTimestamp,
    Map<String, String> fileInfo) {

  public B2FileHeaders {
    fileInfo = Values.map(fileInfo);
  }

  /** Returns the whole file's SHA-1 when known (see {@link B2FileVersion#sha1OrNull()}), else null. */
  public @Nullable String sha1OrNull() {
    return Sha1s.wholeFile(contentSha1, fileInfo.get("large_file_sha1"));
  }
}
