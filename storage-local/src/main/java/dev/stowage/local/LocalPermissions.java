package dev.stowage.local;

import dev.stowage.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps visibility to POSIX permission bits and back. On a filesystem without POSIX permissions
 * every method is a no-op and visibility is unknown (null).
 */
final class LocalPermissions {

  /** Permission constants in the order of the mode bits, owner read (0400) first. */
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
    PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_EXECUTE
  };

  /** The mode bit of each permission, by ordinal. */
  private static final int[] BIT_OF = new int[PosixFilePermission.values().length];

  static {
    for (int i = 0; i < BITS.length; i++) {
      BIT_OF[BITS[i].ordinal()] = 0400 >> i;
    }
  }

  private final boolean posix;
  private final LocalConfig config;
  private final int publicFileMode;
  private final int privateFileMode;
  private final int publicDirectoryMode;
  private final int privateDirectoryMode;

  LocalPermissions(LocalConfig config, boolean posix) {
    this.config = config;
    this.posix = posix;
    this.publicFileMode = config.filePermissions(Visibility.PUBLIC);
    this.privateFileMode = config.filePermissions(Visibility.PRIVATE);
    this.publicDirectoryMode = config.directoryPermissions(Visibility.PUBLIC);
    this.privateDirectoryMode = config.directoryPermissions(Visibility.PRIVATE);
  }

  boolean posix() {
    return posix;
  }

  /** Returns the permission set of a mode such as {@code 0644}. */
  static Set<PosixFilePermission> fromMode(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        set.add(BITS[i]);
      }
    }
    return set;
  }

  /** Returns the mode of a permission set. */
  static int toMode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    // One pass over the (small) set: listings call this for every entry.
    for (PosixFilePermission p : permissions) {
      mode |= BIT_OF[p.ordinal()];
    }
    return mode;
  }

  /** Gives a file the permissions of {@code visibility}, without following a link. */
  void applyToFile(Path file, Visibility visibility) throws IOException {
    apply(file, config.filePermissions(visibility));
  }

  /** Gives a directory the permissions of {@code visibility}, without following a link. */
  void applyToDirectory(Path directory, Visibility visibility) throws IOException {
    apply(directory, config.directoryPermissions(visibility));
  }

  /** Sets an exact mode (the umask applied at creation is undone here). */
  void apply(Path path, int mode) throws IOException {
    if (!posix) {
      return;
    }
    // With NOFOLLOW_LINKS the JDK opens the file with O_NOFOLLOW and uses fchmod.
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LocalPaths.NO_FOLLOW);
    view.setPermissions(fromMode(mode));
  }

  /** Returns the mode of {@code attributes}, or -1 without POSIX permissions. */
  int modeOf(BasicFileAttributes attributes) {
    if (!posix || !(attributes instanceof PosixFileAttributes)) {
      return -1;
    }
    return toMode(((PosixFileAttributes) attributes).permissions());
  }

  /**
   * Returns the visibility the permissions express: the configured private or public mode
   * exactly, else PUBLIC when the group or others may read. Null without POSIX permissions.
   */
  @Nullable Visibility visibilityOf(BasicFileAttributes attributes, boolean directory) {
    int mode = modeOf(attributes);
    if (mode < 0) {
      return null;
    }
    if (mode == (directory ? privateDirectoryMode : privateFileMode)) {
      return Visibility.PRIVATE;
    }
    if (mode == (directory ? publicDirectoryMode : publicFileMode)) {
      return Visibility.PUBLIC;
    }
    return (mode & 0044) != 0 ? Visibility.PUBLIC : Visibility.PRIVATE;
  }
}
