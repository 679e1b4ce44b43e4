package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;
import java.util.List;
import java.util.Optional;

/** The kit over the in-memory adapter with small multipart settings, so large-object cases run. */
class MultipartMemoryContractTest extends FilesystemContract {

  private MemoryAdapter adapter;

  @Override
  protected Filesystem createFilesystem() {
    adapter = MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).build();
    return Filesystem.of(adapter);
  }

  /** The memory adapter's own record of multipart writes neither completed nor aborted. */
  @Override
  public Optional<List<String>> pendingUploads() {
    String root = rootName() + "/";
    return Optional.of(adapter.pendingUploads().stream().filter(p -> p.startsWith(root)).toList());
  }

  @Override
  protected void afterAll() {
    assertThat(adapter.partsUploaded()).as("parts the kit's large writes sent").isGreaterThan(20);
  }
}
