package dev.stowage.spi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter that must see every byte: skipping reads (and so passes the bytes through
 * {@link #read(byte[], int, int)}), and mark/reset are refused, as a reset would show bytes twice.
 */
abstract class ReadThroughInputStream extends FilterInputStream {

  ReadThroughInputStream(InputStream in) {
    super(in);
  }

  @Override
  public final long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public final boolean markSupported() {
    return false;
  }

  @Override
  public final synchronized void mark(int readlimit) {
    // not supported: a reset would pass bytes twice
  }

  @Override
  public final synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}
