package dev.stowage.spi;

import dev.stowage.FileAttributes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A multipart session that keeps parts, records calls and can hold parts at a gate. */
final class RecordingSession implements MultipartSession<String> {

  final Map<Integer, byte[]> parts = new ConcurrentHashMap<>();
  final List<Integer> started = new CopyOnWriteArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final AtomicLong completedBytes = new AtomicLong();
  final AtomicInteger aborts = new AtomicInteger();
  final AtomicInteger completes = new AtomicInteger();
  volatile List<String> receipts;
  volatile int failOnPart = -1;
  volatile boolean failOnComplete;

  /** When set, each part waits for a permit before finishing. */
  volatile Semaphore gate;

  @Override
  public String uploadPart(PartData part) throws IOException {
    started.add(part.partNumber());
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      byte[] bytes;
      try (InputStream in = part.open()) {
        bytes = in.readAllBytes();
      }
      if (bytes.length != part.length()) {
        throw new IOException("length mismatch in part " + part.partNumber());
      }
      // Opening twice must give the same bytes (parts may be re-read for checksums or retries).
      try (InputStream again = part.open()) {
        if (again.readAllBytes().length != bytes.length) {
          throw new IOException("part cannot be reopened");
        }
      }
      Semaphore g = gate;
      if (g != null) {
        g.acquire();
      }
      if (part.partNumber() == failOnPart) {
        throw new IOException("part " + part.partNumber() + " failed");
      }
      parts.put(part.partNumber(), bytes);
      completedBytes.addAndGet(bytes.length);
      return "r" + part.partNumber();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("part interrupted");
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public FileAttributes complete(List<String> receipts) throws IOException {
    completes.incrementAndGet();
    this.receipts = List.copyOf(receipts);
    if (failOnComplete) {
      throw new IOException("complete failed");
    }
    return FileAttributes.of("f", assembled().length);
  }

  @Override
  public void abort() {
    aborts.incrementAndGet();
  }

  byte[] assembled() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i <= parts.size(); i++) {
      out.writeBytes(parts.get(i));
    }
    return out.toByteArray();
  }
}
