package dev.stowage.b2.emulator;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only permissions for the data directory, which holds the master key and application-key secrets:
 * directories 0700 and files 0600, given when they are created (never created wider and narrowed later), and
 * {@link #tighten} for a directory written by an older version. On a file system without POSIX permissions
 * nothing is set.
 */
final class OwnerOnly {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The attributes for a new file under {@code dir}: mode 0600 where supported. */
  static FileAttribute<?>[] file(Path dir) {
    return posix(dir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /** Creates a directory and its missing parents with mode 0700 (where supported). */
  static void createDirectories(Path dir) throws IOException {
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Narrows {@code root} and everything under it to 0700 (directories) and 0600 (files); links are skipped. */
  static void tighten(Path root) throws IOException {
    if (!posix(root)) {
      return;
    }
    // the root itself may be a link to the real directory; links inside it are not followed
    Files.walkFileTree(
        root.toRealPath(),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            set(dir, DIR);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              set(file, FILE);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
    if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
      Files.setPosixFilePermissions(path, mode);
    }
  }
}
