package dev.stowage.local;

import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Makes files appear whole or not at all: content goes to a hidden temporary file in the target
 * directory ({@code .stowage-<random>.tmp}, never listed), is optionally forced to disk, gets
 * its permissions and metadata, and is then renamed over the target in one atomic step. Any
 * failure before that step deletes the temporary file, so neither a partial target nor a
 * temporary file remains. Create-only writes publish with a hard link, which fails atomically
 * when the target exists.
 */
final class AtomicFiles {

  /** How often a write retries when a concurrent deleteDirectory removes its fresh parent. */
  private static final int ATTEMPTS = 3;

  private static final Set<StandardOpenOption> CREATE_NEW =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(LocalPermissions.fromMode(0600));

  private final LocalPaths paths;
  private final LocalPermissions permissions;
  private final LocalMetadata metadata;
  private final LocalConfig config;

  AtomicFiles(
      LocalPaths paths, LocalPermissions permissions, LocalMetadata metadata, LocalConfig config) {
    this.paths = paths;
    this.permissions = permissions;
    this.metadata = metadata;
    this.config = config;
  }

  /**
   * Checks that a file may be put at {@code relative}: not a directory, not below a file, no link
   * or special file in the way, not a reserved name, and (for create-only) not taken.
   */
  Path checkTarget(String relative, boolean createOnly) {
    rejectReserved(relative);
    Located at = paths.locate(relative);
    if (at.isDirectory()) {
      throw LocalErrors.failure(Kind.IS_A_DIRECTORY, "a directory exists at '" + relative + "'");
    }
    if (at.parentIsFile()) {
      throw LocalErrors.failure(
          Kind.PRECONDITION_FAILED, "a parent of '" + relative + "' is a file");
    }
    if (at.type() == EntryType.SYMLINK) {
      throw LocalErrors.symlink();
    }
    if (at.type() == EntryType.OTHER) {
      throw LocalErrors.failure(Kind.PERMISSION_DENIED, "a device, pipe or socket is in the way");
    }
    if (createOnly && at.isFile()) {
      throw LocalErrors.failure(Kind.ALREADY_EXISTS, "a file exists at '" + relative + "'");
    }
    return at.file();
  }

  /** Fails with INVALID_INPUT when a segment uses the name pattern of temporary files. */
  static void rejectReserved(String relative) {
    for (String segment : relative.split("/")) {
      if (LocalPaths.isTemporary(segment)) {
        throw LocalErrors.failure(
            Kind.INVALID_INPUT, "names like '.stowage-*.tmp' are reserved for temporary files");
      }
    }
  }

