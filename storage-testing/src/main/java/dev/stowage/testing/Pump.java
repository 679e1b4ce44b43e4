package dev.stowage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Copies one direction of a {@link ProxyConnection} and applies the connection's fault where it
 * concerns this direction: reset, truncate and flip act on the response; stall on its direction;
 * slow on both.
 */
final class Pump implements Runnable {

  private static final int BUFFER = 8 * 1024;
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private final ProxyConnection connection;
  private final Fault.Direction direction;
  private final Socket from;
  private final Socket to;
  private final Fault fault;
  private long forwarded;
  private int headerMatch;
  private long bodyBytes = -1;
  private boolean fired;
  private long slowStartNanos;

  Pump(ProxyConnection connection, Fault.Direction direction, Socket from, Socket to) {
    this.connection = connection;
    this.direction = direction;
    this.from = from;
    this.to = to;
    this.fault = connection.fault;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[BUFFER];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      while (true) {
        int n = in.read(buffer, 0, chunkLimit());
        if (n < 0) {
          connection.pumpFinished(direction);
          return;
        }
        if (!forward(buffer, n, out)) {
          return;
        }
      }
    } catch (IOException e) {
      if (!connection.isClosed()) {
        connection.abort();
      }
    }
  }

  /** Forwards {@code n} bytes under the fault; returns false when this pump must stop. */
  private boolean forward(byte[] buffer, int n, OutputStream out) throws IOException {
    if (direction == Fault.Direction.REQUEST) {
      if (connection.truncated()) {
        return true; // the response ended cleanly; drain what the client still sends
      }
      if (connection.stalledBoth()) {
        connection.stall(false);
        return false;
      }
    }
    long limit = limit();
    if (limit >= 0 && forwarded + n > limit) {
      int head = (int) (limit - forwarded);
      out.write(buffer, 0, head);
      out.flush();
      forwarded += head;
      fire();
      return act();
    }
    if (fault instanceof Fault.Flip flip && direction == Fault.Direction.RESPONSE) {
      flip(buffer, n, flip.bodyOffset());
    }
    out.write(buffer, 0, n);
    out.flush();
    forwarded += n;
    if (fault instanceof Fault.Slow slow) {
      throttle(slow.bytesPerSecond());
    }
    return true;
  }

  /** Returns the offset in this direction at which the fault fires, or -1 if it never does here. */
  private long limit() {
    if (fired) {
      return -1;
    }
    if (direction == Fault.Direction.RESPONSE) {
      if (fault instanceof Fault.Reset reset) {
        return reset.responseBytes();
      }
      if (fault instanceof Fault.Truncate truncate) {
        return truncate.responseBytes();
      }
    }
    if (fault instanceof Fault.Stall stall) {
      boolean mine =
          stall.direction() == direction
              || (stall.direction() == Fault.Direction.BOTH
                  && direction == Fault.Direction.RESPONSE);
      return mine ? stall.afterBytes() : -1;
    }
    return -1;
  }

  /** Carries out a fault that has just fired; returns false when this pump must stop. */
  private boolean act() {
    if (fault instanceof Fault.Reset) {
      connection.abort();
      return false;
    }
    if (fault instanceof Fault.Truncate) {
      connection.truncate();
      return false;
    }
    Fault.Stall stall = (Fault.Stall) fault;
    connection.stall(stall.direction() == Fault.Direction.BOTH);
    return false;
  }

  private void fire() {
    fired = true;
    connection.fired();
  }

  private int chunkLimit() {
    if (fault instanceof Fault.Slow slow) {
      return (int) Math.max(1, Math.min(BUFFER, slow.bytesPerSecond() / 20));
    }
    return BUFFER;
  }

  private void throttle(long bytesPerSecond) throws IOException {
    if (slowStartNanos == 0) {
      slowStartNanos = System.nanoTime();
      fire();
    }
    long dueNanos = slowStartNanos + forwarded * 1_000_000_000L / bytesPerSecond;
    long waitNanos = dueNanos - System.nanoTime();
    if (waitNanos > 0) {
      try {
        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while throttling", e);
      }
    }
  }

  /** Scans for the end of the first header block and flips the body byte at {@code offset}. */
  private void flip(byte[] buffer, int n, long offset) {
    for (int i = 0; i < n && !fired; i++) {
      if (bodyBytes < 0) {
        headerMatch =
            buffer[i] == HEADER_END[headerMatch] ? headerMatch + 1 : (buffer[i] == '\r' ? 1 : 0);
        if (headerMatch == HEADER_END.length) {
          bodyBytes = 0;
        }
      } else if (bodyBytes++ == offset) {
        buffer[i] ^= 0x01;
        fire();
      }
    }
  }
}
