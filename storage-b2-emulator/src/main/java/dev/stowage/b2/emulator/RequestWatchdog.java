package dev.stowage.b2.emulator;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Closes connections that stop making progress, so that a client which sends headers and then nothing (or stops
 * reading an answer) cannot hold a request thread for long.
 *
 * <p>The JDK server reads request headers, and the handler reads the body, with blocking reads on the socket
 * channel, and a socket timeout does not reach those reads. A read on a channel is interruptible, though: an
 * interrupt closes the channel and ends the read. So every request task runs under a {@link Guard} that is
 * <em>armed</em> while the thread waits on the network (reading headers, each body read, sending the answer) and
 * disarmed otherwise (handler work, injected delays and stalls). A scheduled check interrupts a thread whose guard
 * has been armed for longer than the idle timeout without progress; any byte read or written counts as progress.
 * The interrupt is sent only while armed, under the guard's lock, and the flag is cleared when the guard is
 * disarmed, so it never reaches unrelated work.
 */
final class RequestWatchdog implements AutoCloseable {
  private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();
  private static final Guard NONE = new Guard(null);

  private final long timeoutNanos;
  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticker;

  RequestWatchdog(Duration idleTimeout) {
    this.timeoutNanos = idleTimeout.toNanos();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "b2-emulator-watchdog");
              t.setDaemon(true);
              return t;
            });
    long tick = Math.max(20, Math.min(1000, idleTimeout.toMillis() / 4));
    ticker.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Returns an executor that runs each task on {@code pool} under a guard, armed while headers are read. */
  Executor guarding(Executor pool) {
    return task -> pool.execute(() -> run(task));
  }

  private void run(Runnable task) {
    Guard g = new Guard(Thread.currentThread());
    CURRENT.set(g);
    guards.add(g);
    g.arm();
    try {
      task.run();
    } finally {
      g.disarm();
      guards.remove(g);
      CURRENT.remove();
    }
  }

  /** The guard of the current request thread; a guard that does nothing outside a guarded task. */
  static Guard current() {
    Guard g = CURRENT.get();
    return g == null ? NONE : g;
  }

  private void check() {
    long now = System.nanoTime();
    for (Guard g : guards) {
      g.expireIfIdle(now, timeoutNanos);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  /** Thrown by a guarded request body when the connection failed (the client went away, or it stalled). */
  static class ConnectionLostException extends IOException {
    private static final long serialVersionUID = 1L;

    ConnectionLostException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /** Thrown by guarded streams once the watchdog has given up on the request. */
  static final class StalledException extends ConnectionLostException {
    private static final long serialVersionUID = 1L;

    StalledException() {
      super("no progress on the connection within the request idle timeout", null);
    }
  }

  /** Tracks one request thread: armed while it waits on the network, and whether the watchdog fired. */
  static final class Guard {
    private final @Nullable Thread thread;
    private boolean armed;
    private long since;
    private boolean expired;

    private Guard(@Nullable Thread thread) {
      this.thread = thread;
    }

    /** Starts (or restarts, as progress) the idle clock. */
    synchronized void arm() {
      armed = true;
      since = System.nanoTime();
    }

    /** Stops the idle clock; clears an interrupt the watchdog sent. */
    synchronized void disarm() {
      armed = false;
      if (expired) {
        Thread.interrupted();
      }
    }

    synchronized boolean expired() {
      return expired;
    }

    private synchronized void expireIfIdle(long now, long timeout) {
      if (thread != null && armed && !expired && now - since > timeout) {
        expired = true;
        thread.interrupt();
      }
    }

    private void failIfExpired() throws StalledException {
      if (expired()) {
        throw new StalledException();
      }
    }

    /** Wraps a request body: each read is armed and fails once the guard has expired. */
    InputStream in(InputStream in) {
      return this == NONE
          ? in
          : new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
              byte[] one = new byte[1];
              int n = read(one, 0, 1);
              return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              failIfExpired();
              arm();
              try {
                return super.read(b, off, len);
              } catch (IOException e) {
                if (expired()) {
                  throw new StalledException();
                }
                throw new ConnectionLostException("reading the request body failed: " + e, e);
              } finally {
                disarm();
              }
            }
          };
    }

    /** Wraps a response body: each write counts as progress and fails once the guard has expired. */
    OutputStream out(OutputStream out) {
      return this == NONE
          ? out
          : new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              failIfExpired();
              arm();
              try {
                out.write(b, off, len);
              } catch (IOException e) {
                if (expired()) {
                  throw new StalledException();
                }
                throw e;
              }
              arm();
            }
          };
    }
  }
}
