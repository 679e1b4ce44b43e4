package dev.stowage;

import org.jspecify.annotations.Nullable;

/**
 * Guesses a file's MIME type from its name and its first bytes.
 *
 * <p>The {@link Filesystem} uses it to fill in a content type on writes when none was given (and
 * the adapter stores one), and in {@link Filesystem#mimeType(String)} when nothing usable is
 * stored. Implementations must be thread-safe and must not throw for unusual input; they return
 * null rather than guess.
 *
 * <pre>{@code
 * MimeDetector byExtension = (path, head) -> path.endsWith(".webp") ? "image/webp" : null;
 * Filesystem fs = Filesystem.builder(adapter).mimeDetector(byExtension).build();
 * }</pre>
 */
@FunctionalInterface
public interface MimeDetector {

  /** The largest number of leading bytes the facade hands to {@link #detect}. */
  int HEAD_LIMIT = 8192;

  /** A detector that never knows: writes store no content type unless one is given. */
  MimeDetector NONE = (path, head) -> null;

  /**
   * Returns the MIME type of the file at {@code path} whose content starts with {@code head}
   * (at most {@link #HEAD_LIMIT} bytes, possibly empty), or null when it cannot tell. A generic
   * answer such as {@code application/octet-stream} counts as "cannot tell".
   */
  @Nullable String detect(String path, byte[] head);

  /**
   * Returns whether {@link #detect} may need the first bytes of the file at {@code path} to
   * answer. When this returns false, the detector promises that its answer for {@code path} does
   * not depend on {@code head}: the facade then neither reads ahead of a stream, nor reads the
   * start of a local file or of a stored file, nor copies the start of a large array; it may hand
   * an empty head instead. The default, true, is always safe.
   */
  default boolean needsHead(String path) {
    return true;
  }

  /**
   * Returns the default detector, backed by Apache Tika core. A name whose extension Tika's
   * registry knows decides without reading content ({@code .svg} is {@code image/svg+xml},
   * {@code .txt} is {@code text/plain}; an extension registered as plain binary, such as
   * {@code .bin}, gives no specific type). A name without an extension, or with one Tika does not
   * know, is answered by magic-byte sniffing of the head, refined by the name (a PNG named
   * {@code picture} is {@code image/png}).
   */
  static MimeDetector tika() {
    return TikaMimeDetector.INSTANCE;
  }
}
