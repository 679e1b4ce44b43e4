package dev.stowage.spi;

import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Computes {@link Checksum}s by streaming, for the facade's fallback and for adapters that
 * must send a digest with an upload.
 *
 * <pre>{@code
 * Checksums.Hasher sha1 = Checksums.hasher(ChecksumAlgorithm.SHA1);
 * sha1.update(part, 0, part.length);
 * String hex = sha1.finish().hex();
 * }</pre>
 */
public final class Checksums {

  private static final int BUFFER = 64 * 1024;

  private Checksums() {}

  /** Incremental digest state for one algorithm; not thread-safe, use once. */
  public interface Hasher {
    /** Adds {@code len} bytes of {@code b} from {@code off}. */
    void update(byte[] b, int off, int len);

    /** Returns the checksum of everything added. */
    Checksum finish();
  }

  /** Returns a fresh hasher for {@code algorithm}. */
  public static Hasher hasher(ChecksumAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    if (algorithm == ChecksumAlgorithm.CRC32C) {
      CRC32C crc = new CRC32C();
      return new Hasher() {
        @Override
        public void update(byte[] b, int off, int len) {
          crc.update(b, off, len);
        }

        @Override
        public Checksum finish() {
          return new Checksum(algorithm, String.format("%08x", crc.getValue()));
        }
      };
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm.standardName());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm.standardName(), e);
    }
    return new Hasher() {
      @Override
      public void update(byte[] b, int off, int len) {
        digest.update(b, off, len);
      }

      @Override
      public Checksum finish() {
        return new Checksum(algorithm, HexFormat.of().formatHex(digest.digest()));
      }
    };
  }

  /** Returns the checksum of {@code data}. */
  public static Checksum of(byte[] data, ChecksumAlgorithm algorithm) {
    Hasher h = hasher(algorithm);
    h.update(data, 0, data.length);
    return h.finish();
  }

  /** Reads {@code in} to its end (without closing it) and returns the checksum of its bytes. */
  public static Checksum compute(InputStream in, ChecksumAlgorithm algorithm) throws IOException {
    Hasher h = hasher(algorithm);
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      h.update(buffer, 0, n);
    }
    return h.finish();
  }
}