  /**
   * Writes a new file at {@code relative} with {@code mode} (-1: the public file mode) and
   * {@code stored} metadata, then publishes it atomically.
   */
  void write(
      String relative, FileContent content, int mode, StoredMetadata stored, boolean createOnly) {
    Path target = checkTarget(relative, createOnly);
    Path temp = null;
    boolean published = false;
    try {
      Temporary created = newTemporaryFile(LocalPaths.parentOf(relative));
      temp = created.path();
      try (FileChannel out = created.channel()) {
        content.writeTo(out);
        if (config.fsync()) {
          out.force(true);
        }
      }
      permissions.apply(temp, mode >= 0 ? mode : config.filePermissions(Visibility.PUBLIC));
      writeMetadata(temp, stored, true);
      publish(temp, target, createOnly);
      published = true;
      syncDirectory(target.getParent());
    } catch (IOException e) {
      throw LocalErrors.io(e);
    } finally {
      if (!published && temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Moves a regular file: renames it to a temporary name beside the target, applies the new
   * mode (-1: keep) and metadata (null: keep), then publishes it. A failure after the first
   * rename puts the file back. Returns false without changing anything when the source and the
   * target are on different filesystems, so the caller can copy and delete instead.
   */
  boolean rename(
      Path source, String relative, int mode, @Nullable StoredMetadata stored, boolean createOnly) {
    Path target = checkTarget(relative, createOnly);
    Path temp;
    try {
      Path directory = ensureDirectories(LocalPaths.parentOf(relative));
      temp = directory.resolve(LocalPaths.temporaryName());
      Files.move(source, temp, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      return false;
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
    boolean published = false;
    try {
      if (mode >= 0) {
        permissions.apply(temp, mode);
      }
      if (stored != null) {
        writeMetadata(temp, stored, false);
      }
      publish(temp, target, createOnly);
      published = true;
      syncDirectory(target.getParent());
      syncDirectory(source.getParent());
      return true;
    } catch (IOException e) {
      throw LocalErrors.io(e);
    } finally {
      if (!published) {
        putBack(temp, source);
      }
    }
  }

  /**
   * Makes sure the directory {@code relative} exists, creating missing components with the
   * configured implicit-directory permissions; fails when a file, link or special file is in
   * the way.
   */
  Path ensureDirectories(String relative) {
    return ensureDirectories(relative, config.directoryPermissions(config.directoryVisibility()));
  }

  /** As {@link #ensureDirectories(String)}, giving created directories {@code mode}. */
  Path ensureDirectories(String relative, int mode) {
    Path current = paths.resolve(relative);
    if (relative.isEmpty()) {
      return current;
    }
    current = paths.root();
    for (String segment : relative.split("/")) {
      current = current.resolve(segment);
      BasicFileAttributes attributes = paths.attributesOrNull(current);
      if (attributes == null) {
        try {
          Files.createDirectory(current);
          permissions.apply(current, mode);
          continue;
        } catch (FileAlreadyExistsException e) {
          // Someone else created it first: examine what is there now.
          attributes = paths.attributesOrNull(current);
        } catch (IOException e) {
          throw LocalErrors.io(e);
        }
        if (attributes == null) {
          throw LocalErrors.failure(
              Kind.UNAVAILABLE, "a directory vanished while it was being created");
        }
      }
      checkDirectory(EntryType.of(attributes));
    }
    return current;
  }

  private static void checkDirectory(EntryType type) {
    switch (type) {
      case DIRECTORY:
        return;
      case SYMLINK:
        throw LocalErrors.symlink();
      case FILE:
        throw LocalErrors.failure(Kind.PRECONDITION_FAILED, "a parent directory is a file");
      default:
        throw LocalErrors.failure(Kind.PERMISSION_DENIED, "a device, pipe or socket is in the way");
    }
  }

  /** A new temporary file, open for writing. */
  private record Temporary(Path path, FileChannel channel) {}

  /**
   * Creates an empty temporary file in the directory {@code relative}, creating the directory if
   * needed, and returns it open for writing (O_CREAT|O_EXCL, which never follows a link).
   */
  private Temporary newTemporaryFile(String relative) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path directory = ensureDirectories(relative);
      try {
        Path temp = directory.resolve(LocalPaths.temporaryName());
        // Owner-only until the content is complete; the final mode is set before publishing.
        FileChannel channel =
            permissions.posix()
                ? FileChannel.open(temp, CREATE_NEW, OWNER_ONLY)
                : FileChannel.open(temp, CREATE_NEW);
        return new Temporary(temp, channel);
      } catch (NoSuchFileException | FileAlreadyExistsException e) {
        // The directory was deleted under us, or the random name was taken: try again.
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Stores {@code stored} on {@code temp}; {@code fresh}: the file was just created, so it has none. */
  private void writeMetadata(Path temp, StoredMetadata stored, boolean fresh) {
    if (!metadata.enabled()) {
      return;
    }
    try {
      metadata.write(temp, stored, fresh);
    } catch (FileSystemException e) {
      // ext4 keeps all attributes of a file in one block; too much metadata fails with ENOSPC.
      throw LocalErrors.failure(
          Kind.INVALID_INPUT,
          "the filesystem refused the metadata (" + LocalErrors.detail(e) + ")");
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }

  private void publish(Path temp, Path target, boolean createOnly) throws IOException {
    if (!createOnly) {
      // Same directory, so the rename is atomic; it replaces a file but never a directory.
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw LocalErrors.failure(Kind.ALREADY_EXISTS, "the destination exists");
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (e instanceof NoSuchFileException) {
        throw (NoSuchFileException) e;
      }
      // No hard links here (FAT, some network filesystems): a checked rename, not atomic.
      try {
        Files.move(temp, target);
      } catch (FileAlreadyExistsException exists) {
        throw LocalErrors.failure(Kind.ALREADY_EXISTS, "the destination exists");
      }
      return;
    }
    deleteQuietly(temp);
  }

  private void syncDirectory(@Nullable Path directory) {
    if (directory == null || !config.fsync()) {
      return;
    }
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform can open a directory; the rename itself already happened.
    }
  }

  private static void putBack(Path temp, Path source) {
    try {
      Files.move(temp, source, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The file stays under its temporary name rather than being lost.
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort: a leftover is hidden from listings and does not block later writes.
    }
  }
}
