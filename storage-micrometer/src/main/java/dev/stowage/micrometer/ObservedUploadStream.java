package dev.stowage.micrometer;

import dev.stowage.UploadStream;
import io.micrometer.observation.Observation;
import java.io.IOException;
import java.lang.ref.Cleaner;

/**
 * The stream {@link ObservedFilesystem#openOutputStream} hands out: forwards every call to the
 * wrapped filesystem's stream, and ends the {@code write} observation when the upload ends. A
 * {@link #close()} that returns is a success and counts the bytes written; a failed write or close
 * is an error with the failure's kind; {@link #abort()} is an error of kind {@code CANCELLED} and
 * counts nothing. Never closed nor aborted, it ends as {@code abandoned} once garbage-collected.
 * Not thread-safe, like any stream.
 */
final class ObservedUploadStream extends UploadStream {

  private final UploadStream out;
  private final Flight flight;
  private final ByteCounter counter;
  private final Cleaner.Cleanable cleanable;
  private long written;

  ObservedUploadStream(UploadStream out, Flight flight, ByteCounter counter) {
    this.out = out;
    this.flight = flight;
    this.counter = counter;
    this.cleanable = Abandonment.watch(this, flight);
  }

  @Override
  public void write(int b) {
    try {
      out.write(b);
    } catch (RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    written++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
    } catch (RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    written += len;
  }

  /** Forwards a flush; a failure ends the observation as an error. */
  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException | RuntimeException | Error e) {
      failed(e);
      throw e;
    }
  }

  /** Commits through the wrapped stream; counts the bytes when that succeeds. */
  @Override
  public void close() {
    if (flight.stopped()) {
      out.close();
      cleanable.clean();
      return;
    }
    try (Observation.Scope scope = flight.observation().openScope()) {
      out.close();
    } catch (RuntimeException | Error e) {
      failed(e);
      cleanable.clean();
      throw e;
    }
    counter.add(written);
    flight.bytes(written);
    flight.succeed();
    cleanable.clean();
  }

  /** Discards the upload through the wrapped stream; the observation ends as a cancellation. */
  @Override
  public void abort() {
    try (Observation.Scope scope = flight.observation().openScope()) {
      out.abort();
    } catch (RuntimeException | Error e) {
      failed(e);
      cleanable.clean();
      throw e;
    }
    flight.bytes(written);
    flight.aborted();
    cleanable.clean(); // after the flight stopped: the cleaner's action (abandon) then does nothing
  }

  private void failed(Throwable e) {
    flight.bytes(written);
    flight.fail(e);
  }
}
