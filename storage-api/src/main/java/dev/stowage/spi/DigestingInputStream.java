package dev.stowage.spi;

import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Passes a stream through while computing a checksum of every byte read, on a background thread,
 * so that hashing what an upload sends overlaps with reading and sending it instead of adding to
 * it. {@link #checksum()} waits for the hash of everything read so far, and may be called after
 * {@link #close()}. Skipping is reading.
 * Not thread-safe, like any stream.
 */
public final class DigestingInputStream extends ReadThroughInputStream {
  private final BackgroundHasher hasher;
  private boolean done;

  /** Wraps {@code in}, hashing with {@code algorithm}. */
  public DigestingInputStream(InputStream in, ChecksumAlgorithm algorithm) {
    super(Objects.requireNonNull(in, "in"));
    this.hasher = new BackgroundHasher(Objects.requireNonNull(algorithm, "algorithm"));
  }

  /** Adds bytes that were read before this stream was made (a head read to choose a strategy). */
  public void prepend(byte[] bytes) throws IOException {
    hasher.update(bytes, 0, bytes.length);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      hasher.update(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      hasher.update(b, off, n);
    }
    return n;
  }

  /**
   * Returns the checksum of every byte read (call once, after the last read).
   *
   * @throws java.io.InterruptedIOException when interrupted while the last bytes are hashed
   */
  public Checksum checksum() throws IOException {
    if (done) {
      throw new IllegalStateException("checksum() was already called");
    }
    done = true;
    return hasher.finish();
  }
}
