package dev.stowage;

import java.io.OutputStream;

/**
 * The stream {@link Filesystem#openOutputStream} returns: bytes written become the file when
 * {@link #close()} returns normally, and never otherwise.
 *
 * <p>{@link #abort()} discards the upload: nothing appears at the path, and an unfinished
 * multipart upload or large file is cancelled on the backend before {@code abort()} returns.
 * Closing the stream on a thread that has been interrupted aborts too (and throws), so that a
 * cancelled task never commits half a file. Use {@code abort()} when your own code fails half-way:
 *
 * <!-- given: String report -->
 * <pre>{@code
 * UploadStream out = fs.openOutputStream("reports/2026.csv", WriteOptions.DEFAULT);
 * try {
 *   out.write(report.getBytes(StandardCharsets.UTF_8));
 * } catch (RuntimeException e) {
 *   out.abort();          // nothing is written, nothing is left behind
 *   throw e;
 * }
 * out.close();            // commits
 * }</pre>
 *
 * <p>A plain try-with-resources commits whatever was written when the block ends, even by an
 * exception: that is {@link OutputStream}'s contract, and why {@code abort()} exists.
 * Not thread-safe, like any stream.
 */
public abstract class UploadStream extends OutputStream {

  /**
   * For adapters and for decorators that wrap another filesystem's stream. A subclass must keep
   * this class's contract: the bytes become the file only when {@link #close()} returns normally,
   * {@link #abort()} (and a close on an interrupted thread) leaves nothing behind, and a decorator
   * forwards {@code write}, {@code close} and {@code abort} to the stream it wraps.
   */
  protected UploadStream() {}

  /** Writes one byte; failures are unchecked {@link WriteFailedException}s. */
  @Override
  public abstract void write(int b);

  /** Writes {@code b}; failures are unchecked {@link WriteFailedException}s. */
  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  /** Writes {@code len} bytes of {@code b} from {@code off}; failures are unchecked. */
  @Override
  public abstract void write(byte[] b, int off, int len);

  /** Commits the upload (see the class doc); failures are unchecked {@link WriteFailedException}s. */
  @Override
  public abstract void close();

  /**
   * Discards the upload: nothing becomes visible at the path and no multipart upload is left on
   * the backend. Idempotent; does nothing after a successful {@link #close()}. Further writes fail.
   */
  public abstract void abort();
}
