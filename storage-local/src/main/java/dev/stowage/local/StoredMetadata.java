package dev.stowage.local;

import dev.stowage.WriteOptions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The content metadata kept with a file: what {@link WriteOptions} can set besides visibility.
 *
 * @param contentType the content type, or null
 * @param cacheControl the cache control, or null
 * @param contentDisposition the content disposition, or null
 * @param contentEncoding the content encoding, or null
 * @param userMetadata user metadata (never null)
 */
record StoredMetadata(
    @Nullable String contentType,
    @Nullable String cacheControl,
    @Nullable String contentDisposition,
    @Nullable String contentEncoding,
    Map<String, String> userMetadata) {

  static final StoredMetadata NONE = new StoredMetadata(null, null, null, null, Map.of());

  StoredMetadata {
    userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
  }

  /** Returns the metadata a write with {@code options} stores. */
  static StoredMetadata of(WriteOptions options) {
    return new StoredMetadata(
        options.contentType(),
        options.cacheControl(),
        options.contentDisposition(),
        options.contentEncoding(),
        options.userMetadata());
  }

  /** Returns this metadata with every option that is set replacing its value (copy and move). */
  StoredMetadata overriddenBy(WriteOptions options) {
    return new StoredMetadata(
        options.contentType() != null ? options.contentType() : contentType,
        options.cacheControl() != null ? options.cacheControl() : cacheControl,
        options.contentDisposition() != null ? options.contentDisposition() : contentDisposition,
        options.contentEncoding() != null ? options.contentEncoding() : contentEncoding,
        options.userMetadata().isEmpty() ? userMetadata : options.userMetadata());
  }

  boolean isEmpty() {
    return contentType == null
        && cacheControl == null
        && contentDisposition == null
        && contentEncoding == null
        && userMetadata.isEmpty();
  }
}
