package dev.stowage.b2.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Streams exactly {@code length} bytes of an upload; with {@code hexAtEnd}, appends the 40 hex
 * digits of their SHA-1 ({@code X-Bz-Content-Sha1: hex_digits_at_end}). The source is read once,
 * so the body is one-shot: a retry needs a new body over a re-opened source.
 */
final class UploadBody extends RequestBody {
  private static final int BUFFER = 64 * 1024;

  private final @Nullable MediaType type;
  private final InputStream source;
  private final long length;
  private final boolean hexAtEnd;

  UploadBody(@Nullable MediaType type, InputStream source, long length, boolean hexAtEnd) {
    this.type = type;
    this.source = source;
    this.length = length;
    this.hexAtEnd = hexAtEnd;
  }

  @Override
  public @Nullable MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return length + (hexAtEnd ? 40 : 0);
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    MessageDigest sha1 = hexAtEnd ? Sha1s.newDigest() : null;
    byte[] buffer = new byte[BUFFER];
    long remaining = length;
    while (remaining > 0) {
      int n = source.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new EOFException(
            "upload source ended " + remaining + " bytes early (of " + length + ")");
      }
      if (sha1 != null) {
        sha1.update(buffer, 0, n);
      }
      sink.write(buffer, 0, n);
      remaining -= n;
    }
    if (sha1 != null) {
      sink.write(Sha1s.hex(sha1.digest()).getBytes(StandardCharsets.US_ASCII));
    }
  }
}
