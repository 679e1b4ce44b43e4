package dev.stowage.cli;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Which names of a tree can be carried from one side to the other as they are. A key that is
 * legal on one side may be illegal on the other, or would be read back as another name: such a
 * file is refused with a reason, never written under a different name.
 *
 * <ul>
 *   <li>Every side: an empty segment ({@code a//b}, a trailing {@code /}), {@code .} and
 *       {@code ..} segments, and control characters (the storage API normalises or refuses these,
 *       so the file would land elsewhere or nowhere).
 *   <li>A remote side: a {@code \} (the storage API reads it as {@code /}).
 *   <li>A local destination: a segment longer than {@value #MAX_LOCAL_SEGMENT_BYTES} bytes in
 *       UTF-8, the limit of common local filesystems.
 * </ul>
 * Backend limits on whole keys (B2 and S3: 1024 bytes) are checked by the adapters, whose
 * refusals are reported per file in the same way.
 */
final class TreeNames {

  /** The longest file name common local filesystems take, in bytes. */
  static final int MAX_LOCAL_SEGMENT_BYTES = 255;

  private TreeNames() {}

  /**
   * Returns why the file {@code relative} cannot go from the source to the destination with its
   * name unchanged, or null when it can.
   */
  static @Nullable String problem(String relative, boolean sourceLocal, boolean destinationLocal) {
    if (relative.isEmpty()) {
      return "an empty name";
    }
    for (int i = 0; i < relative.length(); i++) {
      char c = relative.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "the name holds a control character";
      }
      if (c == '\\' && (!sourceLocal || !destinationLocal)) {
        return "the name holds '\\', which the storage API reads as '/'";
      }
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty()) {
        return "the name has an empty segment ('//' or a trailing '/'), which no directory tree can hold";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "the name has a '" + segment + "' segment, which would resolve to another file";
      }
      if (destinationLocal
          && segment.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_SEGMENT_BYTES) {
        return "a segment of the name is longer than "
            + MAX_LOCAL_SEGMENT_BYTES
            + " bytes, more than local filesystems take";
      }
    }
    return null;
  }
}
