package dev.stowage.spi;

import dev.stowage.Checksum;
import dev.stowage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Passes a download through while computing its checksum, and fails at the end of the stream
 * when the bytes do not match what the backend stored: the reader gets an {@link IOException}
 * whose cause is an INTEGRITY {@link BackendException} naming both digests (or both lengths),
 * never silently wrong bytes.
 *
 * <p>Only the end of the stream is checked: a reader that closes early gets no verdict, and
 * bytes already handed out before the end cannot be taken back, so callers that write to a
 * destination must treat an INTEGRITY failure as "discard what you wrote". Skipped bytes are
 * read and hashed. Not thread-safe, like any stream.
 *
 * <p>Downloads of at least {@value #BACKGROUND_FROM} bytes (or of unknown length) are hashed on a
 * background thread while the next bytes arrive (see {@code BackgroundHasher}): a SHA-1 or MD5
 * pass costs about as much CPU as receiving the bytes, and done in line it halved the rate.
 */
public final class VerifyingInputStream extends ReadThroughInputStream {
  /** The smallest download hashed on a background thread; smaller ones are hashed in line. */
  public static final long BACKGROUND_FROM = 1024 * 1024;

  private final String path;
  private final Checksum expected;
  private final long expectedLength;
  private final String source;
  private final Checksums.@Nullable Hasher hasher;
  private final @Nullable BackgroundHasher background;
  private long count;
  private boolean checked;

  /**
   * Wraps {@code in}.
   *
   * @param path the path being read, for the message
   * @param expected the checksum the backend stored for exactly these bytes
   * @param expectedLength the number of bytes expected, or -1 when unknown
   * @param source who vouched for {@code expected}, e.g. {@code "B2"} or {@code "the S3 ETag"}
   */
  public VerifyingInputStream(
      InputStream in, String path, Checksum expected, long expectedLength, String source) {
    super(Objects.requireNonNull(in, "in"));
    this.path = Objects.requireNonNull(path, "path");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.expectedLength = expectedLength;
    this.source = Objects.requireNonNull(source, "source");
    boolean large = expectedLength < 0 || expectedLength >= BACKGROUND_FROM;
    this.hasher = large ? null : Checksums.hasher(expected.algorithm());
    this.background = large ? new BackgroundHasher(expected.algorithm()) : null;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      verify();
    } else {
      hash(new byte[] {(byte) b}, 0, 1);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      verify();
    } else {
      hash(b, off, n);
      count += n;
    }
    return n;
  }

  private void hash(byte[] b, int off, int n) throws IOException {
    if (background != null) {
      background.update(b, off, n);
    } else if (hasher != null) {
      hasher.update(b, off, n);
    }
  }

  @Override
  public void close() throws IOException {
    if (background != null && !checked) {
      background.abandon();
    }
    super.close();
  }

  private void verify() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    String problem = null;
    if (expectedLength >= 0 && count != expectedLength) {
      problem = "received " + count + " of " + expectedLength + " bytes";
    } else {
      Checksum actual =
          background != null ? background.finish() : Objects.requireNonNull(hasher).finish();
      if (!actual.hex().equals(expected.hex())) {
        String name = expected.algorithm().name().toLowerCase(java.util.Locale.ROOT);
        problem =
            "expected "
                + name
                + " "
                + expected.hex()
                + " ("
                + source
                + "), got "
                + actual.hex()
                + " from the bytes received";
      }
    }
    if (problem != null) {
      BackendException integrity = BackendException.of(StorageException.Kind.INTEGRITY, problem);
      throw new IOException("download of '" + path + "' is corrupt: " + problem, integrity);
    }
  }
}
