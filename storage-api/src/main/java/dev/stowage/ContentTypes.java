package dev.stowage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Content-type helpers shared by the facade's write and metadata paths. */
final class ContentTypes {

  /** Types that say "unknown" rather than naming a format; they never count as detected. */
  private static final Set<String> GENERIC =
      Set.of("application/octet-stream", "binary/octet-stream", "b2/x-auto", "application/x-empty");

  /** The head handed to a detector that does not need one (never written to). */
  static final byte[] NO_HEAD = new byte[0];

  private ContentTypes() {}

  /** Returns whether {@code type} is missing or only a generic default. */
  static boolean isGeneric(@Nullable String type) {
    if (type == null || type.isBlank()) {
      return true;
    }
    if (isBareLowerCase(type)) {
      return GENERIC.contains(type); // the usual form: no parameters, spaces or capitals
    }
    String bare = type;
    int semicolon = bare.indexOf(';');
    if (semicolon >= 0) {
      bare = bare.substring(0, semicolon);
    }
    return GENERIC.contains(bare.trim().toLowerCase(Locale.ROOT));
  }

  private static boolean isBareLowerCase(String type) {
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (c <= ' ' || c == ';' || (c >= 'A' && c <= 'Z') || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Returns the first {@link MimeDetector#HEAD_LIMIT} bytes (or fewer) of a byte array. */
  static byte[] head(byte[] data) {
    return data.length <= MimeDetector.HEAD_LIMIT
        ? data
        : Arrays.copyOf(data, MimeDetector.HEAD_LIMIT);
  }

  /** Reads the first bytes of a local file. */
  static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MimeDetector.HEAD_LIMIT);
    }
  }

  /**
   * Reads up to {@link MimeDetector#HEAD_LIMIT} bytes from a stream that supports mark/reset and
   * rewinds it, so that the write still sends everything.
   */
  static byte[] peek(InputStream markable) throws IOException {
    markable.mark(MimeDetector.HEAD_LIMIT + 1);
    try {
      return markable.readNBytes(MimeDetector.HEAD_LIMIT);
    } finally {
      markable.reset();
    }
  }
}
