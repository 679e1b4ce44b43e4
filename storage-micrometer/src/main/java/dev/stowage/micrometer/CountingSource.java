package dev.stowage.micrometer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps a caller's stream for a write and counts the bytes the filesystem took from it. Never
 * closes the caller's stream (the write contract leaves that to the caller). Not thread-safe.
 */
final class CountingSource extends InputStream {

  private final InputStream in;
  private long consumed;

  CountingSource(InputStream in) {
    this.in = in;
  }

  long consumed() {
    return consumed;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      consumed++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      consumed += n;
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  /** Does not close the caller's stream. */
  @Override
  public void close() {}
}
