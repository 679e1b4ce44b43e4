package dev.stowage.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * {@code stowage} in a child JVM (its real {@code main}, this test class path), for what only a
 * real process shows: signals, shutdown hooks, and everything it writes to its standard streams
 * (logs included).
 */
final class ChildCli implements AutoCloseable {

  final Process process;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicBoolean feeding = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  private ChildCli(Process process) {
    this.process = process;
    threads.add(pump(process.getInputStream(), out));
    threads.add(pump(process.getErrorStream(), err));
  }

  /** Starts {@code stowage args} in {@code workingDirectory} with {@code env} added. */
  static ChildCli start(Path workingDirectory, Map<String, String> env, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Stowage.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
    pb.environment().putAll(env);
    return new ChildCli(pb.start());
  }

  /** Writes zero bytes to the child's standard input until it exits or this closes. */
  ChildCli feedForever() {
    feeding.set(true);
    Thread t =
        new Thread(
            () -> {
              byte[] block = new byte[64 * 1024];
              try (OutputStream stdin = process.getOutputStream()) {
                while (feeding.get() && process.isAlive()) {
                  stdin.write(block);
                }
              } catch (IOException closed) {
                // The child exited: the pipe is gone.
              }
            },
            "child-stdin");
    t.setDaemon(true);
    t.start();
    threads.add(t);
    return this;
  }

  /** Polls {@code condition} every 50 ms until it holds; fails after {@code limit} or if the child exits. */
  void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the child exited (" + process.exitValue() + ") before " + what + "\n" + err());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + limit + "\n" + err());
      }
      Thread.sleep(50);
    }
  }

  /** Sends {@code signal} (INT, TERM) to the child. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + signal + " failed");
    }
  }

  /** Waits for the child to exit and returns its status; kills it after {@code limit}. */
  int waitFor(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not exit within " + limit + "\n" + err());
    }
    feeding.set(false);
    for (Thread t : threads) {
      t.join(5_000);
    }
    return process.exitValue();
  }

  String out() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  String err() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  private static Thread pump(InputStream from, ByteArrayOutputStream to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                  synchronized (to) {
                    to.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // The child is gone.
              }
            },
            "child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void close() {
    feeding.set(false);
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
