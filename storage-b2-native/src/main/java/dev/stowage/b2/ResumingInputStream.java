package dev.stowage.b2;

import dev.stowage.b2.client.B2Download;
import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a download and, when the connection breaks part-way, continues where it stopped with a
 * ranged download of the same version (by file id, so a concurrent overwrite cannot mix versions
 * into one read). Gives up after the configured number of attempts, or when no byte has arrived
 * for the operation timeout: each read waits at most the idle timeout, and the resumes after the
 * last byte received share one operation deadline, so a stalled download fails in bounded time
 * while one that keeps progressing is never cut.
 */
final class ResumingInputStream extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResumingInputStream.class);

  private final B2Context ctx;
  private final String path;
  private final String fileId;
  private final long endExclusive;
  private InputStream body;
  private long position;
  private int resumes;
  private long lastProgressNanos = System.nanoTime();

  /**
   * @param first the open download
   * @param start the file offset of its first byte
   * @param endExclusive the file offset after its last byte
   */
  ResumingInputStream(B2Context ctx, String path, B2Download first, long start, long endExclusive) {
    this.ctx = ctx;
    this.path = path;
    this.fileId = first.headers().fileId();
    this.body = first.body();
    this.position = start;
    this.endExclusive = endExclusive;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (true) {
      try {
        int n = body.read(b, off, len);
        if (n > 0) {
          position += n;
          lastProgressNanos = System.nanoTime();
        } else if (n < 0 && position < endExclusive) {
          throw new IOException("the download ended at byte " + position + " of " + endExclusive);
        }
        return n;
      } catch (IOException e) {
        resume(e);
      }
    }
  }

  private void resume(IOException failure) throws IOException {
    if (fileId == null || ++resumes >= ctx.config.maxAttempts()) {
      throw failure;
    }
    Duration operation = ctx.config.timeouts().operation();
    Duration left = operation.minusNanos(System.nanoTime() - lastProgressNanos);
    if (left.isNegative() || left.isZero()) {
      IOException stalled =
          new IOException(
              "the download of '"
                  + path
                  + "' made no progress for "
                  + operation.toMillis()
                  + " ms (the operation timeout); giving up at byte "
                  + position,
              failure);
      throw stalled;
    }
    LOG.debug(
        "download of '{}' broke at byte {} ({}); resuming",
        path,
        position,
        failure.getClass().getSimpleName());
    closeQuietly();
    String range = "bytes=" + position + "-" + (endExclusive - 1);
    try {
      body =
          ctx.retries
              .withDeadline(left)
              .call(() -> ctx.client.downloadFileById(fileId, range))
              .body();
    } catch (BackendException e) {
      IOException io = new IOException("resuming the download failed", e);
      io.addSuppressed(failure);
      throw io;
    }
  }

  private void closeQuietly() {
    try {
      body.close();
    } catch (IOException e) {
      // the connection is already broken
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
