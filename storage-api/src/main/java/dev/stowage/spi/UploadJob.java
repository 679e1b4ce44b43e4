package dev.stowage.spi;

import dev.stowage.CancellationToken;
import dev.stowage.FileAttributes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One run of {@link PartUploader}: bounded parallel parts, receipts in order, and a single abort
 * after every started part has finished when anything fails.
 */
final class UploadJob<R> {

  /** Produces the parts, calling {@link #submit} for each in order. */
  interface Feeder {
    void feed(UploadJob<?> job) throws IOException;
  }

  private final MultipartSession<R> session;
  private final Transfer transfer;
  private final boolean countBytes;
  private final ExecutorService pool;
  private final Semaphore slots;
  private final Semaphore buffers;
  private final Object lock = new Object();
  private final Set<Thread> running = new HashSet<>();
  private final List<R> receipts = new ArrayList<>();
  private int pending;
  private int parts;
  private @Nullable Throwable failure;
  private boolean interrupted;

  UploadJob(
      MultipartSession<R> session,
      ExecutorService pool,
      int concurrency,
      Transfer transfer,
      boolean countBytes) {
    this.session = session;
    this.transfer = transfer;
    this.countBytes = countBytes && transfer.reports();
    this.pool = pool;
    this.slots = new Semaphore(concurrency);
    this.buffers = new Semaphore(concurrency + 1);
  }

  /**
   * Waits until a part buffer may be allocated (at most concurrency + 1 are alive: the parts in
   * flight and the one being filled); returns false when the job has failed instead.
   */
  boolean reserveBuffer() throws IOException {
    try {
      while (!buffers.tryAcquire(20, TimeUnit.MILLISECONDS)) {
        if (failed()) {
          return false;
        }
      }
    } catch (InterruptedException e) {
      throw PartUploader.interrupted(e);
    }
    return true;
  }

  /** Returns a reservation taken by {@link #reserveBuffer}. */
  void releaseBuffer() {
    buffers.release();
  }

  /**
   * Starts uploading {@code part} once a slot is free; returns false (without starting it) when
   * the job has failed and feeding must stop.
   */
  boolean submit(PartData part) throws IOException {
    try {
      while (!slots.tryAcquire(20, TimeUnit.MILLISECONDS)) {
        if (failed()) {
          return false;
        }
      }
    } catch (InterruptedException e) {
      throw PartUploader.interrupted(e);
    }
    if (transfer.isCancelled()) {
      slots.release();
      fail(new TransferCancelledException());
      return false;
    }
    synchronized (lock) {
      if (failure != null) {
        slots.release();
        return false;
      }
      pending++;
      parts = Math.max(parts, part.partNumber());
    }
    try {
      pool.execute(() -> uploadOne(part));
    } catch (RejectedExecutionException e) {
      finishOne();
      slots.release();
      fail(e);
      return false;
    }
    return true;
  }

  FileAttributes run(Feeder feeder) throws IOException {
    try (CancellationToken.Registration stop =
        transfer.onCancel(() -> fail(new TransferCancelledException()))) {
      return runParts(feeder);
    }
  }

  private FileAttributes runParts(Feeder feeder) throws IOException {
    try {
      feeder.feed(this);
    } catch (TransferCancelledException e) {
      fail(e);
    } catch (InterruptedIOException e) {
      interrupted = true;
      fail(e);
    } catch (IOException | RuntimeException | Error e) {
      fail(e);
    }
    awaitParts();
    if (!failed() && transfer.isCancelled()) {
      fail(new TransferCancelledException());
    }
    if (!failed()) {
      try {
        List<R> ordered;
        synchronized (lock) {
          ordered = new ArrayList<>(receipts.subList(0, parts));
        }
        return session.complete(ordered);
      } catch (IOException | RuntimeException | Error e) {
        fail(e);
      }
    }
    // The abort is a network call: on an interrupted thread the HTTP client would refuse it and
    // leave the upload behind. Run it with the flag cleared, then set the flag again below.
    if (Thread.interrupted()) {
      interrupted = true;
    }
    try {
      session.abort();
    } catch (RuntimeException e) {
      addSuppressed(e);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throw rethrow();
  }

  private void uploadOne(PartData part) {
    Thread self = Thread.currentThread();
    synchronized (lock) {
      running.add(self);
    }
    try {
      if (!failed()) {
        R receipt = session.uploadPart(countBytes ? new CountedPart(part, transfer) : part);
        synchronized (lock) {
          while (receipts.size() < part.partNumber()) {
            receipts.add(null);
          }
          receipts.set(part.partNumber() - 1, receipt);
        }
        transfer.partCompleted(part.partNumber(), part.length());
      }
    } catch (Throwable t) {
      fail(t);
    } finally {
      part.release();
      synchronized (lock) {
        running.remove(self);
      }
      // An interrupt aimed at this part must not leak into the pool thread's next task.
      Thread.interrupted();
      slots.release();
      finishOne();
    }
  }

  private void finishOne() {
    synchronized (lock) {
      pending--;
      lock.notifyAll();
    }
  }

  /** Waits for every started part; an interrupt meanwhile fails the job but still waits. */
  private void awaitParts() {
    synchronized (lock) {
      while (pending > 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
          fail(PartUploader.interrupted(e));
          Thread.interrupted();
        }
      }
    }
  }

  private boolean failed() {
    synchronized (lock) {
      return failure != null;
    }
  }

  private void fail(Throwable t) {
    synchronized (lock) {
      if (failure == null) {
        failure = t;
        // Stop the parts in flight; each clears its interrupt before its thread moves on.
        for (Thread r : running) {
          r.interrupt();
        }
      } else if (failure != t) {
        failure.addSuppressed(t);
      }
    }
  }

  private void addSuppressed(Throwable t) {
    synchronized (lock) {
      if (failure == null) {
        failure = t;
      } else {
        failure.addSuppressed(t);
      }
    }
  }

  private IOException rethrow() {
    Throwable f;
    synchronized (lock) {
      f = failure;
    }
    if (f instanceof IOException) {
      return (IOException) f;
    }
    if (f instanceof RuntimeException) {
      throw (RuntimeException) f;
    }
    if (f instanceof Error) {
      throw (Error) f;
    }
    return new IOException("a part upload failed", f);
  }
}
