package dev.stowage.b2.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Streams a request body into a blob while computing SHA-1 and MD5. With {@code hex_digits_at_end} it holds back
 * the last 40 bytes (the client's SHA-1 in hex), which are not stored. Works for fixed-length and chunked bodies.
 */
final class BodyCopier {
  static final int HEX_SHA1 = 40;

  /** What was copied. */
  record Copied(long length, String sha1, String md5, @Nullable String trailer) {}

  private BodyCopier() {}

  static Copied copy(InputStream in, OutputStream out, boolean holdTrailer, long maxLength)
      throws IOException {
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest md5 = digest("MD5");
    int hold = holdTrailer ? HEX_SHA1 : 0;
    byte[] buf = new byte[64 * 1024 + hold];
    int pending = 0;
    long written = 0;
    while (true) {
      int n = in.read(buf, pending, buf.length - pending);
      if (n < 0) {
        break;
      }
      pending += n;
      int flush = pending - hold;
      if (flush > 0) {
        out.write(buf, 0, flush);
        sha1.update(buf, 0, flush);
        md5.update(buf, 0, flush);
        written += flush;
        if (written > maxLength) {
          throw B2Error.BAD_REQUEST.exception("content is larger than " + maxLength + " bytes");
        }
        System.arraycopy(buf, flush, buf, 0, hold);
        pending = hold;
      }
    }
    if (pending < hold) {
      throw B2Error.BAD_REQUEST.exception("body is shorter than the 40 hex digits of its SHA1");
    }
    String trailer = hold > 0 ? new String(buf, 0, hold, StandardCharsets.US_ASCII) : null;
    return new Copied(
        written,
        HexFormat.of().formatHex(sha1.digest()),
        HexFormat.of().formatHex(md5.digest()),
        trailer);
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
