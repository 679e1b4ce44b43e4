package dev.stowage.local;

import java.io.IOException;
import java.io.InputStream;

/** Serves some bytes, then fails the way a broken upload or network stream does. */
final class FailingInputStream extends InputStream {

  private final int goodBytes;
  private final Runnable beforeFailure;
  private int served;

  /** Serves {@code goodBytes} bytes of 'x', then throws an IOException. */
  FailingInputStream(int goodBytes) {
    this(goodBytes, () -> {});
  }

  /** As {@link #FailingInputStream(int)}, running {@code beforeFailure} when the bytes run out. */
  FailingInputStream(int goodBytes, Runnable beforeFailure) {
    this.goodBytes = goodBytes;
    this.beforeFailure = beforeFailure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0];
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (served >= goodBytes) {
      beforeFailure.run();
      throw new IOException("connection reset by the test");
    }
    int n = Math.min(len, goodBytes - served);
    java.util.Arrays.fill(b, off, off + n, (byte) 'x');
    served += n;
    return n;
  }
}
