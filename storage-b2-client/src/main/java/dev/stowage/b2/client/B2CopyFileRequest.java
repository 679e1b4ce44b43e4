package dev.stowage.b2.client;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code b2_copy_file}.
 *
 * @param sourceFileId the version to copy
 * @param fileName the new file's name
 * @param destinationBucketId the destination bucket, or null for the source's
 * @param range {@code bytes=a-b} to copy part of the source, or null
 * @param metadataDirective {@code COPY} (keep type and info) or {@code REPLACE}
 * @param contentType the new type; required with REPLACE, must be null with COPY
 * @param fileInfo the new info with REPLACE (null with COPY)
 */
public record B2CopyFileRequest(
    String sourceFileId,
    String fileName,
    @Nullable String destinationBucketId,
    @Nullable String range,
    String metadataDirective,
    @Nullable String contentType,
    @Nullable Map<String, String> fileInfo) {

  public B2CopyFileRequest {
    Objects.requireNonNull(sourceFileId, "sourceFileId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(metadataDirective, "metadataDirective");
    if (!metadataDirective.equals("COPY") && !metadataDirective.equals("REPLACE")) {
      throw new IllegalArgumentException(
          "metadataDirective must be COPY or REPLACE: " + metadataDirective);
    }
    if (metadataDirective.equals("REPLACE") && contentType == null) {
      throw new IllegalArgumentException("REPLACE needs a contentType");
    }
    if (metadataDirective.equals("COPY") && (contentType != null || fileInfo != null)) {
      throw new IllegalArgumentException("COPY takes neither contentType nor fileInfo");
    }
    fileInfo = fileInfo == null ? null : Values.map(fileInfo);
  }

  /** Returns a request that copies the whole source with its metadata. */
  public static B2CopyFileRequest copy(String sourceFileId, String fileName) {
    return new B2CopyFileRequest(sourceFileId, fileName, null, null, "COPY", null, null);
  }

  /** Returns a request that copies the whole source with new metadata. */
  public static B2CopyFileRequest replace(
      String sourceFileId, String fileName, String contentType, Map<String, String> fileInfo) {
    return new B2CopyFileRequest(
        sourceFileId,
        fileName,
        null,
        null,
        "REPLACE",
        contentType,
        fileInfo == null ? Map.of() : fileInfo);
  }
}
