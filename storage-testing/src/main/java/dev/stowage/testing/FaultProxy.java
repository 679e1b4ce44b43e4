package dev.stowage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A loopback TCP proxy in front of a real server that injects network faults: each new
 * connection gets the {@link Fault} its {@link FaultSchedule} decides, and bytes pass through
 * unchanged when the fault is {@link Fault#none()} or has not fired yet.
 *
 * <pre>{@code
 * FaultSchedule schedule = FaultSchedule.scripted(Fault.reset(0));
 * try (FaultProxy proxy = FaultProxy.start("127.0.0.1", serverPort, schedule)) {
 *   URI endpoint = URI.create("http://127.0.0.1:" + proxy.port());
 *   // the first connection is reset when the response starts; later ones pass
 * }
 * }</pre>
 *
 * <p>Every thread is a daemon; {@link #close()} closes the listening socket and every proxied
 * socket, which also ends every stall. {@link #refuseConnections()} stops listening so clients
 * see "connection refused" until {@link #acceptConnections()}. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

  private static final AtomicInteger IDS = new AtomicInteger();

  private final InetSocketAddress target;
  private final FaultSchedule schedule;
  private final int port;
  private final int id = IDS.incrementAndGet();
  private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionIds = new AtomicInteger();
  private @Nullable ServerSocket listener;
  private boolean closed;

  private FaultProxy(InetSocketAddress target, FaultSchedule schedule) throws IOException {
    this.target = target;
    this.schedule = schedule;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    startAcceptor(listener);
  }

  /**
   * Starts a proxy on a free loopback port that forwards to {@code targetHost:targetPort} under
   * {@code schedule}.
   *
   * @throws IllegalArgumentException if the host is blank, the port out of range or the schedule null
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static FaultProxy start(String targetHost, int targetPort, FaultSchedule schedule) {
    if (targetHost == null || targetHost.isBlank()) {
      throw new IllegalArgumentException("targetHost is required");
    }
    if (targetPort < 1 || targetPort > 65535) {
      throw new IllegalArgumentException("targetPort must be within 1..65535, was " + targetPort);
    }
    if (schedule == null) {
      throw new IllegalArgumentException("schedule is required");
    }
    try {
      return new FaultProxy(new InetSocketAddress(targetHost, targetPort), schedule);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port for the fault proxy", e);
    }
  }

  /** Returns the loopback port clients connect to; it stays the same across refuse and accept. */
  public int port() {
    return port;
  }

  /** Returns the schedule deciding this proxy's faults. */
  public FaultSchedule schedule() {
    return schedule;
  }

  /** Returns how many proxied connections are open now (stalled ones included). */
  public int openConnections() {
    return connections.size();
  }

  /**
   * Stops listening: new connections fail with "connection refused" while open ones carry on.
   * Does nothing if already refusing.
   */
  public synchronized void refuseConnections() {
    if (listener != null) {
      closeQuietly(listener);
      listener = null;
    }
  }

  /**
   * Listens again on {@link #port()} after {@link #refuseConnections()}.
   *
   * @throws IllegalStateException if the proxy is closed
   * @throws UncheckedIOException if the port cannot be bound again
   */
  public synchronized void acceptConnections() {
    if (closed) {
      throw new IllegalStateException("fault proxy on port " + port + " is closed");
    }
    if (listener == null) {
      try {
        listener = listen(port);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen again on port " + port, e);
      }
      startAcceptor(listener);
    }
  }

  /** Closes the listening socket and every proxied connection; stalled clients see their sockets close. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      refuseConnections();
    }
    for (ProxyConnection connection : connections) {
      connection.close();
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[port=" + port + " -> " + target.getPort() + ", " + schedule + "]";
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    return socket;
  }

  private void startAcceptor(ServerSocket socket) {
    Thread thread = new Thread(() -> acceptLoop(socket), "fault-proxy-" + id + "-accept");
    thread.setDaemon(true);
    thread.start();
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return; // closed by refuseConnections() or close()
      }
      Fault fault = schedule.next();
      if (fault instanceof Fault.Refuse) {
        schedule.fired(fault);
        ProxyConnection.reset(client);
        continue;
      }
      String name = "fault-proxy-" + id + "-" + connectionIds.incrementAndGet();
      ProxyConnection connection =
          new ProxyConnection(name, client, fault, schedule, connections::remove);
      connections.add(connection);
      synchronized (this) {
        if (closed) {
          connection.close();
          return;
        }
      }
      connection.start(target);
    }
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // best effort
    }
  }
}
