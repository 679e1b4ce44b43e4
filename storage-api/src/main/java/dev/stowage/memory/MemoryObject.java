package dev.stowage.memory;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Visibility;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored object: a file, or a directory marker (a key ending with {@code /}). Immutable; the
 * data array is never changed after it is stored.
 */
record MemoryObject(
    byte[] data,
    Instant lastModified,
    @Nullable String contentType,
    Visibility visibility,
    String md5,
    String version,
    Map<String, String> userMetadata,
    @Nullable String cacheControl,
    @Nullable String contentDisposition,
    @Nullable String contentEncoding) {

  MemoryObject {
    userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
  }

  FileAttributes attributes(String path) {
    return FileAttributes.builder(path, data.length)
        .lastModified(lastModified)
        .contentType(contentType)
        .visibility(visibility)
        .etag(md5)
        .checksums(Map.of(ChecksumAlgorithm.MD5, md5))
        .version(version)
        .userMetadata(userMetadata)
        .cacheControl(cacheControl)
        .contentDisposition(contentDisposition)
        .contentEncoding(contentEncoding)
        .build();
  }

  MemoryObject withVisibility(Visibility v) {
    return new MemoryObject(
        data,
        lastModified,
        contentType,
        v,
        md5,
        version,
        userMetadata,
        cacheControl,
        contentDisposition,
        contentEncoding);
  }
}
