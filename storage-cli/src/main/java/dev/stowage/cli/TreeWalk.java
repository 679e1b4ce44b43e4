package dev.stowage.cli;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The files below one location of {@code sync} and {@code cp -r}, by path relative to it.
 *
 * <p>A local directory is walked as {@code ls -R} shows it: symbolic links are followed to the
 * file they lead to (a link to a directory is not descended into, so there are no cycles), links
 * to nothing, special files and the temporary files of downloads in progress are left out, and
 * empty directories do not appear (only files are synced). A remote location is listed deeply;
 * its directory markers are left out. Relative paths use {@code /} on every side.
 *
 * @param root the location walked (a local directory, or a directory in a filesystem)
 * @param local whether {@code root} is on local disk
 * @param files the files below it, sorted by relative path
 */
record TreeWalk(Location root, boolean local, SortedMap<String, Entry> files) {

  TreeWalk {
    Objects.requireNonNull(root, "root");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /**
   * One file of a tree.
   *
   * @param relative the path below the tree's root, segments joined by {@code /}
   * @param size the size in bytes
   * @param modified when the file was last modified (local) or uploaded (remote); null if unknown
   * @param contentType the stored content type, null if the listing does not say
   * @param checksums the checksums the listing carries (none for local files)
   */
  record Entry(
      String relative,
      long size,
      @Nullable Instant modified,
      @Nullable String contentType,
      Map<ChecksumAlgorithm, String> checksums) {
    Entry {
      Objects.requireNonNull(relative, "relative");
      checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
    }
  }

  /**
   * Walks {@code root}. A location that does not exist is an empty tree when {@code mayBeMissing}
   * (a destination not created yet), else a failure naming it.
   *
   * @throws CommandFailedException when {@code root} is a file, or missing and must exist
   */
  static TreeWalk of(Location root, Session session, boolean mayBeMissing) throws IOException {
    if (root.isStdio()) {
      throw new UsageException(
          "'-' (standard input/output) cannot hold a directory tree; give a path or a URI");
    }
    return root.isLocal() ? local(root, mayBeMissing) : remote(root, session, mayBeMissing);
  }

  private static TreeWalk local(Location root, boolean mayBeMissing) throws IOException {
    Path dir = root.localPath();
    if (!Files.exists(dir)) {
      if (mayBeMissing) {
        return new TreeWalk(root, true, new TreeMap<>());
      }
      throw new CommandFailedException("'" + root + "': no such directory");
    }
    if (!Files.isDirectory(dir)) {
      throw new CommandFailedException("'" + root + "' is a file, not a directory");
    }
    SortedMap<String, Entry> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .skip(1)
          .forEach(
              p -> {
                Entry e = localEntry(dir, p);
                if (e != null) {
                  files.put(e.relative(), e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new TreeWalk(root, true, files);
  }

  private static @Nullable Entry localEntry(Path dir, Path p) {
    String name = p.getFileName().toString();
    if (name.startsWith(".stowage-") && name.endsWith(".tmp")) {
      return null; // a download in progress (PartFiles)
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class); // follows links
    } catch (NoSuchFileException e) {
      return null; // a link to nothing, or gone since it was listed
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!a.isRegularFile()) {
      return null;
    }
    String relative = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    return new Entry(relative, a.size(), a.lastModifiedTime().toInstant(), null, Map.of());
  }

  private static TreeWalk remote(Location root, Session session, boolean mayBeMissing) {
    Filesystem fs = session.filesystem(root);
    String dir = root.path();
    String prefix = dir.isEmpty() ? "" : dir + "/";
    SortedMap<String, Entry> files = new TreeMap<>();
    try (DirectoryListing listing = fs.list(dir, true)) {
      for (StorageAttributes entry : listing) {
        if (entry instanceof FileAttributes f
            && f.path().startsWith(prefix)
            && f.path().length() > prefix.length()) {
          String relative = f.path().substring(prefix.length());
          files.put(
              relative,
              new Entry(relative, f.size(), f.lastModified(), f.contentType(), f.checksums()));
        }
      }
    }
    if (files.isEmpty() && !dir.isEmpty()) {
      if (fs.fileExists(dir)) {
        throw new CommandFailedException("'" + root + "' is a file, not a directory");
      }
      if (!mayBeMissing && !fs.directoryExists(dir)) {
        throw new CommandFailedException("'" + root + "': no such directory");
      }
    }
    return new TreeWalk(root, false, files);
  }

  /** Returns the location of the file {@code relative} below {@code root}, shown as {@code relative}. */
  static Location child(Location root, String relative) {
    if (root.isLocal()) {
      return new Location(null, root.localPath().resolve(relative).toString(), relative);
    }
    return new Location(
        root.root(), root.path().isEmpty() ? relative : root.path() + "/" + relative, relative);
  }
}
