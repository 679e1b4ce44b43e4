package dev.stowage.b2;

import dev.stowage.StorageException;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2FileVersionsPage;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.spi.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Deletes files and directories. A file is deleted by removing every version of its name (the
 * default) or by hiding it; a directory by removing every version of every name below it, hide
 * markers included, and cancelling unfinished large files there. Versions of one page are
 * deleted in parallel.
 */
final class B2Deleter {
  private final B2Context ctx;
  private final ExecutorService executor;
  private final Predicate<String> directoryExists;

  B2Deleter(B2Context ctx, ExecutorService executor, Predicate<String> directoryExists) {
    this.ctx = ctx;
    this.executor = executor;
    this.directoryExists = directoryExists;
  }

  /** Deletes the file at {@code path} as the configured mode says; a missing file is not an error. */
  void delete(String path) {
    String fileName = ctx.bucket.fileName(path);
    boolean deleted =
        ctx.config.deleteMode() == B2DeleteMode.HIDE
            ? hide(fileName)
            : deleteVersions(fileName, false) > 0;
    if (!deleted && directoryExists.test(path)) {
      throw BackendException.of(
          StorageException.Kind.IS_A_DIRECTORY, "a directory exists at this path");
    }
  }

  void deleteDirectory(String path) {
    String prefix = ctx.retries.call(() -> ctx.bucket.clampToKey(ctx.bucket.directoryPrefix(path)));
    deleteVersions(prefix, true);
  }

  /** Hides the name; returns false when there was no visible file to hide. */
  private boolean hide(String fileName) {
    try {
      ctx.retries.call(() -> ctx.client.hideFile(ctx.bucket.id(), fileName));
      return true;
    } catch (BackendException e) {
      if (e.kind() != StorageException.Kind.NOT_FOUND) {
        throw e; // no_such_file and already_hidden mean there is nothing to delete
      }
      return false;
    }
  }

  /**
   * Deletes the versions of exactly {@code name}, or of every name starting with it when
   * {@code isPrefix}; returns how many versions were deleted.
   */
  private int deleteVersions(String name, boolean isPrefix) {
    int deleted = 0;
    String startName = isPrefix ? null : name;
    String startId = null;
    while (true) {
      B2ListFilesRequest request =
          new B2ListFilesRequest(
              ctx.bucket.id(), name, null, startName, startId, ctx.config.listPageSize());
      B2FileVersionsPage page = ctx.retries.call(() -> ctx.client.listFileVersions(request));
      List<B2FileVersion> doomed = new ArrayList<>();
      boolean past = false;
      for (B2FileVersion v : page.files()) {
        if (!isPrefix && !v.fileName().equals(name)) {
          past = true;
          break;
        }
        if (isPrefix || !"start".equals(v.action())) {
          doomed.add(v); // a file's delete leaves others' unfinished uploads of the name alone
        }
      }
      removeAll(doomed);
      deleted += doomed.size();
      if (past || page.nextFileName() == null) {
        return deleted;
      }
      startName = page.nextFileName();
      startId = page.nextFileId();
    }
  }

  private void removeAll(List<B2FileVersion> versions) {
    List<Future<?>> running = new ArrayList<>();
    for (B2FileVersion v : versions) {
      running.add(executor.submit(() -> remove(v)));
    }
    BackendException first = null;
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        BackendException failure = B2Errors.translate(e);
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw BackendException.of(StorageException.Kind.UNAVAILABLE, "interrupted", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void remove(B2FileVersion v) {
    boolean unfinished = "start".equals(v.action());
    try {
      if (unfinished) {
        ctx.retries.call(() -> ctx.client.cancelLargeFile(v.fileId()));
      } else {
        ctx.retries.call(() -> ctx.client.deleteFileVersion(v.fileName(), v.fileId()));
      }
    } catch (BackendException e) {
      // Already gone (perhaps by an earlier attempt whose answer was lost) is fine; B2 answers a
      // cancel of a finished or cancelled file with a plain bad_request.
      boolean gone =
          e.kind() == StorageException.Kind.NOT_FOUND
              || (unfinished && e.kind() == StorageException.Kind.INVALID_INPUT);
      if (!gone) {
        throw e;
      }
    }
  }
}
