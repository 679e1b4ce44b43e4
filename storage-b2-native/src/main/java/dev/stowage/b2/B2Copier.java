package dev.stowage.b2;

import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2CopyFileRequest;
import dev.stowage.b2.client.B2CopyPartRequest;
import dev.stowage.b2.client.B2FileNamesPage;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.Transfer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Copies inside B2, without moving bytes through the client: {@code b2_copy_file} below the copy
 * cutoff (metadata kept with {@code COPY}, or merged with the options under {@code REPLACE}), and
 * above it a large file assembled with {@code b2_copy_part}, cancelled if any part fails.
 */
final class B2Copier {
  private final B2Context ctx;
  private final ExecutorService executor;

  B2Copier(B2Context ctx, ExecutorService executor) {
    this.ctx = ctx;
    this.executor = executor;
  }

  FileAttributes copy(String source, String destination, WriteOptions options) {
    B2Context.checkContentType(options.contentType());
    ctx.checkVisibility(options.visibility());
    for (String key : options.userMetadata().keySet()) {
      if (Attributes.isReserved(key)) {
        throw BackendException.of(
            StorageException.Kind.INVALID_INPUT,
            "user metadata key '" + key + "' is reserved by B2");
      }
    }
    B2FileVersion src = find(source);
    String target = ctx.bucket.fileName(destination);
    // B2 finishes no large file of fewer than 2 parts: what fits in one part is one b2_copy_file.
    long size = src.contentLength();
    if (size < ctx.config.copyCutoff() || size <= ctx.sizes().partSizeFor(size)) {
      B2CopyFileRequest request =
          options.hasContentMetadata()
              ? B2CopyFileRequest.replace(
                  src.fileId(),
                  target,
                  options.contentType() != null ? options.contentType() : src.contentType(),
                  Attributes.merge(src.fileInfo(), options))
              : B2CopyFileRequest.copy(src.fileId(), target);
      B2FileVersion copied =
          ctx.retries.call(
              () -> ctx.client.copyFile(request),
              Transfer.of(options.listener(), options.cancellation()).retryHook(null));
      return Attributes.of(destination, copied, ctx.bucket.visibility());
    }
    return copyParts(source, destination, src, target, options);
  }

  /** Returns the newest visible version of {@code path}, or fails with NOT_FOUND. */
  private B2FileVersion find(String path) {
    String name = ctx.bucket.fileName(path);
    B2FileNamesPage page =
        ctx.retries.call(
            () ->
                ctx.client.listFileNames(
                    new B2ListFilesRequest(ctx.bucket.id(), name, null, name, null, 1)));
    if (page.files().isEmpty()
        || !page.files().get(0).fileName().equals(name)
        || !page.files().get(0).isFile()) {
      throw BackendException.of(StorageException.Kind.NOT_FOUND, "no such file");
    }
    return page.files().get(0);
  }

  private FileAttributes copyParts(
      String source, String destination, B2FileVersion src, String target, WriteOptions options) {
    long size = src.contentLength();
    long partSize = ctx.sizes().partSizeFor(size);
    String type = options.contentType() != null ? options.contentType() : src.contentType();
    Map<String, String> info =
        options.hasContentMetadata()
            ? Attributes.merge(src.fileInfo(), options)
            : new LinkedHashMap<>(src.fileInfo());
    if (!info.containsKey(Attributes.LARGE_FILE_SHA1) && src.sha1OrNull() != null) {
      info.put(Attributes.LARGE_FILE_SHA1, src.sha1OrNull());
    }
    LargeFileSession session = LargeFileSession.start(ctx, source, destination, target, type, info);
    try {
      List<Future<String>> parts = new ArrayList<>();
      int count = (int) ((size + partSize - 1) / partSize);
      for (int n = 1; n <= count; n++) {
        long first = (n - 1) * partSize;
        long last = Math.min(size, first + partSize) - 1;
        B2CopyPartRequest request =
            new B2CopyPartRequest(src.fileId(), session.fileId(), n, "bytes=" + first + "-" + last);
        parts.add(
            executor.submit(
                () -> ctx.retries.call(() -> ctx.client.copyPart(request).contentSha1())));
      }
      List<String> sha1s = new ArrayList<>();
      for (Future<String> f : parts) {
        sha1s.add(await(f, parts));
      }
      return session.complete(sha1s);
    } catch (RuntimeException e) {
      session.abort();
      throw e;
    }
  }

  private static String await(Future<String> f, List<Future<String>> all) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      all.forEach(other -> other.cancel(true));
      throw B2Errors.translate(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      all.forEach(other -> other.cancel(true));
      throw BackendException.of(StorageException.Kind.UNAVAILABLE, "interrupted", e);
    }
  }
}
