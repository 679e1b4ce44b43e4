package dev.stowage.b2.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stored version: an uploaded file, a hide marker or an unfinished large file ({@code action} is
 * {@code upload}, {@code hide} or {@code start}).
 *
 * @param seq      a sequence number that orders versions of one name (newest = highest) when timestamps tie
 * @param segments the content, in order (empty for hide markers and unfinished large files)
 * @param lock     Object Lock retention and legal hold ({@link FileLock#NONE} when unset)
 * @param replicationStatus null, or {@code pending} for uploads into a replication source bucket
 */
record FileVersion(
    String fileId,
    String bucketId,
    String fileName,
    String action,
    long contentLength,
    String contentSha1,
    @Nullable String contentMd5,
    String contentType,
    Map<String, String> fileInfo,
    long uploadTimestamp,
    long seq,
    @Nullable String sseMode,
    List<Segment> segments,
    FileLock lock,
    @Nullable String replicationStatus) {

  static final String UPLOAD = "upload";
  static final String HIDE = "hide";
  static final String START = "start";

  FileVersion {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(bucketId, "bucketId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(action, "action");
    fileInfo = Map.copyOf(fileInfo);
    segments = List.copyOf(segments);
    lock = lock == null ? FileLock.NONE : lock;
  }

  /** A version without Object Lock settings or replication status. */
  FileVersion(
      String fileId,
      String bucketId,
      String fileName,
      String action,
      long contentLength,
      String contentSha1,
      @Nullable String contentMd5,
      String contentType,
      Map<String, String> fileInfo,
      long uploadTimestamp,
      long seq,
      @Nullable String sseMode,
      List<Segment> segments) {
    this(
        fileId,
        bucketId,
        fileName,
        action,
        contentLength,
        contentSha1,
        contentMd5,
        contentType,
        fileInfo,
        uploadTimestamp,
        seq,
        sseMode,
        segments,
        FileLock.NONE,
        null);
  }

  /** Returns a hide marker, shaped as real B2 sends them (the SHA-1 and MD5 of empty data). */
  static FileVersion hideMarker(
      String fileId, String bucketId, String fileName, long now, long seq) {
    return new FileVersion(
        fileId,
        bucketId,
        fileName,
        HIDE,
        0,
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "d41d8cd98f00b204e9800998ecf8427e",
        "application/x-bz-hide-marker",
        Map.of(),
        now,
        seq,
        null,
        List.of());
  }

  boolean isUpload() {
    return action.equals(UPLOAD);
  }

  boolean isHide() {
    return action.equals(HIDE);
  }

  boolean isStart() {
    return action.equals(START);
  }

  FileVersion finished(long length, List<Segment> parts) {
    return new FileVersion(
        fileId,
        bucketId,
        fileName,
        UPLOAD,
        length,
        "none",
        null,
        contentType,
        fileInfo,
        uploadTimestamp,
        seq,
        sseMode,
        parts,
        lock,
        replicationStatus);
  }

  /** This version with other Object Lock settings. */
  FileVersion withLock(FileLock newLock) {
    return new FileVersion(
        fileId,
        bucketId,
        fileName,
        action,
        contentLength,
        contentSha1,
        contentMd5,
        contentType,
        fileInfo,
        uploadTimestamp,
        seq,
        sseMode,
        segments,
        newLock,
        replicationStatus);
  }

  /** This version with Object Lock settings and a replication status, as an upload decides them. */
  FileVersion withLockAndReplication(FileLock newLock, @Nullable String newReplicationStatus) {
    return new FileVersion(
        fileId,
        bucketId,
        fileName,
        action,
        contentLength,
        contentSha1,
        contentMd5,
        contentType,
        fileInfo,
        uploadTimestamp,
        seq,
        sseMode,
        segments,
        newLock,
        newReplicationStatus);
  }
}
