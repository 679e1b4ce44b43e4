package dev.stowage.local;

import dev.stowage.StorageException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Confines paths to the root and walks them without following links.
 *
 * <p>Every path is resolved with {@code root.resolve(path).normalize()} and must stay below the
 * root; then each existing component is examined with {@link LinkOption#NOFOLLOW_LINKS}, so a
 * link anywhere on the way is seen before anything uses it. Opening files also passes
 * {@code NOFOLLOW_LINKS} (O_NOFOLLOW), which closes the gap for the last component. Java offers
 * no {@code openat}, so a process that can write inside the root could still swap a checked
 * directory for a link between the check and the use; the root's own permissions must keep
 * untrusted writers out.
 */
final class LocalPaths {

  static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final String TEMP_PREFIX = ".stowage-";
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path root;
  private final SymlinkPolicy policy;
  private final Class<? extends BasicFileAttributes> attributeType;
  private final boolean posix;

  LocalPaths(Path root, SymlinkPolicy policy, boolean posix) {
    this.root = root;
    this.policy = policy;
    this.posix = posix;
    this.attributeType = posix ? PosixFileAttributes.class : BasicFileAttributes.class;
  }

  Path root() {
    return root;
  }

  SymlinkPolicy policy() {
    return policy;
  }

  /** Returns whether {@code name} is reserved for the adapter's temporary files. */
  static boolean isTemporary(String name) {
    return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
  }

  /**
   * Returns whether a name found on disk can be reached through the API: not a temporary file,
   * and free of the characters the path normaliser would change or reject.
   */
  static boolean isAddressable(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || isTemporary(name)) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || c == '/' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** What {@link #classify} found in a name read from disk. */
  enum NameClass {
    /** The API cannot reach it (see {@link #isAddressable}). */
    UNADDRESSABLE,
    /**
     * Addressable, and ASCII only: in the ASCII-compatible encodings of POSIX systems such text
     * came from exactly its own bytes, so the name needs no further encoding check.
     */
    ASCII,
    /** Addressable, with other characters: only a round trip tells whether the bytes were valid. */
    OTHER
  }

  /**
   * Classifies a name found on disk in one pass; the same verdict as {@link #isAddressable},
   * and whether the name is plain ASCII. Listings call it for every entry.
   */
  static NameClass classify(String name) {
    int length = name.length();
    if (length == 0) {
      return NameClass.UNADDRESSABLE;
    }
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || c == '/') {
        return NameClass.UNADDRESSABLE;
      }
      ascii &= c < 0x80;
    }
    if (name.charAt(0) == '.'
        && (length <= 2 && (length == 1 || name.charAt(1) == '.') || isTemporary(name))) {
      return NameClass.UNADDRESSABLE;
    }
    return ascii ? NameClass.ASCII : NameClass.OTHER;
  }

  /** Returns a fresh temporary file name; creators must still use CREATE_NEW. */
  static String temporaryName() {
    return TEMP_PREFIX
        + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE)
        + TEMP_SUFFIX;
  }

  /** Returns the relative path of {@code name} inside the directory {@code parent}. */
  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "/" + name;
  }

  /** Returns the parent of a relative path ({@code ""} for top-level names). */
  static String parentOf(String relative) {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? "" : relative.substring(0, slash);
  }

  /**
   * Returns where {@code relative} lives, failing with INVALID_INPUT for a path that is not in
   * normal form or that would leave the root.
   */
  Path resolve(String relative) {
    if (relative.isEmpty()) {
      return root;
    }
    if (relative.startsWith("/") || relative.indexOf('\0') >= 0) {
      throw LocalErrors.failure(Kind.INVALID_INPUT, "the path is not normalised");
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw LocalErrors.failure(Kind.INVALID_INPUT, "the path is not normalised");
      }
    }
    Path resolved;
    try {
      resolved = root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      throw LocalErrors.invalidPath(e);
    }
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw LocalErrors.failure(Kind.INVALID_INPUT, "the path leaves the root");
    }
    return resolved;
  }

  /**
   * Walks {@code relative} from the root without following links and stops at the first
   * component that is not a directory. Under {@link SymlinkPolicy#REFUSE} meeting a link fails
   * with PERMISSION_DENIED. Names reserved for temporary files count as missing.
   */
  Located locate(String relative) {
    Path target = resolve(relative);
    if (relative.isEmpty()) {
      return new Located(root, EntryType.DIRECTORY, false, null);
    }
    String[] segments = relative.split("/");
    Path current = root;
    for (int i = 0; i < segments.length; i++) {
      if (isTemporary(segments[i])) {
        return new Located(target, EntryType.MISSING, false, null);
      }
      current = current.resolve(segments[i]);
      BasicFileAttributes attributes = attributesOrNull(current);
      if (attributes == null) {
        return new Located(target, EntryType.MISSING, false, null);
      }
      EntryType type = EntryType.of(attributes);
      if (type == EntryType.SYMLINK && policy == SymlinkPolicy.REFUSE) {
        throw LocalErrors.symlink();
      }
      boolean last = i == segments.length - 1;
      if (last || type != EntryType.DIRECTORY) {
        return new Located(target, type, !last, attributes);
      }
    }
    throw new AssertionError("unreachable");
  }

  /**
   * Opens the directory {@code relative} by descending from the root one name at a time without
   * following links; returns null when it is missing or not a directory. The caller has already
   * applied the link policy with {@link #locate}; this walk only makes sure that a link swapped
   * in since then is not followed.
   */
  @Nullable OpenDirectory openDirectory(String relative) {
    resolve(relative);
    OpenDirectory current = null;
    try {
      current = OpenDirectory.openRoot(root, posix);
      if (!relative.isEmpty()) {
        for (String segment : relative.split("/")) {
          OpenDirectory next = current.open(current.path().getFileSystem().getPath(segment));
          current.close();
          current = next;
          if (current == null) {
            return null;
          }
        }
      }
      OpenDirectory opened = current;
      current = null;
      return opened;
    } catch (IOException e) {
      throw LocalErrors.io(e);
    } finally {
      closeQuietly(current);
    }
  }

  static void closeQuietly(java.io.@Nullable Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        // Closing a directory handle cannot lose data.
      }
    }
  }

  /** Returns the attributes of {@code file} without following links, or null when it is gone. */
  @Nullable BasicFileAttributes attributesOrNull(Path file) {
    try {
      return Files.readAttributes(file, attributeType, NO_FOLLOW);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }
}
