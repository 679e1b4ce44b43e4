package dev.stowage.b2.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads a byte range of a file's content across its segments, streaming from the store. */
final class Content {
  private Content() {}

  /** Opens {@code length} bytes starting at {@code offset}; the caller closes the stream. */
  static InputStream open(Store store, List<Segment> segments, long offset, long length) {
    return new InputStream() {
      private int index = -1;
      private @Nullable InputStream current;
      private long skip = offset;
      private long remaining = length;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (remaining > 0) {
          if (current == null && !advance()) {
            return -1;
          }
          InputStream in = Objects.requireNonNull(current, "current");
          int n = in.read(b, off, (int) Math.min(len, remaining));
          if (n > 0) {
            remaining -= n;
            return n;
          }
          in.close();
          current = null;
        }
        return -1;
      }

      private boolean advance() throws IOException {
        while (++index < segments.size()) {
          Segment s = segments.get(index);
          if (skip >= s.length()) {
            skip -= s.length();
            continue;
          }
          current = store.openBlob(s.blob(), skip);
          skip = 0;
          return true;
        }
        return false;
      }

      @Override
      public void close() throws IOException {
        if (current != null) {
          current.close();
          current = null;
        }
      }
    };
  }
}
