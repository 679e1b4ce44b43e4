package dev.stowage.b2.emulator;

import java.util.Objects;

/** One uploaded part of an unfinished large file. */
record Part(
    String fileId,
    int partNumber,
    long contentLength,
    String contentSha1,
    String contentMd5,
    long uploadTimestamp,
    String blob) {
  Part {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(blob, "blob");
  }
}
