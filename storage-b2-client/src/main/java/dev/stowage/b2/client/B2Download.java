package dev.stowage.b2.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An open download: the file's headers and a stream over the bytes that were asked for. Close it
 * (or its body) to release the connection.
 */
public final class B2Download implements Closeable {
  private final B2FileHeaders headers;
  private final boolean partial;
  private final long rangeStart;
  private final long contentLength;
  private final InputStream body;

  B2Download(
      B2FileHeaders headers,
      boolean partial,
      long rangeStart,
      long contentLength,
      InputStream body) {
    this.headers = Objects.requireNonNull(headers, "headers");
    this.partial = partial;
    this.rangeStart = rangeStart;
    this.contentLength = contentLength;
    this.body = Objects.requireNonNull(body, "body");
  }

  /** Returns what the response headers say about the file. */
  public B2FileHeaders headers() {
    return headers;
  }

  /** Returns whether the body is a part of the file (206) rather than all of it (200). */
  public boolean isPartial() {
    return partial;
  }

  /** Returns the offset in the file of the body's first byte (0 unless partial). */
  public long rangeStart() {
    return rangeStart;
  }

  /** Returns how many bytes the body holds. */
  public long contentLength() {
    return contentLength;
  }

  /** Returns the body; reading it past a truncated response fails with an {@link IOException}. */
  public InputStream body() {
    return body;
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
