package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input (P2, P4, P11, E3, and the bad options of the other groups): a table of paths and
 * options that must each fail with a typed error and leave nothing behind. Each row
 * runs against a filesystem rooted at its own seeded directory; afterwards the directory and the
 * kit root must hold exactly what they held before, and nothing may have appeared where a
 * traversal row would land above the kit root: in the root of the filesystem the fixture opened
 * and, for a fixture with a {@linkplain KitFixture#baseDirectory() base directory}, on the disk
 * above it. Where the fixture {@linkplain KitFixture#adapterCalls() counts adapter calls}, rows
 * of bad paths and options must reach the adapter not even once.
 */
@ContractGroup("hostile input")
public interface HostileInputContract extends KitFixture {

  /** Every row: the typed exception and kind, no I/O where none is needed, and no change anywhere. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("dev.stowage.tck.HostileCases#rows")
  default void hostileInput_rejectedBeforeIo_nothingChanged(HostileCase row) {
    String self = newDirectory("hostile");
    Filesystem fs = fs().at(self);
    KitData.seed(fs, HostileCases.SEED_FILE, "seed");
    KitData.seed(fs, "d/x.txt", "x");
    fs.createDirectory("e");
    Set<String> rootBefore = snapshot(fs(), "", false);
    Set<String> selfBefore = snapshot(fs, "", true);
    boolean traversal = row.name().contains("..");
    Map<String, String> landingsBefore = traversal ? landings() : Map.of();

    Set<Kind> kinds = EnumSet.copyOf(row.kinds());
    if (row.needs() != null && !has(row.needs())) {
      kinds.add(Kind.UNSUPPORTED);
    }
    OptionalLong callsBefore = adapterCalls();
    StorageException failure =
        Expect.failure(row.type(), kinds, () -> row.action().run(fs, capabilities(), self));
    OptionalLong callsAfter = adapterCalls();

    assertThat(failure).as("a typed failure").isInstanceOf(StorageException.class);
    if (row.beforeIo() && callsBefore.isPresent() && callsAfter.isPresent()) {
      assertThat(callsAfter.getAsLong() - callsBefore.getAsLong())
          .as("adapter calls made before refusing (it must be refused before any I/O)")
          .isZero();
    }
    assertThat(snapshot(fs, "", true))
        .as("everything below the row's directory")
        .isEqualTo(selfBefore);
    assertThat(snapshot(fs(), "", false)).as("the kit root").isEqualTo(rootBefore);
    if (traversal) {
      assertThat(landings())
          .as("where an escaping path would land, above the kit root")
          .isEqualTo(landingsBefore);
    }
    FilesystemAssert.assertThat(fs).hasFile(HostileCases.SEED_FILE, "seed").hasDirectory("e");
  }

  /** Returns the entries below {@code dir} as {@code path/} for directories and {@code path:size} for files. */
  private static Set<String> snapshot(Filesystem fs, String dir, boolean deep) {
    Set<String> entries = new TreeSet<>();
    for (StorageAttributes entry : fs.list(dir, deep).toList()) {
      entries.add(
          entry instanceof FileAttributes
              ? entry.path() + ":" + ((FileAttributes) entry).size()
              : entry.path() + "/");
    }
    return entries;
  }

  /**
   * Returns what is at each of {@link HostileCases#LANDINGS} in the fixture's base filesystem and
   * in the base directory and each directory above it on disk.
   */
  private Map<String, String> landings() {
    Map<String, String> found = new TreeMap<>();
    baseFilesystem()
        .ifPresent(
            base -> {
              for (String name : HostileCases.LANDINGS) {
                found.put(
                    "base:" + name,
                    base.fileExists(name)
                        ? "file:" + base.fileSize(name)
                        : base.directoryExists(name) ? "directory" : "absent");
              }
            });
    baseDirectory()
        .ifPresent(
            directory -> {
              for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                for (String name : HostileCases.LANDINGS) {
                  found.put(dir.resolve(name).toString(), onDisk(dir.resolve(name)));
                }
              }
            });
    return found;
  }

  private static String onDisk(Path path) {
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        return "directory";
      }
      return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
          ? "file:"
              + Files.size(path)
              + ":"
              + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS)
          : "absent";
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
