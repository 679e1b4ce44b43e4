package dev.stowage;

import dev.stowage.spi.Transfer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stream of a read with a listener or a cancellation token: counts the bytes it returns into
 * the {@link Transfer}, reports the end once (at the end of the data, at close, or at the first
 * failure), and when the token is cancelled closes the underlying stream (from the cancelling
 * thread, which also stops a read blocked on the network) and fails every later read with
 * {@link ReadFailedException} of kind CANCELLED.
 */
final class TrackedReadStream extends FilterInputStream {

  private final Transfer transfer;
  private final String path;
  private final AutoCloseable registration;
  private volatile boolean ended;

  private TrackedReadStream(InputStream in, Transfer transfer, String path) {
    super(in);
    this.transfer = transfer;
    this.path = path;
    this.registration = transfer.onCancel(this::closeQuietly);
  }

  /** Opens {@code range} of {@code path} through {@code fs} as one tracked transfer. */
  static InputStream open(
      Filesystem fs, String path, @Nullable ByteRange range, Transfer transfer) {
    if (transfer == Transfer.NONE) {
      return fs.readStream(path, range);
    }
    transfer.started(-1);
    if (transfer.isCancelled()) {
      throw fail(transfer, cancelled(path, null));
    }
    InputStream in;
    try {
      in = fs.readStream(path, range);
    } catch (RuntimeException e) {
      throw fail(
          transfer,
          transfer.isCancelled()
              ? cancelled(path, e)
              : Failures.wrap(Operation.READ, path, null, e));
    }
    return new TrackedReadStream(in, transfer, path);
  }

  @Override
  public int read() throws IOException {
    check();
    try {
      int b = in.read();
      if (b < 0) {
        end();
      } else {
        transfer.add(1);
      }
      return b;
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    check();
    try {
      int n = in.read(b, off, len);
      if (n < 0) {
        end();
      } else {
        transfer.add(n);
      }
      return n;
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    check();
    try {
      long skipped = in.skip(n);
      transfer.add(skipped);
      return skipped;
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Closes the stream; a read closed before its end reports the bytes it returned as its end. */
  @Override
  public void close() throws IOException {
    closeRegistration();
    try {
      in.close();
    } finally {
      end();
    }
  }

  private void check() {
    if (transfer.isCancelled()) {
      throw failure(null);
    }
  }

  private synchronized void end() {
    if (!ended) {
      ended = true;
      closeRegistration();
      transfer.finished(transfer.bytesDone());
    }
  }

  private RuntimeException failure(@Nullable Exception e) {
    StorageException se =
        transfer.isCancelled()
            ? cancelled(path, e)
            : e instanceof IOException
                ? Failures.io(Operation.READ, path, null, (IOException) e)
                : Failures.wrap(
                    Operation.READ, path, null, (RuntimeException) Objects.requireNonNull(e));
    synchronized (this) {
      if (!ended) {
        ended = true;
        closeRegistration();
        transfer.failed(se);
      }
    }
    return se;
  }

  private static RuntimeException fail(Transfer transfer, StorageException e) {
    transfer.failed(e);
    return e;
  }

  private static StorageException cancelled(String path, @Nullable Throwable cause) {
    return TransferRun.cancelled(Operation.READ, path, null, cause);
  }

  private void closeRegistration() {
    try {
      registration.close();
    } catch (Exception ignored) {
      // A registration's close does not fail.
    }
  }

  private void closeQuietly() {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // The reader learns of the cancel from its next read.
    }
  }
}
