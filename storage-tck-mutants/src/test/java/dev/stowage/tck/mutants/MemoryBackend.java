package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.tck.StoredBytes;
import dev.stowage.testing.MemoryUploads;
import java.util.List;
import java.util.function.Function;

/** The in-memory adapter with small multipart settings (64 KiB threshold, 16 KiB parts), fresh per run. */
final class MemoryBackend implements Backend {

  private volatile MemoryUploads uploads = new MemoryUploads();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public FilesystemAdapter adapter() {
    uploads = new MemoryUploads();
    return MemoryAdapter.builder()
        .multipart(64 * 1024, 16 * 1024)
        .multipartListener(uploads)
        .build();
  }

  @Override
  public Capabilities capabilities() {
    return MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).build().capabilities();
  }

  @Override
  public Function<String, List<String>> pendingUploads() {
    return root -> uploads.pendingUploads(root + "/");
  }

  /** Memory has no second path: its only view is the adapter. */
  @Override
  public Function<String, StoredBytes> storedBytes() {
    return null;
  }

  @Override
  public void close() {}
}
