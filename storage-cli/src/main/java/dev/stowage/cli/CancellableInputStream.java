package dev.stowage.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails every read with an {@link java.io.InterruptedIOException} once the process is being
 * stopped ({@link Cancellation#check()}), so a transfer ends, and its upload is cancelled or its
 * temporary file removed, even when nothing interrupts the thread that reads.
 */
final class CancellableInputStream extends FilterInputStream {

  CancellableInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    Cancellation.check();
    return super.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Cancellation.check();
    return super.read(buffer, offset, length);
  }

  @Override
  public long skip(long n) throws IOException {
    Cancellation.check();
    return super.skip(n);
  }
}
