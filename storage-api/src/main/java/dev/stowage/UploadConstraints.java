package dev.stowage;

import org.jspecify.annotations.Nullable;

/**
 * What a browser upload must match.
 *
 * @param contentType the content type the uploader must send (signed where the backend supports it), or null
 * @param contentLength the exact length the uploader must send, or -1 when not fixed
 * @param visibility the visibility the object gets, or null for the default
 */
public record UploadConstraints(
    @Nullable String contentType, long contentLength, @Nullable Visibility visibility) {

  /** No constraints. */
  public static final UploadConstraints NONE = new UploadConstraints(null, -1, null);

  public UploadConstraints {
    if (contentLength < -1) {
      throw new IllegalArgumentException("contentLength must be -1 or more: " + contentLength);
    }
  }

  /** Returns constraints fixing only the content type. */
  public static UploadConstraints contentType(String contentType) {
    return new UploadConstraints(contentType, -1, null);
  }
}
