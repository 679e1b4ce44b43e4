package dev.stowage.testing;

import dev.stowage.memory.MemoryAdapter;
import dev.stowage.memory.MultipartListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the multipart parts a {@link MemoryAdapter} keeps and tracks its pending uploads, for
 * tests of code that writes large files or must not leave uploads behind.
 *
 * <pre>{@code
 * MemoryUploads uploads = new MemoryUploads();
 * MemoryAdapter adapter = MemoryAdapter.builder()
 *     .multipart(1 << 20, 256 << 10)
 *     .multipartListener(uploads)
 *     .build();
 * // ... run the code under test against Filesystem.of(adapter) ...
 * long parts = uploads.partsUploaded();     // parts received so far
 * List<String> left = uploads.pendingUploads(); // paths of uploads neither completed nor aborted
 * }</pre>
 *
 * <p>Thread-safe. One instance may listen to several adapters; it then sums them.
 */
public final class MemoryUploads implements MultipartListener {

  private final AtomicLong parts = new AtomicLong();
  private final Map<Object, String> pending = new ConcurrentHashMap<>();

  /** Creates a listener that has seen nothing. */
  public MemoryUploads() {}

  @Override
  public void partStored(long uploadId, String path, int partNumber, long bytes) {
    parts.incrementAndGet();
    pending.put(new UploadKey(uploadId, path), path);
  }

  @Override
  public void uploadEnded(long uploadId, String path, boolean completed) {
    pending.remove(new UploadKey(uploadId, path));
  }

  /** Returns how many multipart parts were kept. */
  public long partsUploaded() {
    return parts.get();
  }

  /**
   * Returns the paths of the uploads that received a part but were neither completed nor aborted,
   * sorted (a path appears once per pending upload).
   */
  public List<String> pendingUploads() {
    List<String> paths = new ArrayList<>(pending.values());
    Collections.sort(paths);
    return paths;
  }

  /** Returns {@link #pendingUploads()} limited to paths that start with {@code prefix}. */
  public List<String> pendingUploads(String prefix) {
    return pendingUploads().stream().filter(p -> p.startsWith(prefix)).toList();
  }

  @Override
  public String toString() {
    return "MemoryUploads[" + parts.get() + " parts, " + pending.size() + " pending]";
  }

  /** Upload ids are unique per adapter; the path tells adapters apart well enough for tests. */
  private record UploadKey(long uploadId, String path) {}
}
