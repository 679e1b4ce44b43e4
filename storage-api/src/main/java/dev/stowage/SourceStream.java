package dev.stowage;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps a caller's stream for a write: never closes it, never reads past a known length, and
 * fails while being read when the stream ends before that length — so that the adapter aborts
 * instead of storing a short file. {@link #endedEarly()} tells the facade that the failure was the
 * caller's input, whatever the adapter made of it.
 */
final class SourceStream extends InputStream {

  /** Thrown from {@code read} when the caller's stream ends before the declared length. */
  static final class EndedEarlyException extends EOFException {
    private static final long serialVersionUID = 1L;

    EndedEarlyException(long got, long expected) {
      super("the stream ended after " + got + " of " + expected + " declared bytes");
    }
  }

  private final InputStream in;
  private final long length;
  private long position;
  private volatile boolean endedEarly;

  /** Wraps {@code in}; {@code length} is -1 when unknown. */
  SourceStream(InputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  /** Returns whether the caller's stream ended before the declared length. */
  boolean endedEarly() {
    return endedEarly;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int wanted = len;
    if (length >= 0) {
      long remaining = length - position;
      if (remaining <= 0) {
        return -1;
      }
      wanted = (int) Math.min(len, remaining);
    }
    int n = in.read(b, off, wanted);
    if (n < 0) {
      if (length >= 0 && position < length) {
        endedEarly = true;
        throw new EndedEarlyException(position, length);
      }
      return -1;
    }
    position += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping is implemented by reading so that the length accounting stays exact.
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
  public int available() throws IOException {
    int available = in.available();
    return length < 0 ? available : (int) Math.min(available, length - position);
  }

  /** Leaves the caller's stream open: it belongs to the caller. */
  @Override
  public void close() {}
}
