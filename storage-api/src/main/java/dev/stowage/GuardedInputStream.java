package dev.stowage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream {@link Filesystem#readStream} returns: a failure of the adapter's stream surfaces as
 * an unchecked {@link ReadFailedException} (UNAVAILABLE, or INTEGRITY when the adapter said so),
 * never as a quietly shortened read.
 */
final class GuardedInputStream extends FilterInputStream {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedInputStream.class);

  private final String path;

  GuardedInputStream(InputStream in, String path) {
    super(in);
    this.path = path;
  }

  @Override
  public int read() {
    try {
      return in.read();
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) {
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  /**
   * Lets the adapter's stream hand over everything at once (an in-memory stream copies its array
   * once) instead of the default loop through 8 KiB buffers.
   */
  @Override
  public byte[] readAllBytes() {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  @Override
  public byte[] readNBytes(int len) {
    try {
      return in.readNBytes(len);
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  @Override
  public int readNBytes(byte[] b, int off, int len) {
    try {
      return in.readNBytes(b, off, len);
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  /**
   * Lets the adapter's stream move its bytes in its own pieces (a local file sends 256 KiB at a
   * time) instead of the default 8 KiB loop. A failure of {@code out} is the caller's own and
   * comes back unchanged; a failure of the read is wrapped like any other.
   */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            try {
              out.write(b);
            } catch (IOException e) {
              throw new SinkFailure(e);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            try {
              out.write(b, off, len);
            } catch (IOException e) {
              throw new SinkFailure(e);
            }
          }
        };
    try {
      return in.transferTo(sink);
    } catch (SinkFailure e) {
      throw e.original;
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  /** Carries a failure of the caller's output stream through the adapter's transferTo. */
  private static final class SinkFailure extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient IOException original;

    SinkFailure(IOException original) {
      super(original.getMessage(), original);
      this.original = original;
    }
  }

  @Override
  public long skip(long n) {
    try {
      return in.skip(n);
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  @Override
  public int available() {
    try {
      return in.available();
    } catch (IOException e) {
      throw Failures.io(Operation.READ, path, null, e);
    } catch (RuntimeException e) {
      throw Failures.wrap(Operation.READ, path, null, e);
    }
  }

  /**
   * Closes the adapter's stream. A failure to close is logged, not thrown: closing early (after a
   * partial read) may legitimately abort a connection, and the bytes read so far were complete.
   */
  @Override
  public void close() {
    closeQuietly(in, path);
  }

  /** Closes an adapter's stream of {@code path}, logging (not throwing) a failure. */
  static void closeQuietly(InputStream in, String path) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the stream of '{}' failed", path, e);
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
