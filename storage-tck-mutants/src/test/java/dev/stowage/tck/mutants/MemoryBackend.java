package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.tck.StoredBytes;
import java.util.List;
import java.util.function.Function;

/** The in-memory adapter with small multipart settings (64 KiB threshold, 16 KiB parts), fresh per run. */
final class MemoryBackend implements Backend {

  private volatile MemoryAdapter current;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public FilesystemAdapter adapter() {
    current = MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).build();
    return current;
  }

  @Override
  public Capabilities capabilities() {
    return MemoryAdapter.builder().multipart(64 * 1024, 16 * 1024).build().capabilities();
  }

  @Override
  public Function<String, List<String>> pendingUploads() {
    return root -> current.pendingUploads().stream().filter(p -> p.startsWith(root + "/")).toList();
  }

  /** Memory has no second path: its only view is the adapter. */
  @Override
  public Function<String, StoredBytes> storedBytes() {
    return null;
  }

  @Override
  public void close() {}
}
