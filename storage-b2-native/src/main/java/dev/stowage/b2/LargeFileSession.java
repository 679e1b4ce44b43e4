package dev.stowage.b2;

import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.b2.client.B2Exception;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2FileVersionsPage;
import dev.stowage.b2.client.B2Part;
import dev.stowage.b2.client.B2StartLargeFileRequest;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.MultipartSession;
import dev.stowage.spi.PartData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One B2 large file driven by the shared part uploader: parts go through their own pool of part
 * URLs (a failed part drops its URL and retries with a new one), the receipt of a part is its
 * SHA-1, and on any failure the unfinished file is cancelled so that nothing is left behind.
 *
 * <p>When a start or finish call failed in a way that leaves its effect unknown (a lost
 * answer), the session cleans up: it cancels other unfinished files of the same name that such a
 * start may have left, and accepts a finish that had in fact succeeded.
 */
final class LargeFileSession implements MultipartSession<String> {
  private static final Logger LOG = LoggerFactory.getLogger(LargeFileSession.class);

  private final B2Context ctx;
  private final String path;
  private final @Nullable String destination;
  private final B2FileVersion started;
  private final boolean ambiguousStart;
  private final UploadUrlPool partUrls;
  private volatile @Nullable B2FileVersion finished;

  private LargeFileSession(
      B2Context ctx,
      String path,
      @Nullable String destination,
      B2FileVersion started,
      boolean ambiguousStart) {
    this.ctx = ctx;
    this.path = path;
    this.destination = destination;
    this.started = started;
    this.ambiguousStart = ambiguousStart;
    this.partUrls =
        new UploadUrlPool(
            () -> ctx.client.getUploadPartUrl(started.fileId()),
            ctx.clock,
            ctx.config.concurrency());
  }

