package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input (peers §8.2 P2/P4/P11, §8.21 E3, and the bad-option cases of §8.3–8.12): a table
 * of paths and options that must each fail with a typed error before any I/O and leave nothing
 * behind. Each row runs against a filesystem rooted at its own seeded directory; afterwards the
 * directory and the kit root must hold exactly what they held before.
 */
@ContractGroup("hostile input")
public interface HostileInputContract extends KitFixture {

  /** Every row: the typed exception and kind, and no change anywhere. */
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

    Set<Kind> kinds = EnumSet.copyOf(row.kinds());
    if (row.needs() != null && !has(row.needs())) {
      kinds.add(Kind.UNSUPPORTED);
    }
    StorageException failure = Expect.failure(row.type(), kinds,
        () -> row.action().run(fs, capabilities(), self));

    assertThat(failure).as("a typed failure").isInstanceOf(StorageException.class);
    assertThat(snapshot(fs, "", true)).as("everything below the row's directory").isEqualTo(selfBefore);
    assertThat(snapshot(fs(), "", false)).as("the kit root").isEqualTo(rootBefore);
    FilesystemAssert.assertThat(fs).hasFile(HostileCases.SEED_FILE, "seed").hasDirectory("e");
  }

  /** Returns the entries below {@code dir} as {@code path/} for directories and {@code path:size} for files. */
  private static Set<String> snapshot(Filesystem fs, String dir, boolean deep) {
    Set<String> entries = new TreeSet<>();
    for (StorageAttributes entry : fs.list(dir, deep).toList()) {
      entries.add(entry instanceof FileAttributes
          ? entry.path() + ":" + ((FileAttributes) entry).size() : entry.path() + "/");
    }
    return entries;
  }
}
