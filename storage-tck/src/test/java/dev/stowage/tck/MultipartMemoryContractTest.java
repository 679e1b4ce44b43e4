package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;

/** The kit over the in-memory adapter with small multipart settings, so large-object cases run. */
class MultipartMemoryContractTest extends FilesystemContract {

  private MemoryAdapter adapter;

  @Override
  protected Filesystem createFilesystem() {
    adapter = MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).build();
    return Filesystem.of(adapter);
  }

  @Override
  protected void afterAll() {
    assertThat(adapter.partsUploaded()).as("parts the kit's large writes sent").isGreaterThan(20);
  }
}
