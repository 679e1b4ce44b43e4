package dev.stowage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Streams {@code [start, endExclusive)} of an open file and closes the file with the stream.
 * If the file shrinks while being read the stream ends early with an {@link IOException}, so a
 * truncated read is never mistaken for the whole range.
 */
final class RangeInputStream extends InputStream {

  private final SeekableByteChannel channel;
  private final long end;
  private long position;

  RangeInputStream(SeekableByteChannel channel, long start, long endExclusive) throws IOException {
    this.channel = channel;
    this.position = start;
    this.end = endExclusive;
    channel.position(start);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (position >= end) {
      return -1;
    }
    int wanted = (int) Math.min(len, end - position);
    int n = channel.read(ByteBuffer.wrap(b, off, wanted));
    if (n < 0) {
      throw new IOException("the file became shorter while it was being read");
    }
    position += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    long skipped = Math.min(n, end - position);
    position += skipped;
    channel.position(position);
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - position));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
