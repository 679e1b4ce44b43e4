package dev.stowage.micrometer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;

/**
 * The stream {@link ObservedFilesystem#readStream} hands out: counts the bytes it delivers and
 * ends the read's observation when it is closed (success) or a read fails (error). If it is never
 * closed, the observation ends as {@code abandoned} once the stream has been garbage-collected.
 * Keeps the wrapped stream's fast paths ({@code readAllBytes}, {@code transferTo}). Not
 * thread-safe, like any stream.
 */
final class ObservedInputStream extends InputStream {

  private final InputStream in;
  private final Flight flight;
  private final ByteCounter counter;
  private final Cleaner.Cleanable cleanable;
  private long delivered;

  ObservedInputStream(InputStream in, Flight flight, ByteCounter counter) {
    this.in = in;
    this.flight = flight;
    this.counter = counter;
    this.cleanable = Abandonment.watch(this, flight);
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = in.read();
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    if (b >= 0) {
      delivered(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    if (n > 0) {
      delivered(n);
    }
    return n;
  }

  @Override
  public byte[] readAllBytes() throws IOException {
    byte[] all;
    try {
      all = in.readAllBytes();
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    delivered(all.length);
    return all;
  }

  @Override
  public byte[] readNBytes(int len) throws IOException {
    byte[] some;
    try {
      some = in.readNBytes(len);
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    delivered(some.length);
    return some;
  }

  @Override
  public int readNBytes(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.readNBytes(b, off, len);
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    delivered(n);
    return n;
  }

  /** Lets the wrapped stream move its bytes in its own pieces; a failure of {@code out} is the caller's. */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    CountingSink sink = new CountingSink(out);
    try {
      return in.transferTo(sink);
    } catch (IOException | RuntimeException | Error e) {
      if (sink.failed) {
        throw e;
      }
      failed(e);
      throw e;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return in.skip(n);
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    }
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  /** Closes the wrapped stream and ends the observation: success, or error when closing fails. */
  @Override
  public void close() throws IOException {
    try {
      in.close();
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    } finally {
      flight.bytes(delivered);
      flight.succeed();
      cleanable.clean();
    }
  }

  private void delivered(long n) {
    delivered += n;
    counter.add(n);
  }

  private void failed(Throwable e) {
    flight.bytes(delivered);
    flight.fail(e);
  }

  /** Counts what the wrapped stream's transferTo writes, and tells a failure of the caller's sink apart. */
  private final class CountingSink extends OutputStream {
    private final OutputStream out;
    boolean failed;

    CountingSink(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException | RuntimeException | Error e) {
        failed = true;
        throw e;
      }
      delivered(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException | RuntimeException | Error e) {
        failed = true;
        throw e;
      }
      delivered(len);
    }
  }
}
