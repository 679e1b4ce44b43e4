package dev.stowage.tck;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;

/** The kit over the in-memory adapter with small multipart settings, so large-object cases run. */
class MultipartMemoryContractTest extends FilesystemContract {

  @Override
  protected Filesystem createFilesystem() {
    return Filesystem.of(MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).build());
  }
}
