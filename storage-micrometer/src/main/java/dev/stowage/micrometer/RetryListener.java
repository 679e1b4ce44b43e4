package dev.stowage.micrometer;

import dev.stowage.Operation;
import dev.stowage.StorageException;
import dev.stowage.TransferListener;
import dev.stowage.TransferRetry;
import org.jspecify.annotations.Nullable;

/**
 * The listener the decorator attaches to each write, copy and stream read: counts every retry
 * through {@link Recorder#retried}, and passes every event on to the caller's own listener. The
 * caller's listener hears each event even when counting fails; an exception the caller's listener
 * throws reaches the transfer (which logs it) only after the retry was counted.
 */
final class RetryListener implements TransferListener {

  private final Recorder recorder;
  private final Operation operation;
  private final TransferListener caller;

  private RetryListener(Recorder recorder, Operation operation, TransferListener caller) {
    this.recorder = recorder;
    this.operation = operation;
    this.caller = caller;
  }

  /** Returns {@code caller} (null: none) composed with the counting of {@code operation}'s retries. */
  static TransferListener around(
      @Nullable TransferListener caller, Recorder recorder, Operation operation) {
    return new RetryListener(recorder, operation, caller == null ? TransferListener.NONE : caller);
  }

  @Override
  public void started(long totalBytes) {
    caller.started(totalBytes);
  }

  @Override
  public void bytesTransferred(long bytesDone, long totalBytes) {
    caller.bytesTransferred(bytesDone, totalBytes);
  }

  @Override
  public void partCompleted(int partNumber, long partBytes) {
    caller.partCompleted(partNumber, partBytes);
  }

  @Override
  public void retrying(TransferRetry retry) {
    RuntimeException counting = null;
    try {
      recorder.retried(operation, retry.kind());
    } catch (RuntimeException e) {
      counting = e;
    }
    try {
      caller.retrying(retry);
    } catch (RuntimeException e) {
      if (counting != null) {
        e.addSuppressed(counting);
      }
      throw e;
    }
    if (counting != null) {
      throw counting;
    }
  }

  @Override
  public void finished(long bytes) {
    caller.finished(bytes);
  }

  @Override
  public void failed(StorageException failure) {
    caller.failed(failure);
  }
}
