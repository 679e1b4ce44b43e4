package dev.stowage.cli;

import dev.stowage.DirectoryAttributes;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What {@code ls} shows of a local directory. Local paths on the command line follow symbolic
 * links as the shell's tools do (the CLI acts with the user's own rights; there is no root to
 * stay inside), so a link is listed as what it leads to: a file with that file's size, or a
 * directory. A recursive listing shows links to directories but does not descend into them (no
 * cycles). Links that lead nowhere, special files and the hidden temporary files of downloads in
 * progress ({@code .stowage-*.tmp}, see {@link PartFiles}) are left out.
 */
final class LocalEntries {

  private LocalEntries() {}

  /**
   * Returns the entries below {@code dir}, each with its path relative to {@code dir}; the
   * stream must be closed. Errors while walking surface as {@link UncheckedIOException}.
   */
  static Stream<StorageAttributes> list(Path dir, boolean recursive) throws IOException {
    Stream<Path> paths = recursive ? Files.walk(dir).skip(1) : Files.list(dir);
    return paths
        .filter(p -> !isTemporary(p.getFileName().toString()))
        .map(p -> entry(dir, p))
        .filter(e -> e != null);
  }

  private static boolean isTemporary(String name) {
    return name.startsWith(".stowage-") && name.endsWith(".tmp");
  }

  private static @Nullable StorageAttributes entry(Path dir, Path p) {
    String name = dir.relativize(p).toString();
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class); // follows links
    } catch (NoSuchFileException e) {
      return null; // a link to nothing, or gone since it was listed
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (a.isDirectory()) {
      return new DirectoryAttributes(name, a.lastModifiedTime().toInstant(), null);
    }
    if (!a.isRegularFile()) {
      return null;
    }
    return FileAttributes.builder(name, a.size())
        .lastModified(a.lastModifiedTime().toInstant())
        .build();
  }
}