  /**
   * Starts a large file (with retries) and returns its session. The file created is at
   * {@code destination} (null unless copying), or at {@code path} when that is null; both only
   * name it in attributes and logs (failures name no path: the facade attaches it).
   */
  static LargeFileSession start(
      B2Context ctx,
      String path,
      @Nullable String destination,
      String fileName,
      String contentType,
      Map<String, String> info) {
    B2StartLargeFileRequest request =
        new B2StartLargeFileRequest(ctx.bucket.id(), fileName, contentType, info);
    boolean[] ambiguous = {false};
    // The call runs on a thread of its own: an interrupt of the caller must not cut it off after
    // B2 has created the file, which would then stay unfinished where nobody knows its id. The
    // caller waits for the answer (bounded by the deadline) and, if it was interrupted meanwhile,
    // cancels the new file before reporting the interrupt.
    FutureTask<B2FileVersion> call =
        new FutureTask<>(
            () ->
                ctx.retries.call(
                    () -> ctx.client.startLargeFile(request),
                    (attempt, failure) -> ambiguous[0] |= isAmbiguous(failure)));
    long callStart = System.currentTimeMillis();
    Thread runner = new Thread(call, "stowage-b2-start-large-file");
    runner.setDaemon(true);
    runner.start();
    boolean interrupted = false;
    B2FileVersion started;
    while (true) {
      try {
        started = call.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        if (ambiguous[0] || isAmbiguous(e.getCause())) {
          // An attempt whose answer was lost may have started a file that nobody will finish.
          cancelUnfinished(ctx, path, destination, fileName, callStart - 60_000, null);
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException(cause);
      }
    }
    LargeFileSession session = new LargeFileSession(ctx, path, destination, started, ambiguous[0]);
    if (interrupted) {
      session.cancel();
      Thread.currentThread().interrupt();
      throw BackendException.of(
          StorageException.Kind.UNEXPECTED,
          "interrupted; the large file was cancelled",
          new InterruptedIOException("interrupted"));
    }
    return session;
  }

  String fileId() {
    return started.fileId();
  }

  /** Returns the finished file, or null before {@link #complete} has succeeded. */
  @Nullable B2FileVersion finished() {
    return finished;
  }

  @Override
  public String uploadPart(PartData part) {
    return ctx.retries.call(
        () -> {
          UploadUrlPool.Lease lease = partUrls.acquire();
          try (InputStream in = part.open()) {
            // hex_digits_at_end: each part is read once, and B2 checks the SHA-1 it ends with.
            B2Part uploaded =
                ctx.client.uploadPart(lease.url(), part.partNumber(), part.length(), null, in);
            lease.release();
            if (uploaded.contentLength() != part.length()) {
              // A reply damaged on the way: retry the part rather than finish with a wrong receipt.
              throw new IOException(
                  "B2's answer reports "
                      + uploaded.contentLength()
                      + " bytes for part "
                      + part.partNumber()
                      + ", "
                      + part.length()
                      + " were sent");
            }
            return uploaded.contentSha1();
          }
        });
  }

  @Override
  public FileAttributes complete(List<String> receipts) {
    if (receipts.size() < 2) {
      throw BackendException.of(
          StorageException.Kind.UNEXPECTED,
          "a B2 large file needs at least 2 parts, got " + receipts.size());
    }
    boolean[] retried = {false};
    B2FileVersion finished =
        ctx.retries.call(
            () -> {
              try {
                return ctx.client.finishLargeFile(started.fileId(), receipts);
              } catch (B2Exception e) {
                if (retried[0] && e.status() == 400) {
                  B2FileVersion now = ctx.client.getFileInfo(started.fileId());
                  if ("upload".equals(now.action())) {
                    return now; // an earlier attempt finished it; only its answer was lost
                  }
                }
                throw e;
              }
            },
            (attempt, failure) -> retried[0] = true);
    this.finished = finished;
    cancelStrays();
    return Attributes.of(
        destination != null ? destination : path, finished, ctx.bucket.visibility());
  }

  /**
   * Cancels the unfinished file. Runs even on an interrupted thread (whose HTTP calls would fail
   * at once): the interrupt flag is cleared for the cancel and set again afterwards. Bounded by
   * the operation deadline.
   */
  @Override
  public void abort() {
    boolean interrupted = Thread.interrupted();
    try {
      cancel();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void cancel() {
    try {
      ctx.retries.call(() -> ctx.client.cancelLargeFile(started.fileId()));
    } catch (BackendException e) {
      if (e.kind() != StorageException.Kind.NOT_FOUND
          && e.kind() != StorageException.Kind.INVALID_INPUT) {
        LOG.warn("could not cancel the unfinished large file of '{}': {}", path, e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.warn("could not cancel the unfinished large file of '{}'", path, e);
    }
    cancelStrays();
  }

  /** Cancels unfinished files of this name that an ambiguous start attempt may have created. */
  private void cancelStrays() {
    if (!ambiguousStart) {
      return;
    }
    cancelUnfinished(
        ctx,
        path,
        destination,
        started.fileName(),
        started.uploadTimestamp() - 60_000,
        started.fileId());
  }

  /**
   * Cancels the unfinished large files named {@code fileName} that were started since
   * {@code sinceMillis} (B2's clock, with a minute's allowance), except {@code keepFileId}: the
   * files that start attempts whose answers were lost created.
   */
  private static void cancelUnfinished(
      B2Context ctx,
      String path,
      @Nullable String destination,
      String fileName,
      long sinceMillis,
      @Nullable String keepFileId) {
    try {
      B2FileVersionsPage page =
          ctx.retries.call(
              () -> ctx.client.listUnfinishedLargeFiles(ctx.bucket.id(), fileName, null, 100));
      for (B2FileVersion v : page.files()) {
        if (v.fileName().equals(fileName)
            && !v.fileId().equals(keepFileId)
            && v.uploadTimestamp() >= sinceMillis) {
          ctx.retries.call(() -> ctx.client.cancelLargeFile(v.fileId()));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not clean up unfinished large files of '{}'", path, e);
    }
  }

  private static boolean isAmbiguous(@Nullable Throwable failure) {
    return failure instanceof BackendException && Retries.isAmbiguous((BackendException) failure);
  }
}
