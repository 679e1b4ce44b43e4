package dev.stowage.b2.client;

import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code b2_start_large_file}.
 *
 * @param bucketId the bucket
 * @param fileName the file name
 * @param contentType the MIME type, or {@code b2/x-auto}
 * @param fileInfo file info (at most 10), e.g. {@code large_file_sha1}
 */
public record B2StartLargeFileRequest(
    String bucketId, String fileName, String contentType, Map<String, String> fileInfo) {

  public B2StartLargeFileRequest {
    Objects.requireNonNull(bucketId, "bucketId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    fileInfo = Values.map(fileInfo);
  }
}
