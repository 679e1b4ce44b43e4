package dev.stowage.spi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of a write, in the form the caller had them, so that adapters can choose the best
 * upload strategy (one request for small known sizes, parallel parts read by position for files).
 */
public sealed interface WriteSource
    permits WriteSource.Bytes, WriteSource.Stream, WriteSource.File {

  /** Returns the length in bytes, or -1 when unknown until the end of a stream. */
  long length();

  /**
   * Returns the transfer this write reports to and is cancelled through ({@link Transfer#NONE}
   * unless the caller gave a listener or a token); {@link WritePlan} carries it into the parts.
   */
  Transfer transfer();

  /** Returns this source reporting to {@code transfer}. */
  WriteSource withTransfer(Transfer transfer);

  /** Returns a source over an array (not copied; the caller must not change it). */
  static WriteSource of(byte[] data) {
    return new Bytes(data);
  }

  /** Returns a source over a stream of {@code length} bytes (-1: unknown). */
  static WriteSource of(InputStream in, long length) {
    return new Stream(in, length);
  }

  /** Returns a source over a local file. */
  static WriteSource of(Path file, long length) {
    return new File(file, length);
  }

  /** Bytes in memory. */
  record Bytes(byte[] data, Transfer transfer) implements WriteSource {
    public Bytes {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(transfer, "transfer");
    }

    /** Returns a source over {@code data} without a transfer. */
    public Bytes(byte[] data) {
      this(data, Transfer.NONE);
    }

    @Override
    public Bytes withTransfer(Transfer t) {
      return new Bytes(data, t);
    }

    @Override
    public long length() {
      return data.length;
    }
  }

  /**
   * A stream, read once to its end (or to {@code length} bytes) and not closed by the adapter.
   * The facade wraps streams of known length so that an early end fails instead of writing a
   * short file.
   */
  record Stream(InputStream in, long length, Transfer transfer) implements WriteSource {
    public Stream {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(transfer, "transfer");
      if (length < -1) {
        throw new IllegalArgumentException("length must be -1 (unknown) or more: " + length);
      }
    }

    /** Returns a source over {@code in} without a transfer. */
    public Stream(InputStream in, long length) {
      this(in, length, Transfer.NONE);
    }

    @Override
    public Stream withTransfer(Transfer t) {
      return new Stream(in, length, t);
    }
  }

  /** A local file of {@code length} bytes, which adapters may read by position. */
  record File(Path path, long length, Transfer transfer) implements WriteSource {
    public File {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(transfer, "transfer");
    }

    /** Returns a source over a local file without a transfer. */
    public File(Path path, long length) {
      this(path, length, Transfer.NONE);
    }

    @Override
    public File withTransfer(Transfer t) {
      return new File(path, length, t);
    }
  }
}
