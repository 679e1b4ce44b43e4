package dev.stowage.local;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the permission-denied case against a real filesystem and reports each outcome as one line
 * ({@code operation outcome}). {@link LocalAdapterTest} calls {@link #run} directly when it is not
 * root, and otherwise starts {@link #main} as an unprivileged user, because permission bits do not
 * restrict root.
 */
final class PermissionProbe {

  private PermissionProbe() {}

  /** Prints the outcomes of {@link #run} for the root directory given as the only argument. */
  public static void main(String[] args) {
    for (String line : run(Path.of(args[0]))) {
      System.out.println(line);
    }
  }

  /**
   * Writes {@code locked/a.txt} under {@code root}, reads it, removes every permission from
   * {@code locked}, then reads and writes below it; restores the permissions before returning.
   */
  static List<String> run(Path root) {
    Filesystem fs = Filesystem.of(LocalAdapter.of(root));
    List<String> out = new ArrayList<>();
    out.add("user " + System.getProperty("user.name"));
    fs.write("locked/a.txt", "x");
    out.add("readBefore " + outcome(() -> fs.readString("locked/a.txt")));
    Path locked = root.resolve("locked");
    chmod(locked, "---------");
    try {
      out.add("read " + outcome(() -> fs.read("locked/a.txt")));
      out.add("write " + outcome(() -> fs.write("locked/b.txt", "y")));
    } finally {
      chmod(locked, "rwx------");
    }
    out.add("readAfter " + outcome(() -> fs.readString("locked/a.txt")));
    return out;
  }

  private static String outcome(Runnable call) {
    try {
      call.run();
      return "ok";
    } catch (StorageException e) {
      return e.getClass().getSimpleName() + " " + e.kind();
    }
  }

  private static void chmod(Path file, String permissions) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
