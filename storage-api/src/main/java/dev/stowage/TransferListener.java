package dev.stowage;

/**
 * Hears how one write, copy or read progresses: give it to a write or copy through
 * {@link WriteOptions.Builder#listener}, to a read through
 * {@link Filesystem#readStream(String, ByteRange, TransferListener, CancellationToken)}. Every
 * method has a no-op default, so a listener overrides only what it needs.
 *
 * <p><b>Events of one transfer:</b> {@link #started} once, first; then any number of
 * {@link #bytesTransferred}, {@link #partCompleted} and {@link #retrying}; then exactly one of
 * {@link #finished} (after a last {@code bytesTransferred} equal to the size, unless that is 0)
 * or {@link #failed}. A read closed before its end finishes with the bytes it returned.
 * A write that fails before it starts (a bad path, an unsupported option) reports nothing.
 *
 * <p><b>Threads:</b> {@code started}, {@code finished} and {@code failed} run on the thread that
 * called the operation (for a read, the thread that reads the stream to its end, or closes it).
 * {@code partCompleted} runs on the pool thread that uploaded the part, so parts are reported in
 * the order they complete, not by number. {@code bytesTransferred} may run on any of these
 * threads but never on two at once, and {@code bytesDone} only grows from one call to the next.
 * {@code retrying} runs on the thread that is about to retry. Keep the methods quick: part
 * uploads wait for them.
 *
 * <p><b>What bytes mean:</b> for a write, bytes taken from the source — read from a stream as the
 * adapter consumes it, or handed to the backend part by part for a file or an array uploaded in
 * parts; a file or an array sent in one request is reported when it completes. For a copy, the
 * size of the copy once it completes. For a read, bytes returned by the stream.
 *
 * <p><b>Failures of the listener:</b> an exception a listener method throws is logged (once per
 * transfer, at WARN) and otherwise ignored: the transfer goes on as if the listener had returned.
 * A listener cannot stop a transfer by throwing; use a {@link CancellationToken}.
 *
 * <!-- given: Filesystem fs; java.nio.file.Path file -->
 * <pre>{@code
 * TransferListener listener = new TransferListener() {
 *   @Override
 *   public void bytesTransferred(long bytesDone, long totalBytes) {
 *     System.err.printf("\r%d of %d bytes", bytesDone, totalBytes);
 *   }
 * };
 * fs.write("backup.tar", file, WriteOptions.builder().listener(listener).build());
 * }</pre>
 */
public interface TransferListener {

  /** A listener that ignores every event. */
  TransferListener NONE = new TransferListener() {};

  /** The transfer starts; {@code totalBytes} is its size, or -1 when not known yet. */
  default void started(long totalBytes) {}

  /**
   * {@code bytesDone} bytes are done so far, out of {@code totalBytes} (-1 when not known);
   * strictly larger than in the previous call for this transfer.
   */
  default void bytesTransferred(long bytesDone, long totalBytes) {}

  /** Part {@code partNumber} (from 1) of a multipart upload, {@code partBytes} long, was stored. */
  default void partCompleted(int partNumber, long partBytes) {}

  /** A request of the transfer failed transiently and is about to be tried again. */
  default void retrying(TransferRetry retry) {}

  /** The transfer succeeded; {@code bytes} is its size. */
  default void finished(long bytes) {}

  /** The transfer failed with {@code failure} (kind CANCELLED when it was cancelled). */
  default void failed(StorageException failure) {}
}
