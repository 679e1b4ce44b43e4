package dev.stowage.b2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Marks a failure to read the caller's local source (a file that vanished or cannot be read)
 * during an upload, so that it is not mistaken for a network failure and retried.
 */
final class LocalSourceException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  LocalSourceException(IOException cause) {
    super("reading the local source failed: " + cause.getClass().getSimpleName(), cause);
  }

  /** Returns {@code in} with every read failure turned into a {@link LocalSourceException}. */
  static InputStream guard(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() {
        try {
          return in.read();
        } catch (IOException e) {
          throw new LocalSourceException(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) {
        try {
          return in.read(b, off, len);
        } catch (IOException e) {
          throw new LocalSourceException(e);
        }
      }
    };
  }
}
