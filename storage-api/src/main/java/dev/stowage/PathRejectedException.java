package dev.stowage;

import org.jspecify.annotations.Nullable;

/**
 * Signals that a path was rejected before any I/O: it climbs above the root, contains a control
 * character, exceeds the adapter's length limits, or is empty where a file is required. The kind
 * is always {@link Kind#INVALID_INPUT}.
 */
public final class PathRejectedException extends StorageException {
  private static final long serialVersionUID = 1L;

  PathRejectedException(String path, @Nullable String reason) {
    super(Operation.PATH, path, null, Kind.INVALID_INPUT, reason, null, null);
  }

  /** Returns the failure for a path whose {@code ..} segments climb above the root. */
  public static PathRejectedException traversal(String path) {
    return new PathRejectedException(printable(path), "path traversal above the root");
  }

  /** Returns the failure for a path containing a control character (shown escaped). */
  public static PathRejectedException corrupted(String path) {
    return new PathRejectedException(printable(path), "control character in path");
  }

  /** Returns a failure with a free-form reason, e.g. {@code "longer than 1024 UTF-8 bytes"}. */
  public static PathRejectedException because(String path, String reason) {
    return new PathRejectedException(printable(path), reason);
  }

  /** Escapes control characters so a hostile path cannot forge log lines. */
  static String printable(@Nullable String path) {
    if (path == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
