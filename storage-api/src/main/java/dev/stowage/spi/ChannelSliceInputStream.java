package dev.stowage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads {@code [offset, offset + length)} of a channel by position, never moving its position. */
final class ChannelSliceInputStream extends InputStream {

  private final FileChannel channel;
  private final long end;
  private long position;

  ChannelSliceInputStream(FileChannel channel, long offset, long length) {
    this.channel = channel;
    this.position = offset;
    this.end = offset + length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position >= end) {
      return -1;
    }
    int wanted = (int) Math.min(len, end - position);
    int n = channel.read(ByteBuffer.wrap(b, off, wanted), position);
    if (n < 0) {
      throw new IOException("the file shrank while being uploaded");
    }
    position += n;
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, end - position);
  }
}
