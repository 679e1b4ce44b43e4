package dev.stowage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
public record FileAttributes(
    String path,
    long size,
    @Nullable Instant lastModified,
    @Nullable String contentType,
    @Nullable Visibility visibility,
    @Nullable String etag,
    Map<ChecksumAlgorithm, String> checksums,
    @Nullable String version,
    Map<String, String> userMetadata,
    @Nullable String cacheControl,
    @Nullable String contentDisposition,
    @Nullable String contentEncoding)
    implements StorageAttributes {

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
    return builder(path, size).build();
  }

  /**
   * Returns a builder for the attributes of the file at {@code path} of {@code size} bytes; every
   * other component starts unknown (null, or empty for the maps).
   */
  public static Builder builder(String path, long size) {
    return new Builder(path, size);
  }

  /** Returns a builder that starts from these attributes. */
  public Builder toBuilder() {
    return new Builder(path, size)
        .lastModified(lastModified)
        .contentType(contentType)
        .visibility(visibility)
        .etag(etag)
        .checksums(checksums)
        .version(version)
        .userMetadata(userMetadata)
        .cacheControl(cacheControl)
        .contentDisposition(contentDisposition)
        .contentEncoding(contentEncoding);
  }

  /** Returns these attributes with another path (used by prefixing and mount decorators). */
  public FileAttributes withPath(String newPath) {
    return toBuilder().path(newPath).build();
  }

  /** Returns these attributes with another visibility. */
  public FileAttributes withVisibility(Visibility newVisibility) {
    return toBuilder().visibility(newVisibility).build();
  }

  /** Returns these attributes with another content type. */
  public FileAttributes withContentType(String newContentType) {
    return toBuilder().contentType(newContentType).build();
  }

  /**
   * Builds {@link FileAttributes} by name instead of by position. Not thread-safe; {@link #build()}
   * may be called more than once and checks what the record's constructor checks.
   */
  public static final class Builder {
    private String path;
    private long size;
    private @Nullable Instant lastModified;
    private @Nullable String contentType;
    private @Nullable Visibility visibility;
    private @Nullable String etag;
    private @Nullable Map<ChecksumAlgorithm, String> checksums;
    private @Nullable String version;
    private @Nullable Map<String, String> userMetadata;
    private @Nullable String cacheControl;
    private @Nullable String contentDisposition;
    private @Nullable String contentEncoding;

    private Builder(String path, long size) {
      this.path = path;
      this.size = size;
    }

    /** Sets the normalised path. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Sets the size in bytes. */
    public Builder size(long size) {
      this.size = size;
      return this;
    }

    /** Sets the last-modified (upload) time. */
    public Builder lastModified(@Nullable Instant lastModified) {
      this.lastModified = lastModified;
      return this;
    }

    /** Sets the stored MIME type. */
    public Builder contentType(@Nullable String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** Sets the visibility (per file, or the bucket's). */
    public Builder visibility(@Nullable Visibility visibility) {
      this.visibility = visibility;
      return this;
    }

    /** Sets the entity tag, without quotes. */
    public Builder etag(@Nullable String etag) {
      this.etag = etag;
      return this;
    }

    /** Sets the stored checksums, by algorithm, as lowercase hex. */
    public Builder checksums(@Nullable Map<ChecksumAlgorithm, String> checksums) {
      this.checksums = checksums;
      return this;
    }

    /** Sets the backend's version or file id. */
    public Builder version(@Nullable String version) {
      this.version = version;
      return this;
    }

    /** Sets the user metadata, keys lowercase. */
    public Builder userMetadata(@Nullable Map<String, String> userMetadata) {
      this.userMetadata = userMetadata;
      return this;
    }

    /** Sets the stored {@code Cache-Control}. */
    public Builder cacheControl(@Nullable String cacheControl) {
      this.cacheControl = cacheControl;
      return this;
    }

    /** Sets the stored {@code Content-Disposition}. */
    public Builder contentDisposition(@Nullable String contentDisposition) {
      this.contentDisposition = contentDisposition;
      return this;
    }

    /** Sets the stored {@code Content-Encoding}. */
    public Builder contentEncoding(@Nullable String contentEncoding) {
      this.contentEncoding = contentEncoding;
      return this;
    }

    /**
     * Returns the attributes.
     *
     * @throws NullPointerException when the path is null
     * @throws IllegalArgumentException when the size is negative
     */
    public FileAttributes build() {
      return new FileAttributes(
          path,
          size,
          lastModified,
          contentType,
          visibility,
          etag,
          checksums == null ? Map.of() : checksums,
          version,
          userMetadata == null ? Map.of() : userMetadata,
          cacheControl,
          contentDisposition,
          contentEncoding);
    }
  }
}
