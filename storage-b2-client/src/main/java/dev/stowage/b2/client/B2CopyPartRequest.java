package dev.stowage.b2.client;

import java.util.Objects;

/**
 * The fields of {@code b2_copy_part}.
 *
 * @param sourceFileId the version to copy from
 * @param largeFileId the unfinished large file to copy into
 * @param partNumber 1..10000
 * @param range {@code bytes=a-b} (inclusive) of the source, or null for all of it
 */
public record B2CopyPartRequest(
    String sourceFileId, String largeFileId, int partNumber, String range) {
  public B2CopyPartRequest {
    Objects.requireNonNull(sourceFileId, "sourceFileId");
    Objects.requireNonNull(largeFileId, "largeFileId");
    if (partNumber < 1 || partNumber > 10_000) {
      throw new IllegalArgumentException("partNumber must be 1..10000: " + partNumber);
    }
  }
}
