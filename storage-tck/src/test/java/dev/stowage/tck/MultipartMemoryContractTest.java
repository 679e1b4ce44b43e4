package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.testing.MemoryUploads;
import java.util.List;
import java.util.Optional;

/** The kit over the in-memory adapter with small multipart settings, so large-object cases run. */
class MultipartMemoryContractTest extends FilesystemContract {

  private final MemoryUploads uploads = new MemoryUploads();

  @Override
  protected Filesystem createFilesystem() {
    return Filesystem.of(
        MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).multipartListener(uploads).build());
  }

  /** The memory adapter's own record of multipart writes neither completed nor aborted. */
  @Override
  public Optional<List<String>> pendingUploads() {
    String root = rootName() + "/";
    return Optional.of(uploads.pendingUploads(root));
  }

  @Override
  protected void afterAll() {
    assertThat(uploads.partsUploaded()).as("parts the kit's large writes sent").isGreaterThan(20);
  }
}
