package dev.stowage.s3;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The client side of {@link MemoryBoundTest}, run in its own JVM with a small heap: uploads a
 * generated stream of unknown length with the adapter's default transfer settings and prints the
 * result, the MD5 of what it sent and the heap high-water mark. Exits non-zero on any failure (an
 * OutOfMemoryError included).
 */
public final class SmallHeapUpload {

  private SmallHeapUpload() {}

  /** Arguments: endpoint, bucket, access key, secret key, size in bytes. */
  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    long size = Long.parseLong(args[4]);
    S3Config config =
        S3Config.builder(args[1])
            .profile(S3Profile.GENERIC)
            .endpoint(endpoint)
            .credentials(args[2], args[3])
            .build();
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    HeapWatch watch = HeapWatch.start();
    long start = System.nanoTime();
    try (Filesystem fs =
        Filesystem.builder(S3Adapter.create(config)).checkDirectoryConflicts(false).build()) {
      FileAttributes written =
          fs.write(
              "big/stream.bin",
              new java.security.DigestInputStream(new GeneratedStream(size), md5),
              WriteOptions.builder().contentType("application/octet-stream").build());
      System.out.println("seconds=" + (System.nanoTime() - start) / 1_000_000_000.0);
      System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
      System.out.println("peakHeapUsed=" + watch.peakUsed());
      System.out.println("peakLiveAfterGc=" + watch.peakAfterGc());
      System.out.println("poolPeakSum=" + poolPeakSum());
      System.out.println("size=" + written.size());
      System.out.println("etag=" + written.etag());
      System.out.println("md5=" + HexFormat.of().formatHex(md5.digest()));
    }
  }

  /**
   * Returns the sum of the heap pools' peak usages (each pool's peak may come at another time, so
   * this overstates the heap ever in use).
   */
  static long poolPeakSum() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /**
   * Samples {@link java.lang.management.MemoryMXBean} heap usage every 20 ms (the high-water mark
   * of the heap in use, uncollected garbage included), and listens to every collection for the
   * heap left after it (the high-water mark of live data).
   */
  static final class HeapWatch {
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong afterGc = new AtomicLong();

    static HeapWatch start() {
      HeapWatch w = new HeapWatch();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (n, handback) -> {
                  if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                      n.getType())) {
                    GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long live = 0;
                    for (Map.Entry<String, MemoryUsage> e :
                        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                      if (HEAP_POOLS.contains(e.getKey())) {
                        live += e.getValue().getUsed();
                      }
                    }
                    w.afterGc.accumulateAndGet(live, Math::max);
                  }
                },
                null,
                null);
      }
      Thread t =
          new Thread(
              () -> {
                MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
                while (true) {
                  w.used.accumulateAndGet(bean.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-watch");
      t.setDaemon(true);
      t.start();
      return w;
    }

    long peakUsed() {
      return used.get();
    }

    long peakAfterGc() {
      return afterGc.get();
    }
  }

  private static final Set<String> HEAP_POOLS = heapPools();

  private static Set<String> heapPools() {
    Set<String> names = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        names.add(pool.getName());
      }
    }
    return names;
  }

  /** Yields {@code size} pseudo-random bytes without holding them; its length is not announced. */
  static final class GeneratedStream extends InputStream {
    private final long size;
    private long position;

    GeneratedStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position >= size ? -1 : (int) (mix(position++) & 0xff);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) mix(position + i);
      }
      position += n;
      return n;
    }

    private static long mix(long x) {
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      return x ^ (x >>> 29);
    }
  }
}
