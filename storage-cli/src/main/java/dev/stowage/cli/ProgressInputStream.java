package dev.stowage.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports every byte read through it to a {@link ProgressBar}. */
final class ProgressInputStream extends FilterInputStream {

  private final ProgressBar bar;

  ProgressInputStream(InputStream in, ProgressBar bar) {
    super(in);
    this.bar = bar;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      bar.advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      bar.advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      bar.advance(skipped);
    }
    return skipped;
  }

  // mark/reset would count bytes twice; transfers never need them.
  @Override
  public boolean markSupported() {
    return false;
  }
}
