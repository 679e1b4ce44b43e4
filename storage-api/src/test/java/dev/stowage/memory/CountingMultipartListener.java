package dev.stowage.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts parts and tracks pending uploads for this module's own tests (users take storage-testing's
 * MemoryUploads, which this module's tests cannot depend on).
 */
public final class CountingMultipartListener implements MultipartListener {
  private final AtomicLong parts = new AtomicLong();
  private final Map<Long, String> pending = new ConcurrentHashMap<>();

  @Override
  public void partStored(long uploadId, String path, int partNumber, long bytes) {
    parts.incrementAndGet();
    pending.put(uploadId, path);
  }

  @Override
  public void uploadEnded(long uploadId, String path, boolean completed) {
    pending.remove(uploadId);
  }

  /** Returns how many parts were kept. */
  public long partsUploaded() {
    return parts.get();
  }

  /** Returns the sorted paths of uploads with a part that neither completed nor aborted. */
  public List<String> pendingUploads() {
    return pending.values().stream().sorted().toList();
  }
}
