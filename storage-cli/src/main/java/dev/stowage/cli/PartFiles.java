package dev.stowage.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The temporary files a download to a local file writes before it is renamed into place.
 *
 * <p>A download of {@code NAME} writes {@code .stowage-NAME.RANDOM.tmp} beside it. The name
 * pattern {@code .stowage-*.tmp} is the one the local adapter reserves for its own temporary
 * files, so {@code ls}, {@code stat} and {@code rm} never show or touch a download in progress.
 * Each download creates a fresh file (never reusing one); on success it is renamed to
 * {@code NAME}, on failure or Ctrl-C it is deleted. Only a process killed outright (kill -9,
 * power loss) can leave one; the next download to the same destination deletes such leftovers
 * of that destination once they are older than {@link #STALE_AFTER} (younger ones may belong to
 * a download still running in another process), including the {@code .NAME.DIGITS.part} files of
 * earlier versions.
 */
final class PartFiles {

  /** How old a leftover temporary file of a destination must be before a new download removes it. */
  static final Duration STALE_AFTER = Duration.ofDays(1);

  private static final String PREFIX = ".stowage-";
  private static final String SUFFIX = ".tmp";

  /** Bytes of the destination's name kept, leaving room for the rest within a 255-byte name. */
  private static final int MAX_NAME = 180;

  private static final Pattern RANDOM = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern LEGACY_RANDOM = Pattern.compile("[0-9]+");

  private PartFiles() {}

  /**
   * Creates a new, empty temporary file for a download to {@code destination} in the directory
   * {@code dir}. It gets the default mode of new files (the umask applies), not a private one.
   */
  static Path create(Path dir, String destination) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path temp = dir.resolve(PREFIX + stem(destination) + "." + random() + SUFFIX);
      try {
        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return temp;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Returns whether {@code fileName} is a temporary file of a download to {@code destination}. */
  static boolean isPartOf(String fileName, String destination) {
    String current = PREFIX + stem(destination) + ".";
    if (fileName.startsWith(current)
        && fileName.endsWith(SUFFIX)
        && fileName.length() == current.length() + 16 + SUFFIX.length()) {
      return RANDOM.matcher(fileName.substring(current.length(), current.length() + 16)).matches();
    }
    String legacy = "." + destination + ".";
    return fileName.startsWith(legacy)
        && fileName.endsWith(".part")
        && LEGACY_RANDOM
            .matcher(fileName.substring(legacy.length(), fileName.length() - 5))
            .matches();
  }

  /**
   * Deletes the temporary files of downloads to {@code destination} in {@code dir} that were last
   * modified more than {@link #STALE_AFTER} before {@code clock}'s now; returns how many went. A
   * file that cannot be deleted is left alone: it never fails the download.
   */
  static int removeStale(Path dir, String destination, Clock clock) {
    FileTime cutoff = FileTime.from(clock.instant().minus(STALE_AFTER));
    int removed = 0;
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(dir, p -> isPartOf(p.getFileName().toString(), destination))) {
      for (Path p : entries) {
        try {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
              && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
            Files.deleteIfExists(p);
            removed++;
          }
        } catch (IOException e) {
          // Someone else's file, or gone meanwhile: not this download's business.
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      // An unreadable directory fails the download itself soon enough, with a better message.
    }
    return removed;
  }

  private static String stem(String destination) {
    String s = destination;
    while (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME) {
      s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
    }
    return s;
  }

  private static String random() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
