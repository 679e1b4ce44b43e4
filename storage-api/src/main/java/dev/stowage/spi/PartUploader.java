package dev.stowage.spi;

import dev.stowage.FileAttributes;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Uploads a large file as parallel parts through a {@link MultipartSession}: the one part
 * uploader every multipart adapter shares.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>at most {@code concurrency} parts upload at once;
 *   <li>streams are read in order into part buffers; at most {@code partSize × (concurrency + 1)}
 *       bytes are buffered (the parts in flight plus the one being filled);
 *   <li>local files are never buffered: each part reads its slice by position;
 *   <li>{@link MultipartSession#complete} gets the receipts in part order;
 *   <li>on any failure — a part, the source stream, completion, interruption — no further part
 *       starts, outstanding parts are cancelled and awaited, {@link MultipartSession#abort()} is
 *       called exactly once, and the first failure is thrown (later ones are suppressed into it).
 * </ul>
 *
 * <!-- given: abstract FileAttributes simpleUpload(byte[] bytes) -->
 * <pre>{@code
 * FileAttributes write(InputStream in, int threshold, MultipartSession<?> session) throws IOException {
 *   PartUploader uploader = PartUploader.builder().partSize(100 << 20).concurrency(4).build();
 *   PartUploader.Head head = PartUploader.readHead(in, threshold);
 *   if (head.ended()) {
 *     return simpleUpload(head.bytes());             // small: one request
 *   }
 *   return uploader.upload(head, in, session);       // large: parts
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; each upload uses its own threads unless an
 * executor is given.
 */
public final class PartUploader {

  private final long partSize;
  private final int concurrency;
  private final @Nullable ExecutorService executor;
  private final Transfer transfer;
  private final boolean countBytes;

  private PartUploader(Builder b) {
    this.partSize = b.partSize;
    this.concurrency = b.concurrency;
    this.executor = b.executor;
    this.transfer = Transfer.NONE;
    this.countBytes = false;
  }

  private PartUploader(PartUploader base, Transfer transfer, boolean countBytes) {
    this.partSize = base.partSize;
    this.concurrency = base.concurrency;
    this.executor = base.executor;
    this.transfer = transfer;
    this.countBytes = countBytes;
  }

  /**
   * Returns this uploader reporting each stored part to {@code transfer} (and, with
   * {@code countBytes}, the bytes each part hands to the session, counted once even when a part
   * is sent again), and stopping when the transfer is cancelled: no further part starts, parts in
   * flight are interrupted, and the session is aborted instead of completed.
   */
  public PartUploader tracking(Transfer transfer, boolean countBytes) {
    Objects.requireNonNull(transfer, "transfer");
    return transfer == Transfer.NONE ? this : new PartUploader(this, transfer, countBytes);
  }

  /** The default memory budget of one upload: 64 MiB of part buffers. */
  public static final long DEFAULT_MEMORY_BUDGET = 64L << 20;

  /**
   * Returns the part size to use so that one streamed upload buffers at most {@code budget}
   * bytes ({@code partSize × (concurrency + 1)}, see the class doc): {@code preferred} when it
   * fits, else the largest size that fits, but never below {@code minimum} (the backend's
   * smallest part) nor below what {@code maxParts} parts of a {@code length}-byte source need
   * ({@code length} -1 when unknown).
   *
   * <p>When even the result does not fit the budget, {@link #concurrencyWithin} lowers the
   * concurrency to match.
   */
  public static long partSizeWithin(
      long budget, int concurrency, long minimum, long preferred, long length, int maxParts) {
    if (budget < 1 || concurrency < 1 || minimum < 1 || preferred < 1 || maxParts < 1) {
      throw new IllegalArgumentException(
          "budget, concurrency, minimum, preferred and maxParts must"
              + " be positive: "
              + budget
              + ", "
              + concurrency
              + ", "
              + minimum
              + ", "
              + preferred
              + ", "
              + maxParts);
    }
    long fitting = budget / (concurrency + 1L);
    long size = Math.max(minimum, Math.min(preferred, fitting));
    if (length > 0) {
      long needed = (length + maxParts - 1) / maxParts;
      size = Math.max(size, needed);
    }
    return size;
  }

  /**
   * Returns the concurrency, at most {@code wanted} and at least 1, at which parts of
   * {@code partSize} bytes stay within {@code budget} ({@code partSize × (concurrency + 1)}).
   */
  public static int concurrencyWithin(long budget, long partSize, int wanted) {
    if (budget < 1 || partSize < 1 || wanted < 1) {
      throw new IllegalArgumentException(
          "budget, partSize and wanted must be positive: "
              + budget
              + ", "
              + partSize
              + ", "
              + wanted);
    }
    long fits = budget / partSize - 1;
    return (int) Math.max(1, Math.min(wanted, fits));
  }

  /** Returns a builder (part size 16 MiB, concurrency 4, own threads per upload). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the size of every part but the last. */
  public long partSize() {
    return partSize;
  }

  /** Returns how many parts upload at once. */
  public int concurrency() {
    return concurrency;
  }

  /** Returns how many parts a file of {@code length} bytes takes (at least one). */
  public long partCount(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
    return Math.max(1, (length + partSize - 1) / partSize);
  }

  /**
   * The first bytes of a stream, read to choose between a simple and a multipart upload.
   *
   * @param bytes the bytes read: all of them when {@code ended}, otherwise {@code limit + 1}
   * @param ended whether the stream ended within {@code limit} bytes
   */
  public record Head(byte[] bytes, boolean ended) {
    public Head {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * Reads up to {@code limit} bytes and tells whether the stream ended there; when it did not,
   * one more byte has been read (so a stream of exactly {@code limit} bytes counts as ended).
   * The stream is not closed.
   */
  public static Head readHead(InputStream in, int limit) throws IOException {
    if (limit < 0 || limit == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
    // readNBytes(int) grows its buffer as bytes arrive, so a tiny stream costs a tiny array
    // rather than a whole part.
    byte[] bytes = in.readNBytes(limit + 1);
    return new Head(bytes, bytes.length <= limit);
  }

  /**
   * Uploads {@code length} bytes of {@code source} ({@code -1}: until its end) as parts. The
   * stream is not closed and is not read past {@code length}; a stream that ends early fails
   * with an {@link EOFException}.
   *
   * @throws IOException from the source or a part (after aborting the session)
   */
  public <R> FileAttributes upload(InputStream source, long length, MultipartSession<R> session)
      throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(session, "session");
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 or more: " + length);
    }
    return run(session, job -> feedStream(job, source, length));
  }

  /**
   * Uploads the rest of a stream whose {@link Head} was already read (length unknown). The head
   * is held until its bytes have been handed to parts.
   */
  public <R> FileAttributes upload(Head head, InputStream rest, MultipartSession<R> session)
      throws IOException {
    Objects.requireNonNull(head, "head");
    InputStream all =
        head.ended()
            ? new ByteArrayInputStream(head.bytes())
            : new SequenceInputStream(new ByteArrayInputStream(head.bytes()), rest);
    return upload(all, -1, session);
  }

  /**
   * Uploads a local file; each part reads its own slice by position, so nothing is buffered
   * beyond what a part's {@link PartData#open()} stream reads.
   */
  public <R> FileAttributes upload(Path file, MultipartSession<R> session) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(session, "session");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      return run(
          session,
          job -> {
            long count = partCount(size);
            for (int i = 0; i < count; i++) {
              long offset = i * partSize;
              long len = Math.min(partSize, size - offset);
              if (!job.submit(new FilePart(channel, i + 1, offset, len))) {
                return;
              }
            }
          });
    }
  }

  private void feedStream(UploadJob<?> job, InputStream source, long length) throws IOException {
    long offset = 0;
    int number = 1;
    while (true) {
      long wanted = length < 0 ? partSize : Math.min(partSize, length - offset);
      // A buffer is allocated only once fewer than concurrency + 1 are alive, so a slow upload
      // cannot make the reader run ahead and pile up parts in memory.
      if (!job.reserveBuffer()) {
        return;
      }
      byte[] buffer = new byte[(int) wanted];
      int n = source.readNBytes(buffer, 0, buffer.length);
      if (length >= 0 && n < wanted) {
        job.releaseBuffer();
        throw new EOFException(
            "the stream ended after " + (offset + n) + " of " + length + " bytes");
      }
      if (n == 0 && number > 1) {
        job.releaseBuffer();
        return;
      }
      byte[] data = n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
      buffer = null;
      if (!job.submit(new BufferPart(number, offset, data, job::releaseBuffer))) {
        job.releaseBuffer();
        return;
      }
      offset += n;
      number++;
      boolean last = length >= 0 ? offset >= length : n < partSize;
      if (last) {
        return;
      }
    }
  }

  private <R> FileAttributes run(MultipartSession<R> session, UploadJob.Feeder feeder)
      throws IOException {
    ExecutorService pool =
        executor != null ? executor : Executors.newFixedThreadPool(concurrency, daemonThreads());
    try {
      return new UploadJob<>(session, pool, concurrency, transfer, countBytes).run(feeder);
    } finally {
      if (executor == null) {
        pool.shutdownNow();
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "stowage-part-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * A part held in memory. Its buffer is dropped, and its memory reservation returned, as soon as
   * the session has uploaded it, even if an HTTP client still holds the request it was sent in.
   */
  private static final class BufferPart implements PartData {
    private final int partNumber;
    private final long offset;
    private final long length;
    private final Runnable onRelease;
    private volatile byte @Nullable [] data;

    BufferPart(int partNumber, long offset, byte[] data, Runnable onRelease) {
      this.partNumber = partNumber;
      this.offset = offset;
      this.length = data.length;
      this.data = data;
      this.onRelease = onRelease;
    }

    @Override
    public int partNumber() {
      return partNumber;
    }

    @Override
    public long offset() {
      return offset;
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public InputStream open() throws IOException {
      byte[] bytes = data;
      if (bytes == null) {
        throw new IOException("part " + partNumber + " was already released");
      }
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public void release() {
      if (data != null) {
        data = null;
        onRelease.run();
      }
    }
  }

  /** A slice of a local file, read by position (FileChannel positional reads are thread-safe). */
  private record FilePart(FileChannel channel, int partNumber, long offset, long length)
      implements PartData {
    @Override
    public InputStream open() {
      return new ChannelSliceInputStream(channel, offset, length);
    }
  }

  /** Builds a {@link PartUploader}. */
  public static final class Builder {
    private long partSize = 16L << 20;
    private int concurrency = 4;
    private @Nullable ExecutorService executor;

    private Builder() {}

    /** Sets the part size in bytes (1 to {@code Integer.MAX_VALUE - 8}). */
    public Builder partSize(long bytes) {
      if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "partSize (" + bytes + ") must be 1 to " + (Integer.MAX_VALUE - 8));
      }
      this.partSize = bytes;
      return this;
    }

    /** Sets how many parts upload at once (at least 1). */
    public Builder concurrency(int parts) {
      if (parts < 1) {
        throw new IllegalArgumentException("concurrency (" + parts + ") must be positive");
      }
      this.concurrency = parts;
      return this;
    }

    /** Runs parts on {@code executor} (not shut down by the uploader) instead of own threads. */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Returns the uploader. */
    public PartUploader build() {
      return new PartUploader(this);
    }
  }

  static InterruptedIOException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    InterruptedIOException io = new InterruptedIOException("interrupted during a multipart upload");
    io.initCause(e);
    return io;
  }
}
