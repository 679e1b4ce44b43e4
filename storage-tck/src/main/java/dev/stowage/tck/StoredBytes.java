package dev.stowage.tck;

import java.io.IOException;
import java.util.Optional;

/**
 * A second way to see what is stored, that does not go through the adapter under test: a raw
 * client of the backend, the disk behind a local root, an emulator's own view. The kit uses it,
 * where the fixture offers it ({@link KitFixture#storedBytes()}), to check that writes, copies,
 * moves and deletes did to the storage what the adapter says they did.
 */
@FunctionalInterface
public interface StoredBytes {

  /**
   * Returns the bytes stored for {@code path}, or empty when nothing is stored there.
   *
   * @param path a normalised path relative to the kit's root directory (as cases name files)
   */
  Optional<byte[]> read(String path) throws IOException;
}
