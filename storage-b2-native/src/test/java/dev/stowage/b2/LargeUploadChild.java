package dev.stowage.b2;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Run in a JVM with a small heap by {@link LargeUploadMemoryTest}: writes a stream of unknown
 * length, generated on the fly, and prints its SHA-1, its size and the peak heap use.
 *
 * <p>Arguments: endpoint, bucket, path, size in bytes, then optionally part size and concurrency
 * (without them: the default settings). Credentials come from
 * {@code B2_APPLICATION_KEY_ID}/{@code B2_APPLICATION_KEY}.
 */
public final class LargeUploadChild {

  private LargeUploadChild() {}

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    long size = Long.parseLong(args[3]);
    B2Config.Builder builder =
        B2Config.builder(args[1]).endpoint(endpoint).credentials(B2Credentials.environment());
    if (args.length > 5) {
      builder.partSize(Long.parseLong(args[4])).concurrency(Integer.parseInt(args[5]));
    }
    B2Config config = builder.build();
    long start = System.nanoTime();
    Generated source = new Generated(size);
    try (Filesystem fs = Filesystem.of(B2Adapter.create(config))) {
      FileAttributes a = fs.write(args[2], source, WriteOptions.DEFAULT);
      System.out.println("size=" + a.size());
      System.out.println("seconds=" + (System.nanoTime() - start) / 1_000_000_000.0);
    }
    System.out.println("sha1=" + HexFormat.of().formatHex(source.sha1.digest()));
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("peakHeap=" + peak);
  }

  /**
   * {@code size} pseudo-random bytes: a 1 MiB random block, each copy stamped with its index so
   * that every block differs (misordered parts would change the SHA-1). Read-only, no length known.
   */
  static final class Generated extends InputStream {
    private static final int BLOCK = 1 << 20;
    private final byte[] block = new byte[BLOCK];
    private final long size;
    private final MessageDigest sha1;
    private long position;

    Generated(long size) throws NoSuchAlgorithmException {
      this.size = size;
      this.sha1 = MessageDigest.getInstance("SHA-1");
      new Random(20261123).nextBytes(block);
    }

    /** Returns the SHA-1 of the bytes read so far (call once, at the end). */
    String hex() {
      return HexFormat.of().formatHex(sha1.digest());
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int inBlock = (int) (position % BLOCK);
      if (inBlock == 0) {
        long index = position / BLOCK;
        for (int i = 0; i < 8; i++) {
          block[i * 4096] = (byte) (index >>> (8 * i));
        }
      }
      int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
      System.arraycopy(block, inBlock, b, off, n);
      sha1.update(b, off, n);
      position += n;
      return n;
    }
  }
}
