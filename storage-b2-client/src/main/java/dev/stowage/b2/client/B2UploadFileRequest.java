package dev.stowage.b2.client;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The headers of one {@code b2_upload_file}; the bytes are passed separately.
 *
 * @param fileName the file name (not encoded; the client percent-encodes it)
 * @param contentType the MIME type, or {@code b2/x-auto}
 * @param contentLength the number of file bytes the body stream yields
 * @param contentSha1 the file's SHA-1 as 40 hex digits; null to send {@code hex_digits_at_end}
 *     (the client computes it while streaming); or {@code do_not_verify}
 * @param fileInfo file info (at most 10; {@code b2-*} content headers included), not encoded
 */
public record B2UploadFileRequest(
    String fileName,
    String contentType,
    long contentLength,
    @Nullable String contentSha1,
    Map<String, String> fileInfo) {

  public B2UploadFileRequest {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    if (contentLength < 0) {
      throw new IllegalArgumentException("contentLength must not be negative: " + contentLength);
    }
    fileInfo = Values.map(fileInfo);
  }
}
