package dev.stowage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stream a read returns: the whole of an open file, or {@code [start, endExclusive)} of it,
 * closing the file with the stream.
 *
 * <p>Callers often read in small pieces ({@code InputStream.transferTo} and {@code Files.copy}
 * ask for 8 KiB at a time); each piece would be a system call. Reads smaller than
 * {@value #DIRECT} bytes are therefore served from a read-ahead buffer filled {@value #CHUNK}
 * bytes at a time; larger ones go straight to the file, where a buffer would only add a copy.
 * {@link #transferTo} moves {@value #CHUNK}-byte pieces.
 *
 * <p>A whole-file stream ends where the file ends when it is read. A range stream that meets the
 * end of the file before the end of its range fails with an {@link IOException}, so a file that
 * shrank while being read is never mistaken for the whole range.
 */
final class FileReadStream extends InputStream {

  /** The size of one read from the file when the caller asks for less than {@link #DIRECT}. */
  static final int CHUNK = 256 * 1024;

  /** Reads of at least this many bytes bypass the read-ahead buffer. */
  static final int DIRECT = 32 * 1024;

  private final SeekableByteChannel channel;

  /** Where the range ends (exclusive), or -1 for the end of the file. */
  private final long end;

  /** The file position of the next byte the caller gets. */
  private long position;

  /** Read ahead of {@link #position}; null until a small read needs it. */
  private @Nullable ByteBuffer buffer;

  /** The largest buffer worth allocating: the file's size when opened, at most {@link #CHUNK}. */
  private final int bufferLimit;

  private boolean closed;

  private FileReadStream(SeekableByteChannel channel, long start, long end, long size)
      throws IOException {
    this.channel = channel;
    this.position = start;
    this.end = end;
    long span = (end < 0 ? size : end) - start;
    this.bufferLimit = (int) Math.max(1, Math.min(CHUNK, span));
    if (start != 0) {
      channel.position(start);
    }
  }

  /** Returns a stream of the whole file; {@code size} is its size now (a buffer-size hint). */
  static FileReadStream whole(SeekableByteChannel channel, long size) throws IOException {
    return new FileReadStream(channel, 0, -1, size);
  }

  /** Returns a stream of {@code [start, endExclusive)}, which must lie inside the file now. */
  static FileReadStream range(SeekableByteChannel channel, long start, long endExclusive)
      throws IOException {
    return new FileReadStream(channel, start, endExclusive, endExclusive);
  }

  @Override
  public int read() throws IOException {
    ensureOpen();
    if (buffer != null && buffer.hasRemaining()) {
      position++;
      return buffer.get() & 0xff;
    }
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    if (buffer != null && buffer.hasRemaining()) {
      int n = Math.min(len, buffer.remaining());
      buffer.get(b, off, n);
      position += n;
      return n;
    }
    long left = remaining();
    if (left == 0) {
      return -1;
    }
    int wanted = (int) Math.min(len, left);
    if (wanted >= Math.min(DIRECT, bufferLimit)) {
      // Large enough to go straight to the file: no extra copy.
      return fromFile(ByteBuffer.wrap(b, off, wanted));
    }
    if (buffer == null) {
      buffer = ByteBuffer.allocate(bufferLimit);
    }
    buffer.clear();
    buffer.limit((int) Math.min(buffer.capacity(), left));
    int filled = fromFileIntoBuffer(buffer);
    if (filled < 0) {
      return -1;
    }
    int n = Math.min(len, filled);
    buffer.get(b, off, n);
    position += n;
    return n;
  }

  /** Reads into {@code target} at the current position; returns the count or -1 at the end. */
  private int fromFile(ByteBuffer target) throws IOException {
    int n = channel.read(target);
    if (n < 0) {
      return endOfFile();
    }
    position += n;
    return n;
  }

  /** Fills the read-ahead buffer from the file (position unchanged); returns its fill or -1. */
  private int fromFileIntoBuffer(ByteBuffer buffer) throws IOException {
    int n = channel.read(buffer);
    buffer.flip();
    if (n < 0) {
      return endOfFile();
    }
    return n;
  }

  private int endOfFile() throws IOException {
    if (end >= 0) {
      throw new IOException("the file became shorter while it was being read");
    }
    return -1;
  }

  /** Returns how many bytes the range still holds, or Long.MAX_VALUE to the end of the file. */
  private long remaining() {
    return end < 0 ? Long.MAX_VALUE : end - position;
  }

  /** Moves the rest of the stream to {@code out} in {@value #CHUNK}-byte pieces. */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    ensureOpen();
    long total = 0;
    if (buffer != null && buffer.hasRemaining()) {
      int n = buffer.remaining();
      out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
      buffer.position(buffer.limit());
      position += n;
      total += n;
    }
    // At least DIRECT or bufferLimit, so each read below goes straight to the file.
    byte[] piece = new byte[Math.min(CHUNK, Math.max(bufferLimit, 8192))];
    for (int n; (n = read(piece, 0, piece.length)) >= 0; ) {
      out.write(piece, 0, n);
      total += n;
    }
    return total;
  }

  @Override
  public long skip(long n) throws IOException {
    ensureOpen();
    if (n <= 0) {
      return 0;
    }
    long limit = end < 0 ? Math.max(0, channel.size() - position) : end - position;
    long skipped = Math.min(n, limit);
    if (skipped == 0) {
      return 0;
    }
    position += skipped;
    if (buffer != null && buffer.remaining() > skipped) {
      buffer.position(buffer.position() + (int) skipped);
    } else {
      // Past what was read ahead: the next read starts at the new position.
      if (buffer != null) {
        buffer.position(buffer.limit());
      }
      channel.position(position);
    }
    return skipped;
  }

  @Override
  public int available() throws IOException {
    ensureOpen();
    long ahead = buffer == null ? 0 : buffer.remaining();
    long left = end < 0 ? Math.max(0, channel.size() - position) : end - position;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(ahead, left));
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the stream is closed");
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    channel.close();
  }
}
