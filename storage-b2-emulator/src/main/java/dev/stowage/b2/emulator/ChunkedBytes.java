package dev.stowage.b2.emulator;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes held in memory as a list of 1 MiB chunks, so that files beyond 2 GiB fit and growth never copies.
 * Written once by one thread, then read by many: the store publishes it through a concurrent map only after the
 * last write, which makes the chunks visible to readers.
 */
final class ChunkedBytes {
  private static final int CHUNK = 1 << 20;

  private final List<byte[]> chunks = new ArrayList<>();
  private volatile long length;

  OutputStream writer() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        long pos = length;
        while (len > 0) {
          int index = (int) (pos / CHUNK);
          int within = (int) (pos % CHUNK);
          if (index == chunks.size()) {
            chunks.add(new byte[CHUNK]);
          }
          int n = Math.min(len, CHUNK - within);
          System.arraycopy(b, off, chunks.get(index), within, n);
          off += n;
          len -= n;
          pos += n;
        }
        length = pos;
      }
    };
  }

  long length() {
    return length;
  }

  InputStream reader(long offset) {
    long end = length;
    return new InputStream() {
      private long pos = Math.min(offset, end);

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= end) {
          return -1;
        }
        int index = (int) (pos / CHUNK);
        int within = (int) (pos % CHUNK);
        int n = (int) Math.min(Math.min(len, CHUNK - within), end - pos);
        System.arraycopy(chunks.get(index), within, b, off, n);
        pos += n;
        return n;
      }
    };
  }
}
