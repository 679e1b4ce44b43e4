package dev.stowage.spi;

import dev.stowage.CancellationToken;
import dev.stowage.StorageException;
import dev.stowage.TransferListener;
import dev.stowage.TransferRetry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transfer's listener and cancellation, as the shared machinery sees them: the facade makes
 * one per write, copy or read and attaches it to the {@link WriteSource}; {@link WritePlan} and
 * {@link PartUploader} report parts and bytes through it, and adapters pass {@link #retryHook} to
 * {@link Retrier} so that retries are heard.
 *
 * <p>It keeps the promises of {@link TransferListener}: bytes reported only grow (reports from
 * several threads are serialised and a smaller count is dropped), and an exception a listener
 * throws is logged once and ignored. {@link #NONE} reports nothing and never cancels; the
 * machinery skips all counting for it, so transfers without a listener cost nothing extra.
 *
 * <p>Instances are thread-safe.
 */
public final class Transfer {

  private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);

  /** No listener, no cancellation. */
  public static final Transfer NONE = new Transfer(TransferListener.NONE, null);

  private final TransferListener listener;
  private final @Nullable CancellationToken token;
  private final Object progress = new Object();
  private long done;
  private long total = -1;
  private volatile boolean listenerFailed;

  private Transfer(TransferListener listener, @Nullable CancellationToken token) {
    this.listener = listener;
    this.token = token;
  }

  /** Returns a transfer reporting to {@code listener} and stopped by {@code token} (either may be null). */
  public static Transfer of(
      @Nullable TransferListener listener, @Nullable CancellationToken token) {
    if ((listener == null || listener == TransferListener.NONE) && token == null) {
      return NONE;
    }
    return new Transfer(listener == null ? TransferListener.NONE : listener, token);
  }

  /** Returns whether a listener hears this transfer (else byte counting can be skipped). */
  public boolean reports() {
    return listener != TransferListener.NONE;
  }

  /** Returns whether this transfer's token was cancelled. */
  public boolean isCancelled() {
    return token != null && token.isCancelled();
  }

  /** Throws {@link TransferCancelledException} when this transfer was cancelled. */
  public void throwIfCancelled() throws TransferCancelledException {
    if (isCancelled()) {
      throw new TransferCancelledException();
    }
  }

  /**
   * Runs {@code action} when this transfer is cancelled (at once if it already is); close the
   * registration when the step it guards is over. Without a token, nothing is registered.
   */
  public CancellationToken.Registration onCancel(Runnable action) {
    Objects.requireNonNull(action, "action");
    return token == null ? () -> {} : token.onCancel(action);
  }

  /** Reports the start, with the size when known (-1 otherwise). */
  public void started(long totalBytes) {
    synchronized (progress) {
      total = totalBytes;
    }
    notify(() -> listener.started(totalBytes));
  }

  /** Returns the bytes reported so far. */
  public long bytesDone() {
    synchronized (progress) {
      return done;
    }
  }

  /** Reports that {@code bytesDone} bytes are done, if that is more than reported before. */
  public void advanceTo(long bytesDone) {
    if (!reports()) {
      return;
    }
    synchronized (progress) {
      if (bytesDone <= done) {
        return;
      }
      done = bytesDone;
      long t = total;
      notify(() -> listener.bytesTransferred(bytesDone, t));
    }
  }

  /** Reports {@code delta} more bytes done. */
  public void add(long delta) {
    if (delta <= 0 || !reports()) {
      return;
    }
    synchronized (progress) {
      advanceTo(done + delta);
    }
  }

  /** Reports a stored part. */
  public void partCompleted(int partNumber, long partBytes) {
    if (!reports()) {
      return;
    }
    notify(() -> listener.partCompleted(partNumber, partBytes));
  }

  /** Reports that attempt {@code attempt} (2 or more) starts after {@code failure}. */
  public void retrying(int attempt, Exception failure) {
    StorageException.Kind kind =
        failure instanceof BackendException
            ? ((BackendException) failure).kind()
            : failure instanceof StorageException
                ? ((StorageException) failure).kind()
                : StorageException.Kind.UNAVAILABLE;
    String cause = failure == null ? "unknown" : failure.getClass().getSimpleName();
    notify(() -> listener.retrying(new TransferRetry(Math.max(2, attempt), kind, cause)));
  }

  /**
   * Returns a {@link Retrier.RetryHook} that reports each retry, then runs {@code then} (which
   * may be null): what an adapter passes to {@link Retrier#call(Retrier.Action, Retrier.RetryHook)}.
   * Null when nobody listens and {@code then} is null.
   */
  public Retrier.@Nullable RetryHook retryHook(Retrier.@Nullable RetryHook then) {
    if (!reports()) {
      return then;
    }
    return (attempt, failure) -> {
      retrying(attempt, failure);
      if (then != null) {
        then.beforeRetry(attempt, failure);
      }
    };
  }

  /** Reports success: the bytes reach {@code size}, then the end. */
  public void finished(long size) {
    synchronized (progress) {
      if (total < 0) {
        total = size;
      }
    }
    advanceTo(size);
    notify(() -> listener.finished(size));
  }

  /** Reports the failure that ended the transfer. */
  public void failed(StorageException failure) {
    notify(() -> listener.failed(failure));
  }

  /**
   * Returns {@code in} counting what is read from it into this transfer and failing reads with
   * {@link TransferCancelledException} once cancelled; {@code in} itself when there is nothing to
   * count or cancel.
   */
  public InputStream track(InputStream in) {
    Objects.requireNonNull(in, "in");
    if (this == NONE) {
      return in;
    }
    return new Tracked(in);
  }

  private void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      if (!listenerFailed) {
        listenerFailed = true;
        LOG.warn(
            "a transfer listener failed; its later failures in this transfer are ignored"
                + " silently",
            e);
      }
    }
  }

  /** Counts bytes into the transfer and stops once it is cancelled. */
  private final class Tracked extends FilterInputStream {
    Tracked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      throwIfCancelled();
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      throwIfCancelled();
      int n = in.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      throwIfCancelled();
      long skipped = in.skip(n);
      add(skipped);
      return skipped;
    }

    // mark/reset would count bytes twice.
    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
