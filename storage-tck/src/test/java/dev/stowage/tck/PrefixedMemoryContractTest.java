package dev.stowage.tck;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.PrefixedAdapter;

/** The kit through a path prefix: the adapter sees every path below {@code tenants/acme}. */
class PrefixedMemoryContractTest extends FilesystemContract {

  @Override
  protected Filesystem createFilesystem() {
    return Filesystem.of(new PrefixedAdapter(MemoryAdapter.create(), "tenants/acme"));
  }
}
