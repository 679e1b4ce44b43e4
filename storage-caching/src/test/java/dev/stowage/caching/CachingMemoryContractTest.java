package dev.stowage.caching;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.tck.FilesystemContract;

/** The kit through the metadata cache: every answer must stay correct across writes made through it. */
class CachingMemoryContractTest extends FilesystemContract {

  @Override
  protected Filesystem createFilesystem() {
    return Filesystem.of(CachingAdapter.builder(MemoryAdapter.create()).build());
  }
}
