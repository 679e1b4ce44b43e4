package dev.stowage.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An open directory whose entries are examined, opened and deleted relative to it. Where the
 * platform offers a {@link SecureDirectoryStream} (Linux), every call works on the open handle
 * (the {@code *at} system calls with O_NOFOLLOW), so a directory swapped for a link after it was
 * opened cannot redirect a listing, a read or a recursive delete outside the root. Elsewhere the
 * same calls use paths, after a no-follow check.
 */
final class OpenDirectory implements Closeable {

  private final DirectoryStream<Path> stream;
  private final @Nullable SecureDirectoryStream<Path> secure;
  private final Path path;
  private final boolean posix;
  private final Class<? extends BasicFileAttributeView> viewType;

  private OpenDirectory(DirectoryStream<Path> stream, Path path, boolean posix) {
    this.stream = stream;
    this.secure =
        stream instanceof SecureDirectoryStream ? (SecureDirectoryStream<Path>) stream : null;
    this.path = path;
    this.posix = posix;
    this.viewType = posix ? PosixFileAttributeView.class : BasicFileAttributeView.class;
  }

  /** Opens the root (configured by the operator, so its own links are fine). */
  static OpenDirectory openRoot(Path root, boolean posix) throws IOException {
    return new OpenDirectory(Files.newDirectoryStream(root), root, posix);
  }

  Path path() {
    return path;
  }

  /** Returns the entries; each is this directory's path resolved with the entry's name. */
  Iterator<Path> iterator() {
    return stream.iterator();
  }

  /** Returns the attributes of the entry {@code name} without following links, or null if gone. */
  @Nullable BasicFileAttributes attributes(Path name) throws IOException {
    try {
      if (secure != null) {
        return secure
            .getFileAttributeView(name, viewType, LinkOption.NOFOLLOW_LINKS)
            .readAttributes();
      }
      Class<? extends BasicFileAttributes> type =
          posix ? java.nio.file.attribute.PosixFileAttributes.class : BasicFileAttributes.class;
      return Files.readAttributes(path.resolve(name), type, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    }
  }

  /**
   * Opens the subdirectory {@code name} without following a link; returns null when it is gone
   * or is not a directory (a link included).
   */
  @Nullable OpenDirectory open(Path name) throws IOException {
    Path child = path.resolve(name);
    try {
      if (secure != null) {
        return new OpenDirectory(
            secure.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS), child, posix);
      }
      BasicFileAttributes a = attributes(name);
      if (a == null || !a.isDirectory() || a.isSymbolicLink()) {
        return null;
      }
      return new OpenDirectory(Files.newDirectoryStream(child), child, posix);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    } catch (FileSystemException e) {
      if (isLinkRefusal(e)) {
        return null;
      }
      throw e;
    }
  }

  /** Opens the regular file {@code name} for reading without following a link. */
  SeekableByteChannel read(Path name) throws IOException {
    if (secure != null) {
      Set<OpenOption> read = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      return secure.newByteChannel(name, read);
    }
    return Files.newByteChannel(
        path.resolve(name), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }

  /** Deletes the file or link {@code name} (never what a link points to); gone is fine. */
  void deleteFile(Path name) throws IOException {
    try {
      if (secure != null) {
        secure.deleteFile(name);
      } else {
        Files.delete(path.resolve(name));
      }
    } catch (NoSuchFileException e) {
      // Already gone: the goal is reached.
    }
  }

  /** Deletes the empty directory {@code name}; gone is fine. */
  void deleteDirectory(Path name) throws IOException {
    try {
      if (secure != null) {
        secure.deleteDirectory(name);
      } else {
        Files.delete(path.resolve(name));
      }
    } catch (NoSuchFileException e) {
      // Already gone.
    }
  }

  /** Returns whether {@code e} is the ELOOP an O_NOFOLLOW open reports for a link. */
  static boolean isLinkRefusal(FileSystemException e) {
    String reason = e.getReason();
    return reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("symbolic link");
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
