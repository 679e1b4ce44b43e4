package dev.stowage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about a file. Every component but {@code path} and {@code size} may be null (or
 * empty, for the maps) when the backend does not report it; {@link Capabilities} says which are
 * reported.
 *
 * @param path the normalised path
 * @param size the size in bytes
 * @param lastModified the last-modified (upload) time
 * @param contentType the MIME type the backend stores
 * @param visibility the visibility (per file, or the bucket's)
 * @param etag the backend's entity tag, without quotes
 * @param checksums checksums the backend stores, by algorithm, as lowercase hex
 * @param version the backend's version or file id
 * @param userMetadata user metadata, keys lowercase
 * @param cacheControl the stored {@code Cache-Control}
 * @param contentDisposition the stored {@code Content-Disposition}
 * @param contentEncoding the stored {@code Content-Encoding}
 */
public record FileAttributes(String path, long size, Instant lastModified, String contentType,
    Visibility visibility, String etag, Map<ChecksumAlgorithm, String> checksums, String version,
    Map<String, String> userMetadata, String cacheControl, String contentDisposition,
    String contentEncoding) implements StorageAttributes {

  public FileAttributes {
    Objects.requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
    userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
  }

  /** Returns attributes with only a path and a size. */
  public static FileAttributes of(String path, long size) {
    return new FileAttributes(path, size, null, null, null, null, null, null, null, null, null, null);
  }

  /** Returns these attributes with another path (used by prefixing and mount decorators). */
  public FileAttributes withPath(String newPath) {
    return new FileAttributes(newPath, size, lastModified, contentType, visibility, etag, checksums,
        version, userMetadata, cacheControl, contentDisposition, contentEncoding);
  }

  /** Returns these attributes with another visibility. */
  public FileAttributes withVisibility(Visibility newVisibility) {
    return new FileAttributes(path, size, lastModified, contentType, newVisibility, etag, checksums,
        version, userMetadata, cacheControl, contentDisposition, contentEncoding);
  }

  /** Returns these attributes with another content type. */
  public FileAttributes withContentType(String newContentType) {
    return new FileAttributes(path, size, lastModified, newContentType, visibility, etag, checksums,
        version, userMetadata, cacheControl, contentDisposition, contentEncoding);
  }
}
