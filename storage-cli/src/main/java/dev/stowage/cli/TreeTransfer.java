package dev.stowage.cli;

import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries out a {@link SyncPlan}: sends its files from one tree to another, a few at a time, then
 * (only when every transfer succeeded) deletes what it says to delete.
 *
 * <p>Each file streams from its source to its destination, never held whole in memory, so memory
 * stays bounded by the number of transfers in flight (and the adapters' part buffers for large
 * files). Each file is written atomically: a local file lands under a temporary name and is
 * renamed into place, a remote one appears when its upload completes, so a failed or interrupted
 * file leaves nothing behind and a later run, comparing again, sends exactly what is missing.
 * Between two locations in the same filesystem (one bucket) files are copied server-side.
 *
 * <p>A file that fails, or whose name cannot be carried to the destination ({@link TreeNames}), is
 * reported by name and the others go on; the summary counts it as failed.
 */
final class TreeTransfer {

  private final CliContext context;
  private final Session session;
  private final Location source;
  private final Location destination;
  private final WriteOptions options;
  private final boolean serverSide;
  private final SyncProgress progress;
  private final AtomicLong transferredFiles = new AtomicLong();
  private final AtomicLong transferredBytes = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final List<String> failed = Collections.synchronizedList(new ArrayList<>());

  TreeTransfer(
      CliContext context,
      Session session,
      Location source,
      Location destination,
      WriteOptions options,
      SyncProgress progress) {
    this.context = context;
    this.session = session;
    this.source = source;
    this.destination = destination;
    this.options = options;
    this.progress = progress;
    this.serverSide =
        !source.isLocal() && !destination.isLocal() && session.sameFilesystem(source, destination);
    // Opened here, on the command's thread: the session is not thread-safe, the workers only look
    // up.
    if (!source.isLocal()) {
      session.filesystem(source);
    }
    if (!destination.isLocal()) {
      session.filesystem(destination);
    }
  }

  /** Returns a pool of {@code n} daemon threads for transfers and comparisons; the caller shuts it down. */
  static ExecutorService pool(int n) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "stowage-transfer-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return Executors.newFixedThreadPool(n, threads);
  }

  /**
   * Runs {@code plan} on {@code pool} and returns what happened; the deletions run only when no
   * transfer failed. {@code started} is when the command started, by the context's clock.
   */
  SyncSummary run(SyncPlan plan, ExecutorService pool, long started) throws IOException {
    if (destination.isLocal() && !plan.transfers().isEmpty()) {
      Files.createDirectories(destination.localPath());
    }
    List<Future<?>> running = new ArrayList<>();
    for (SyncPlan.Action a : plan.transfers()) {
      running.add(pool.submit(() -> attempt(a, () -> transfer(a))));
    }
    awaitAll(running, pool);
    if (failed.isEmpty()) {
      running.clear();
      for (SyncPlan.Action a : plan.deletions()) {
        running.add(pool.submit(() -> attempt(a, () -> delete(a))));
      }
      awaitAll(running, pool);
    } else if (!plan.deletions().isEmpty()) {
      progress.message(
          "stowage: not deleting "
              + plan.deletions().size()
              + " files at the destination: "
              + failed.size()
              + " transfers failed");
    }
    progress.finish();
    return new SyncSummary(
        transferredFiles.get(),
        transferredBytes.get(),
        plan.count(SyncPlan.Kind.SKIP),
        deleted.get(),
        failed,
        context.nanoTime().getAsLong() - started);
  }

  private interface Step {
    void run() throws IOException;
  }

  private void attempt(SyncPlan.Action a, Step step) {
    if (Cancellation.token().isCancelled()) {
      // Stopping: the files not started yet are counted, not each reported.
      failed.add("'" + Printable.name(a.relative()) + "': not started (cancelled)");
      if (a.transfers()) {
        progress.fileDone();
      }
      return;
    }
    try {
      step.run();
    } catch (IOException | RuntimeException e) {
      String what = a.kind() == SyncPlan.Kind.DELETE ? "delete " : "";
      String line =
          what
              + "'"
              + Printable.name(a.relative())
              + "': "
              + Redaction.redact(Failures.describe(e));
      failed.add(line);
      progress.message("stowage: failed: " + line);
    } finally {
      if (a.transfers()) {
        progress.fileDone();
      }
    }
  }

  private void transfer(SyncPlan.Action a) throws IOException {
    String problem = TreeNames.problem(a.relative(), source.isLocal(), destination.isLocal());
    if (problem != null) {
      throw new CommandFailedException(problem + "; not copied");
    }
    Location from = TreeWalk.child(source, a.relative());
    Location to = TreeWalk.child(destination, a.relative());
    if (serverSide) {
      Filesystem fs = session.filesystem(from);
      if (options.equals(WriteOptions.DEFAULT)) {
        fs.copy(from.path(), to.path());
      } else {
        fs.copy(from.path(), to.path(), options);
      }
      progress.bytes(a.size());
    } else {
      if (to.isLocal()) {
        Path parent = to.localPath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      }
      String type = a.source() == null ? null : a.source().contentType();
      WriteOptions carried =
          options.contentType() == null && type != null ? options.withContentType(type) : options;
      Transfers one = new Transfers(context, session, true, carried, progress.fileListener());
      try (InputStream in = open(from)) {
        one.fromStream(in, a.size(), a.relative(), to);
      }
    }
    transferredFiles.incrementAndGet();
    transferredBytes.addAndGet(a.size());
  }

  private InputStream open(Location from) throws IOException {
    if (from.isLocal()) {
      return Files.newInputStream(from.localPath());
    }
    return session.filesystem(from).readStream(from.path());
  }

  private void delete(SyncPlan.Action a) throws IOException {
    String problem = TreeNames.problem(a.relative(), destination.isLocal(), destination.isLocal());
    if (problem != null) {
      throw new CommandFailedException(problem + "; not deleted");
    }
    Location target = TreeWalk.child(destination, a.relative());
    if (target.isLocal()) {
      Files.deleteIfExists(target.localPath());
    } else {
      session.filesystem(target).delete(target.path());
    }
    deleted.incrementAndGet();
  }

  /** Waits for every task; a cancelled command stops the rest and waits for them to clean up. */
  static void awaitAll(List<? extends Future<?>> tasks, ExecutorService pool) throws IOException {
    for (Future<?> f : tasks) {
      try {
        f.get();
      } catch (InterruptedException e) {
        pool.shutdownNow();
        try {
          pool.awaitTermination(Stowage.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException again) {
          // Stopping anyway.
        }
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(
            "cancelled: the process is being stopped (Ctrl-C or SIGTERM)");
      } catch (ExecutionException e) {
        // attempt() catches what a file throws; anything else is a bug worth surfacing.
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}
