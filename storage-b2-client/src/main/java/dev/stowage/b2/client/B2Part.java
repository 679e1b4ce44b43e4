package dev.stowage.b2.client;

/**
 * One uploaded (or copied) part of a large file.
 *
 * @param fileId the large file
 * @param partNumber 1..10000
 * @param contentLength the part's size
 * @param contentSha1 the part's SHA-1 (hex)
 * @param contentMd5 the part's MD5, or null
 * @param uploadTimestamp milliseconds since the epoch
 */
public record B2Part(
    String fileId,
    int partNumber,
    long contentLength,
    String contentSha1,
    String contentMd5,
    long uploadTimestamp) {}
