package dev.stowage.s3;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import java.io.InputStream;
import java.net.URI;

/**
 * The client side of {@link MemoryBoundTest}, run in its own JVM with a small heap: uploads a
 * generated stream of unknown length and prints the result. Exits non-zero on any failure
 * (an OutOfMemoryError included).
 */
public final class SmallHeapUpload {

  private SmallHeapUpload() {}

  /** Arguments: endpoint, bucket, access key, secret key, size in bytes. */
  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    long size = Long.parseLong(args[4]);
    S3Config config = S3Config.builder(args[1]).profile(S3Profile.GENERIC).endpoint(endpoint)
        .credentials(args[2], args[3]).partSize(16 << 20).concurrency(4).build();
    try (Filesystem fs = Filesystem.builder(S3Adapter.create(config)).checkDirectoryConflicts(false).build()) {
      FileAttributes written = fs.write("big/stream.bin", new GeneratedStream(size),
          WriteOptions.builder().contentType("application/octet-stream").build());
      System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
      System.out.println("size=" + written.size());
      System.out.println("etag=" + written.etag());
    }
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
