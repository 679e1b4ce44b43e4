package dev.stowage.b2;

import dev.stowage.Operation;
import dev.stowage.StorageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a whole-file download through while computing its SHA-1, and fails at the end of the
 * stream when the bytes do not match the SHA-1 B2 reported: the reader gets an {@link IOException}
 * whose cause is an INTEGRITY {@link StorageException}, never silently wrong bytes.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final String path;
  private final String expectedSha1;
  private final long expectedLength;
  private final MessageDigest digest;
  private long count;
  private boolean checked;

  VerifyingInputStream(InputStream in, String path, String expectedSha1, long expectedLength) {
    super(in);
    this.path = path;
    this.expectedSha1 = expectedSha1;
    this.expectedLength = expectedLength;
    try {
      this.digest = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-1", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      verify();
    } else {
      digest.update((byte) b);
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
      digest.update(b, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed, so skip by reading.
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verify() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    String actual = HexFormat.of().formatHex(digest.digest());
    String problem = null;
    if (expectedLength >= 0 && count != expectedLength) {
      problem = "received " + count + " of " + expectedLength + " bytes";
    } else if (!actual.equals(expectedSha1)) {
      problem = "SHA-1 " + actual + " of the bytes received differs from B2's " + expectedSha1;
    }
    if (problem != null) {
      StorageException integrity = StorageException.of(Operation.READ, path,
          StorageException.Kind.INTEGRITY, problem, null);
      throw new IOException("download of '" + path + "' is corrupt: " + problem, integrity);
    }
  }
}
