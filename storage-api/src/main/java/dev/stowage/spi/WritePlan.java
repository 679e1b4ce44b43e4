package dev.stowage.spi;

import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * How one write reaches an object store: as one request ({@link Once}) or as a multipart upload
 * ({@link Parts}). The one place where that choice is made; adapters only carry it out.
 *
 * <!-- given: long threshold; int partSize; PartUploader uploader;
 *   abstract FileAttributes putObject(long length, WritePlan.Once body);
 *   abstract MultipartSession<String> startMultipart() -->
 * <pre>{@code
 * FileAttributes write(String path, WriteSource source) throws IOException {
 *   WritePlan plan = WritePlan.of(path, source, length -> length >= threshold, partSize - 1);
 *   if (plan instanceof WritePlan.Once once) {
 *     return putObject(once.length(), once);                  // once.open() for each attempt
 *   }
 *   return ((WritePlan.Parts) plan).upload(uploader, startMultipart());
 * }
 * }</pre>
 *
 * <p>The rules: bytes and local files of a known length go in parts when {@code inParts} says so,
 * else in one request. A stream is held in memory only up to {@code streamLimit} bytes: a stream of
 * known length goes in one request when {@code inParts} says no and it fits, else in parts; a
 * stream of unknown length is read up to {@code streamLimit} bytes first, and goes in one request
 * if it ended there, else in parts that start with what was read. A stream that ends before its
 * declared length fails with INVALID_INPUT.
 */
public sealed interface WritePlan permits WritePlan.Once, WritePlan.Parts {

  /**
   * Plans writing {@code source} to {@code path}.
   *
   * @param inParts given a known length, whether it goes as a multipart upload
   * @param streamLimit the most bytes of a stream held in memory (below {@code Integer.MAX_VALUE})
   * @throws BackendException INVALID_INPUT when a stream of declared length ends early
   * @throws IOException when reading a stream's first bytes or a file's size fails
   */
  static WritePlan of(String path, WriteSource source, LongPredicate inParts, long streamLimit)
      throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(inParts, "inParts");
    if (streamLimit < 0 || streamLimit >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("streamLimit out of range: " + streamLimit);
    }
    Transfer t = source.transfer();
    if (source instanceof WriteSource.Bytes) {
      byte[] data = ((WriteSource.Bytes) source).data();
      return inParts.test(data.length)
          ? new Parts(data, null, null, null, data.length, t)
          : new Once(data, null, data.length);
    }
    if (source instanceof WriteSource.File) {
      Path file = ((WriteSource.File) source).path();
      long length = source.length() >= 0 ? source.length() : Files.size(file);
      return inParts.test(length)
          ? new Parts(null, file, null, null, length, t)
          : new Once(null, file, length);
    }
    WriteSource.Stream stream = (WriteSource.Stream) source;
    InputStream in = stream.in();
    long length = stream.length();
    if (length >= 0) {
      if (inParts.test(length) || length > streamLimit) {
        return new Parts(null, null, in, null, length, t);
      }
      byte[] data = in.readNBytes((int) length);
      if (data.length < length) {
        throw BackendException.of(
            StorageException.Kind.INVALID_INPUT,
            "the stream ended after " + data.length + " of " + length + " bytes");
      }
      return new Once(data, null, length);
    }
    PartUploader.Head head = PartUploader.readHead(in, (int) streamLimit);
    if (head.ended() && !inParts.test(head.bytes().length)) {
      return new Once(head.bytes(), null, head.bytes().length);
    }
    return new Parts(null, null, in, head, -1, t);
  }

  /** Returns the number of bytes written, or -1 when a stream's length is not known yet. */
  long length();

  /**
   * One request, from bytes in memory or a local file; {@link #open()} gives them again for each
   * attempt, so the request can be retried.
   *
   * @param bytes the bytes (the caller's, or a small stream's), or null for a file
   * @param file the local file, or null for bytes
   * @param length the number of bytes
   */
  record Once(byte @Nullable [] bytes, @Nullable Path file, long length) implements WritePlan {
    public Once {
      if ((bytes == null) == (file == null)) {
        throw new IllegalArgumentException("exactly one of bytes and file");
      }
    }

    /** Opens the bytes from their start; the caller closes the stream. */
    public InputStream open() throws IOException {
      return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }
  }

  /**
   * A multipart upload, from bytes, a local file (read part by part by position, never buffered),
   * or a stream (with its first bytes already read when its length was unknown).
   *
   * @param bytes the caller's bytes, or null
   * @param file the local file, or null
   * @param stream the stream, or null
   * @param head the first bytes of a stream of unknown length, or null
   * @param length the number of bytes, or -1 for a stream of unknown length
   * @param transfer what the parts report to and are cancelled through
   */
  record Parts(
      byte @Nullable [] bytes,
      @Nullable Path file,
      @Nullable InputStream stream,
      PartUploader.@Nullable Head head,
      long length,
      Transfer transfer)
      implements WritePlan {

    public Parts {
      Objects.requireNonNull(transfer, "transfer");
    }

    /** Returns a plan without a transfer. */
    public Parts(
        byte @Nullable [] bytes,
        @Nullable Path file,
        @Nullable InputStream stream,
        PartUploader.@Nullable Head head,
        long length) {
      this(bytes, file, stream, head, length, Transfer.NONE);
    }

    /** Returns whether the bytes come from a stream, which can be read only once. */
    public boolean fromStream() {
      return stream != null;
    }

    /**
     * Returns this plan reading its stream through {@code replacement} (a digesting wrapper, say);
     * what was already read ({@link #head()}) is still sent first.
     */
    public Parts withStream(InputStream replacement) {
      if (stream == null) {
        throw new IllegalStateException("this plan has no stream");
      }
      return new Parts(
          null, null, Objects.requireNonNull(replacement, "replacement"), head, length, transfer);
    }

    /**
     * Runs {@code uploader} over the source into {@code session}; see {@link PartUploader}. Parts
     * are reported to the plan's {@link #transfer()}, and so are their bytes unless they come from
     * a stream (whose reads the facade already counts).
     */
    public <R> FileAttributes upload(PartUploader original, MultipartSession<R> session)
        throws IOException {
      PartUploader uploader = original.tracking(transfer, stream == null);
      if (bytes != null) {
        return uploader.upload(new ByteArrayInputStream(bytes), bytes.length, session);
      }
      if (file != null) {
        return uploader.upload(file, session);
      }
      // Neither bytes nor a file: the plan reads a stream.
      InputStream in = Objects.requireNonNull(stream, "stream");
      if (head != null) {
        return uploader.upload(head, in, session);
      }
      return uploader.upload(in, length, session);
    }
  }
}
