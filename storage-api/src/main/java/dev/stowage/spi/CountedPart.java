package dev.stowage.spi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A part whose reads are counted into a {@link Transfer}: each byte of the part once, however
 * often the session opens it (a checksum pass, a retry), so the transfer's count only grows and
 * ends at the size.
 */
final class CountedPart implements PartData {

  private final PartData part;
  private final Transfer transfer;
  private long counted;

  CountedPart(PartData part, Transfer transfer) {
    this.part = part;
    this.transfer = transfer;
  }

  @Override
  public int partNumber() {
    return part.partNumber();
  }

  @Override
  public long offset() {
    return part.offset();
  }

  @Override
  public long length() {
    return part.length();
  }

  @Override
  public InputStream open() throws IOException {
    return new Counting(part.open());
  }

  @Override
  public void release() {
    part.release();
  }

  /** Reports bytes past the furthest point any stream of this part reached. */
  private synchronized void reached(long position) {
    if (position > counted) {
      transfer.add(position - counted);
      counted = position;
    }
  }

  private final class Counting extends FilterInputStream {
    private long position;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        reached(++position);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        position += n;
        reached(position);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      position += Math.max(0, skipped);
      return skipped;
    }

    // A reset goes back without uncounting: only bytes past the furthest point count again.
    private long marked;

    @Override
    public synchronized void mark(int readlimit) {
      in.mark(readlimit);
      marked = position;
    }

    @Override
    public synchronized void reset() throws IOException {
      in.reset();
      position = marked;
    }
  }
}
