package dev.stowage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The body of a GetObject. Closing it before the end aborts the connection instead of draining
 * the rest of a possibly huge object; SDK runtime failures while reading become IOExceptions, as
 * the {@link dev.stowage.spi.FilesystemAdapter#read} contract asks.
 */
final class ObjectStream extends FilterInputStream {

  private final ResponseInputStream<?> response;
  private final long length;
  private long count;
  private boolean ended;
  private boolean closed;

  /** @param length the body's length when known, else -1 */
  ObjectStream(ResponseInputStream<?> response, long length) {
    super(response);
    this.response = response;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      ended |= b < 0 || count == length;
      return b;
    } catch (SdkException e) {
      throw new IOException("reading the object failed", e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      ended |= n < 0 || count == length;
      return n;
    } catch (SdkException e) {
      throw new IOException("reading the object failed", e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      long skipped = super.skip(n);
      count += skipped;
      ended |= count == length;
      return skipped;
    } catch (SdkException e) {
      throw new IOException("reading the object failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!ended) {
        response.abort();
      }
      response.close();
    } catch (SdkException e) {
      throw new IOException("closing the object stream failed", e);
    }
  }
}
