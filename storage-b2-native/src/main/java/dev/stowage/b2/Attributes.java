package dev.stowage.b2;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2FileHeaders;
import dev.stowage.b2.client.B2FileVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps between B2 file info and Stowage attributes: the {@code b2-*} content headers, user
 * metadata (plain info entries), {@code src_last_modified_millis} and {@code large_file_sha1}.
 */
final class Attributes {
  static final String CACHE_CONTROL = "b2-cache-control";
  static final String CONTENT_DISPOSITION = "b2-content-disposition";
  static final String CONTENT_ENCODING = "b2-content-encoding";
  static final String LAST_MODIFIED = "src_last_modified_millis";
  static final String LARGE_FILE_SHA1 = "large_file_sha1";

  /** Info names that are not user metadata. */
  private static final Set<String> RESERVED = Set.of(LAST_MODIFIED, LARGE_FILE_SHA1);

  private Attributes() {}

  /** Returns whether a user metadata key would clash with B2's own info names. */
  static boolean isReserved(String key) {
    return key.startsWith("b2-") || RESERVED.contains(key);
  }

  static FileAttributes of(String path, B2FileVersion v, Visibility visibility) {
    return build(
        path,
        v.contentLength(),
        v.uploadTimestamp(),
        v.contentType(),
        v.sha1OrNull(),
        v.fileId(),
        v.fileInfo(),
        visibility);
  }

  static FileAttributes of(String path, B2FileHeaders h, Visibility visibility) {
    return build(
        path,
        h.size(),
        h.uploadTimestamp(),
        h.contentType(),
        h.sha1OrNull(),
        h.fileId(),
        h.fileInfo(),
        visibility);
  }

  private static FileAttributes build(
      String path,
      long size,
      long uploaded,
      String contentType,
      @Nullable String sha1,
      String fileId,
      Map<String, String> info,
      Visibility visibility) {
    Map<String, String> user = new LinkedHashMap<>();
    info.forEach(
        (k, v) -> {
          if (!isReserved(k)) {
            user.put(k, v);
          }
        });
    Instant lastModified = lastModified(info.get(LAST_MODIFIED), uploaded);
    Map<ChecksumAlgorithm, String> sums =
        sha1 == null ? Map.of() : Map.of(ChecksumAlgorithm.SHA1, sha1);
    return FileAttributes.builder(path, size)
        .lastModified(lastModified)
        .contentType(contentType)
        .visibility(visibility)
        .checksums(sums)
        .version(fileId)
        .userMetadata(user)
        .cacheControl(info.get(CACHE_CONTROL))
        .contentDisposition(info.get(CONTENT_DISPOSITION))
        .contentEncoding(info.get(CONTENT_ENCODING))
        .build();
  }

  /** The client's own modification time when it gave one (rclone and b2sdk do), else the upload time. */
  private static @Nullable Instant lastModified(@Nullable String millis, long uploaded) {
    if (millis != null) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(millis.trim()));
      } catch (NumberFormatException e) {
        // ignore a malformed value and fall back to the upload time
      }
    }
    return uploaded > 0 ? Instant.ofEpochMilli(uploaded) : null;
  }

  /** Returns the file info a write with {@code options} stores (without the SHA-1 and time entries). */
  static Map<String, String> info(WriteOptions options) {
    Map<String, String> info = new LinkedHashMap<>(options.userMetadata());
    putIfSet(info, CACHE_CONTROL, options.cacheControl());
    putIfSet(info, CONTENT_DISPOSITION, options.contentDisposition());
    putIfSet(info, CONTENT_ENCODING, options.contentEncoding());
    return info;
  }

  /**
   * Returns the info of a copy that replaces metadata: the source's info, with every option that
   * is set replacing its counterpart (user metadata replaces all user entries).
   */
  static Map<String, String> merge(Map<String, String> source, WriteOptions options) {
    Map<String, String> info = new LinkedHashMap<>();
    source.forEach(
        (k, v) -> {
          if (isReserved(k) || options.userMetadata().isEmpty()) {
            info.put(k, v);
          }
        });
    info.putAll(options.userMetadata());
    putIfSet(info, CACHE_CONTROL, options.cacheControl());
    putIfSet(info, CONTENT_DISPOSITION, options.contentDisposition());
    putIfSet(info, CONTENT_ENCODING, options.contentEncoding());
    return info;
  }

  private static void putIfSet(Map<String, String> info, String key, @Nullable String value) {
    if (value != null) {
      info.put(key, value);
    }
  }
}
