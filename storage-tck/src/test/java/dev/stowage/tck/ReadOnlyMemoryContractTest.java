package dev.stowage.tck;

import dev.stowage.Filesystem;
import dev.stowage.decorator.ReadOnlyAdapter;
import dev.stowage.memory.MemoryAdapter;

/** The read-only profile over memory: seeded through the adapter, read through {@link ReadOnlyAdapter}. */
class ReadOnlyMemoryContractTest extends ReadOnlyContract {

  private final MemoryAdapter adapter = MemoryAdapter.create();

  @Override
  protected Filesystem createWritableFilesystem() {
    return Filesystem.of(adapter);
  }

  @Override
  protected Filesystem createReadOnlyFilesystem() {
    return Filesystem.of(new ReadOnlyAdapter(adapter));
  }
}
