package dev.stowage.local;

import dev.stowage.StorageException.Kind;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.WriteSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardOpenOption;

/** The {@link FileContent}s of writes and copies. */
final class Contents {

  private static final int BUFFER = 64 * 1024;

  private Contents() {}

  /** Returns the content of a write from any {@link WriteSource}. */
  static FileContent of(WriteSource source) {
    if (source instanceof WriteSource.Bytes) {
      byte[] data = ((WriteSource.Bytes) source).data();
      return out -> writeFully(out, ByteBuffer.wrap(data));
    }
    if (source instanceof WriteSource.File) {
      WriteSource.File file = (WriteSource.File) source;
      return out -> {
        try (FileChannel in = FileChannel.open(file.path(), StandardOpenOption.READ)) {
          transfer(in, file.length() < 0 ? in.size() : file.length(), out);
        }
      };
    }
    WriteSource.Stream stream = (WriteSource.Stream) source;
    return out -> copy(stream.in(), stream.length(), out);
  }

  /** Returns the content of a copy: all of an open file, which the caller closes. */
  static FileContent copyOf(SeekableByteChannel source) {
    return out -> {
      long size = source.size();
      if (source instanceof FileChannel) {
        transfer((FileChannel) source, size, out);
        return;
      }
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
      while (source.read(buffer) >= 0) {
        buffer.flip();
        writeFully(out, buffer);
        buffer.clear();
      }
    };
  }

  /**
   * Copies a caller's stream (never closed here) to {@code out}: to its end, or exactly
   * {@code length} bytes when known. A failure of the stream itself is reported as such, not
   * as a disk error.
   */
  static void copy(InputStream in, long length, FileChannel out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    while (length < 0 || total < length) {
      int wanted = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - total);
      int n;
      try {
        n = in.read(buffer, 0, wanted);
      } catch (IOException e) {
        throw sourceFailed(e);
      }
      if (n < 0) {
        break;
      }
      writeFully(out, ByteBuffer.wrap(buffer, 0, n));
      total += n;
    }
    if (length >= 0 && total < length) {
      throw LocalErrors.failure(
          Kind.INVALID_INPUT,
          "the stream ended after " + total + " of " + length + " declared bytes");
    }
  }

  private static RuntimeException sourceFailed(IOException e) {
    return BackendException.of(
        Kind.UNEXPECTED, "reading the source failed: " + e.getClass().getSimpleName(), e);
  }

  private static void transfer(FileChannel in, long length, FileChannel out) throws IOException {
    long position = 0;
    while (position < length) {
      long n = in.transferTo(position, length - position, out);
      if (n <= 0) {
        if (position >= in.size()) {
          throw LocalErrors.failure(
              Kind.INVALID_INPUT, "the source became shorter while it was copied");
        }
        continue;
      }
      position += n;
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }
}
