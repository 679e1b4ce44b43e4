package dev.stowage;

import dev.stowage.spi.WriteSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The stream {@link Filesystem#openOutputStream} returns. The first {@link MimeDetector#HEAD_LIMIT}
 * bytes are kept in memory: a small file is written in one call on {@code close()}. Past that, a
 * daemon thread runs the adapter's write of unknown length and this stream feeds it through a
 * small bounded queue, so memory stays bounded whatever the size. Nothing is visible at the path
 * before {@code close()} returns; a failure surfaces from {@code write} or {@code close} as a
 * {@link WriteFailedException}.
 *
 * <p>Aborting (or closing on an interrupted thread, or an interrupt while writing) makes the
 * adapter's source stream fail, so the adapter cancels its upload, and waits for the worker to
 * finish that cancellation before returning.
 */
final class BackgroundWriteStream extends UploadStream {

  /** Performs the actual write; {@code head} is the start of the content, for type detection. */
  interface Sink {
    void write(WriteSource source, byte[] head);
  }

  private static final int CHUNK = 64 * 1024;
  private static final int QUEUED_CHUNKS = 8;
  private static final byte[] END = new byte[0];
  private static final byte[] ABORT = new byte[0];

  /** How long an abort waits for the adapter to cancel; adapters bound their own calls. */
  private static final long ABORT_WAIT_MILLIS = 120_000;

  private final String path;
  private final Sink sink;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private byte @Nullable [] chunk;
  private int chunkFill;
  private @Nullable BlockingQueue<byte[]> queue;
  private @Nullable Thread worker;
  private volatile @Nullable RuntimeException failure;
  private volatile boolean workerDone;
  private boolean closed;
  private volatile boolean aborted;

  BackgroundWriteStream(String path, Sink sink) {
    this.path = path;
    this.sink = sink;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (closed) {
      throw WriteFailedException.at(
          path, StorageException.Kind.INVALID_INPUT, "the stream is closed", null);
    }
    rethrowFailure();
    if (worker == null) {
      int room = MimeDetector.HEAD_LIMIT - head.size();
      if (len <= room) {
        head.write(b, off, len);
        return;
      }
      head.write(b, off, room);
      off += room;
      len -= room;
      start();
    }
    while (len > 0) {
      int n = Math.min(len, CHUNK - chunkFill);
      System.arraycopy(b, off, chunk, chunkFill, n);
      chunkFill += n;
      off += n;
      len -= n;
      if (chunkFill == CHUNK) {
        push(Objects.requireNonNull(chunk)); // allocated by start()
        chunk = new byte[CHUNK];
        chunkFill = 0;
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread().isInterrupted()) {
      abort();
      throw WriteFailedException.at(
          path,
          StorageException.Kind.UNEXPECTED,
          "cancelled: the writing thread was interrupted before close(), nothing was written",
          null);
    }
    closed = true;
    if (worker == null) {
      byte[] all = head.toByteArray();
      sink.write(WriteSource.of(all), all);
      return;
    }
    if (chunkFill > 0) {
      push(Arrays.copyOf(chunk, chunkFill));
    }
    push(END);
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    rethrowFailure();
  }

  private void start() {
    byte[] headBytes = head.toByteArray();
    BlockingQueue<byte[]> q = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    queue = q;
    q.add(headBytes);
    chunk = new byte[CHUNK];
    InputStream source = new QueueInputStream(q);
    worker =
        new Thread(
            () -> {
              try {
                sink.write(WriteSource.of(source, -1), headBytes);
              } catch (RuntimeException e) {
                failure =
                    e instanceof StorageException
                        ? e
                        : Failures.wrap(Operation.WRITE, path, null, e);
              } finally {
                workerDone = true;
              }
            },
            "stowage-write");
    worker.setDaemon(true);
    worker.start();
  }

  private void push(byte[] bytes) {
    BlockingQueue<byte[]> q = Objects.requireNonNull(queue); // created by start()
    try {
      while (!q.offer(bytes, 50, TimeUnit.MILLISECONDS)) {
        if (workerDone) {
          rethrowFailure();
          throw WriteFailedException.at(
              path,
              StorageException.Kind.UNEXPECTED,
              "the adapter stopped reading before the end of the stream",
              null);
        }
      }
    } catch (InterruptedException e) {
      abort();
      Thread.currentThread().interrupt();
      throw WriteFailedException.at(
          path, StorageException.Kind.UNEXPECTED, "interrupted; the upload was cancelled", e);
    }
  }

  @Override
  public void abort() {
    if (aborted || closed) {
      return;
    }
    closed = true;
    aborted = true;
    if (worker == null) {
      return; // nothing has left this stream yet
    }
    // Make the adapter's read fail: it then cancels its multipart upload. The queue is cleared
    // first so that the marker always fits (this thread is the only producer).
    BlockingQueue<byte[]> q = Objects.requireNonNull(queue); // created with the worker
    q.clear();
    q.offer(ABORT);
    boolean interrupted = Thread.interrupted();
    try {
      worker.join(ABORT_WAIT_MILLIS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void rethrowFailure() {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
  }

  /** The adapter's side of the queue. */
  private final class QueueInputStream extends InputStream {
    private final BlockingQueue<byte[]> queue;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    QueueInputStream(BlockingQueue<byte[]> queue) {
      this.queue = queue;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (position == current.length) {
        if (ended) {
          return -1;
        }
        try {
          byte[] next = queue.take();
          if (next == ABORT) {
            throw new IOException("the upload of '" + path + "' was aborted by its producer");
          }
          if (next == END) {
            ended = true;
            return -1;
          }
          current = next;
          position = 0;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("the producer was interrupted");
        }
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }
}
