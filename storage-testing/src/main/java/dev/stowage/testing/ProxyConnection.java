package dev.stowage.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * One client connection through a {@link FaultProxy}: the upstream socket, the two {@link Pump}s
 * and the state they share (stalled, truncated, closed). Connecting upstream happens on the
 * request pump's thread so a slow server never blocks the acceptor.
 */
final class ProxyConnection {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  final String name;
  final Socket client;
  final Fault fault;
  final FaultSchedule schedule;
  private final Consumer<ProxyConnection> onClosed;
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final Socket server = new Socket();
  private volatile boolean stalled;
  private volatile boolean stalledBoth;
  private volatile boolean truncated;
  private int finishedPumps;
  private boolean fired;

  ProxyConnection(
      String name,
      Socket client,
      Fault fault,
      FaultSchedule schedule,
      Consumer<ProxyConnection> onClosed) {
    this.name = name;
    this.client = client;
    this.fault = fault;
    this.schedule = schedule;
    this.onClosed = onClosed;
  }

  void start(InetSocketAddress target) {
    Thread up =
        new Thread(
            () -> {
              try {
                server.connect(target, CONNECT_TIMEOUT_MILLIS);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
              } catch (IOException e) {
                abort();
                return;
              }
              Thread down =
                  daemon(
                      new Pump(this, Fault.Direction.RESPONSE, server, client)::run,
                      name + "-down");
              down.start();
              new Pump(this, Fault.Direction.REQUEST, client, server).run();
            },
            name + "-up");
    up.setDaemon(true);
    up.start();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Records once per connection that its fault fired (slow fires in both pumps). */
  synchronized void fired() {
    if (!fired) {
      fired = true;
      schedule.fired(fault);
    }
  }

  boolean isClosed() {
    return closedLatch.getCount() == 0;
  }

  boolean stalledBoth() {
    return stalledBoth;
  }

  boolean truncated() {
    return truncated;
  }

  /** Parks the calling pump until the connection closes: a stall holds no longer than that. */
  void stall(boolean both) {
    stalled = true;
    if (both) {
      stalledBoth = true;
    }
    try {
      closedLatch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the response cleanly: FIN to the client, upstream closed; the request side drains. */
  void truncate() {
    truncated = true;
    try {
      client.shutdownOutput();
    } catch (IOException e) {
      abort();
      return;
    }
    FaultProxy.closeQuietly(server);
  }

  /** Sends an RST to the client and closes everything. */
  void abort() {
    reset(client);
    close();
  }

  /**
   * Records that one direction reached its end: the other side gets a half-close, and when both
   * have ended (or the connection is stalled or truncated) the connection closes.
   */
  void pumpFinished(Fault.Direction direction) {
    boolean both;
    synchronized (this) {
      both = ++finishedPumps == 2;
    }
    try {
      if (both || truncated || stalled) {
        close();
      } else if (direction == Fault.Direction.REQUEST) {
        server.shutdownOutput();
      } else {
        client.shutdownOutput();
      }
    } catch (IOException e) {
      close();
    }
  }

  void close() {
    closedLatch.countDown();
    FaultProxy.closeQuietly(client);
    FaultProxy.closeQuietly(server);
    onClosed.accept(this);
  }

  static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // already closed
    }
    FaultProxy.closeQuietly(socket);
  }
}
