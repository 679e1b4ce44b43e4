package dev.stowage.s3;

import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * Server-side copies: one CopyObject up to the copy threshold (5 GiB by default, S3's limit),
 * above it — or when the copy is create-only — a multipart upload whose parts are UploadPartCopy
 * ranges, copied in parallel and completed with {@code If-None-Match: *} when create-only.
 *
 * <p>What the caller did not ask to replace is kept: content headers and user metadata (sent
 * again with {@code REPLACE} when anything changes, since S3 replaces all or nothing) and, on
 * object-ACL profiles, the source's visibility (S3 copies never carry the ACL along).
 */
final class S3Copier {

  private final S3Context s3;
  private final S3Writer writer;
  private final S3Reader reader;

  S3Copier(S3Context s3, S3Writer writer, S3Reader reader) {
    this.s3 = s3;
    this.writer = writer;
    this.reader = reader;
  }

  FileAttributes copy(String source, String destination, WriteOptions options) {
    HeadObjectResponse head = reader.head(source);
    Visibility visibility = options.visibility();
    ObjectCannedACL acl = s3.acl(visibility);
    if (visibility == null && s3.config().visibilityMode() == VisibilityMode.PER_OBJECT) {
      // S3 copies never carry the ACL; keep a public source public. A private one needs no
      // header, since new objects are private.
      visibility = reader.objectVisibility(source);
      acl = visibility == Visibility.PUBLIC ? ObjectCannedACL.PUBLIC_READ : null;
    }
    WriteOptions merged = merge(head, options).withVisibility(visibility);
    long size = head.contentLength();
    try {
      // CopyObject ignores If-None-Match on several services (S3Proxy, older MinIO), while a
      // conditional CompleteMultipartUpload is honoured wherever create-only is declared.
      if (size > s3.config().copyPartThreshold() || options.createOnly()) {
        return multipartCopy(source, destination, size, merged, acl, options.createOnly());
      }
      // S3 refuses a self-copy that changes nothing; REPLACE with the same values is allowed.
      boolean replace = options.hasContentMetadata() || source.equals(destination);
      CopyObjectRequest.Builder b =
          CopyObjectRequest.builder()
              .sourceBucket(s3.bucket())
              .sourceKey(s3.keys().file(source))
              .destinationBucket(s3.bucket())
              .destinationKey(s3.keys().file(destination))
              .acl(acl)
              .overrideConfiguration(o -> o.apiCallTimeout(s3.config().copyTimeout(size)));
      if (replace) {
        b.metadataDirective(MetadataDirective.REPLACE)
            .contentType(merged.contentType())
            .cacheControl(merged.cacheControl())
            .contentDisposition(merged.contentDisposition())
            .contentEncoding(merged.contentEncoding())
            .metadata(S3Metadata.encode(merged.userMetadata()));
      }
      CopyObjectResponse r = s3.client().copyObject(b.build());
      String etag = r.copyObjectResult() == null ? null : r.copyObjectResult().eTag();
      return S3Attributes.written(
          destination, size, merged, etag, r.versionId(), r, s3.writtenVisibility(visibility));
    } catch (RuntimeException e) {
      throw s3.fail(e, options.createOnly());
    }
  }

  /** Returns the source's content metadata with every option the caller set replacing it. */
  private static WriteOptions merge(HeadObjectResponse head, WriteOptions o) {
    // User metadata is one value: a map that is set replaces the source's whole map.
    Map<String, String> metadata =
        o.userMetadata().isEmpty() ? S3Metadata.decode(head.metadata()) : o.userMetadata();
    return WriteOptions.builder()
        .contentType(o.contentType() != null ? o.contentType() : head.contentType())
        .cacheControl(o.cacheControl() != null ? o.cacheControl() : head.cacheControl())
        .contentDisposition(
            o.contentDisposition() != null ? o.contentDisposition() : head.contentDisposition())
        .contentEncoding(o.contentEncoding() != null ? o.contentEncoding() : head.contentEncoding())
        .userMetadata(metadata)
        .build();
  }

  private FileAttributes multipartCopy(
      String source,
      String destination,
      long size,
      WriteOptions merged,
      @Nullable ObjectCannedACL acl,
      boolean createOnly) {
    long partSize =
        Math.max(s3.config().copyPartSize(), (size + S3Writer.MAX_PARTS - 1) / S3Writer.MAX_PARTS);
    if (partSize > S3Config.MAX_SINGLE_SIZE) {
      throw BackendException.of(
          StorageException.Kind.INVALID_INPUT,
          "the file is too large for " + S3Writer.MAX_PARTS + " copy parts");
    }
    String sourceKey = s3.keys().file(source);
    String key = s3.keys().file(destination);
    String uploadId;
    try {
      uploadId =
          s3.client().createMultipartUpload(writer.createRequest(key, merged, acl)).uploadId();
    } catch (RuntimeException e) {
      throw s3.fail(e, false);
    }
    int count = (int) Math.max(1, (size + partSize - 1) / partSize);
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(count, s3.config().concurrency()), daemon());
    try {
      List<Future<CompletedPart>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int number = i + 1;
        long first = i * partSize;
        long last = Math.min(size, first + partSize) - 1;
        // A single part copies the whole source: no range, which also covers an empty file.
        String range = count == 1 ? null : "bytes=" + first + "-" + last;
        java.time.Duration timeout = s3.config().copyTimeout(last - first + 1);
        futures.add(
            pool.submit(
                () -> {
                  UploadPartCopyResponse r =
                      s3.client()
                          .uploadPartCopy(
                              b ->
                                  b.sourceBucket(s3.bucket())
                                      .sourceKey(sourceKey)
                                      .destinationBucket(s3.bucket())
                                      .destinationKey(key)
                                      .uploadId(uploadId)
                                      .partNumber(number)
                                      .copySourceRange(range)
                                      .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
                  return CompletedPart.builder()
                      .partNumber(number)
                      .eTag(r.copyPartResult().eTag())
                      .build();
                }));
      }
      List<CompletedPart> parts = new ArrayList<>();
      for (Future<CompletedPart> f : futures) {
        parts.add(f.get());
      }
      var r =
          s3.client()
              .completeMultipartUpload(
                  b ->
                      b.bucket(s3.bucket())
                          .key(key)
                          .uploadId(uploadId)
                          .multipartUpload(m -> m.parts(parts))
                          .ifNoneMatch(createOnly ? "*" : null));
      return S3Attributes.written(
          destination,
          size,
          merged,
          r.eTag(),
          r.versionId(),
          r,
          s3.writtenVisibility(merged.visibility()));
    } catch (RuntimeException | ExecutionException | InterruptedException e) {
      pool.shutdownNow();
      awaitParts(pool);
      S3MultipartUpload.abort(s3, destination, key, uploadId);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException) {
        throw s3.fail((RuntimeException) cause, createOnly);
      }
      throw BackendException.of(
          StorageException.Kind.UNAVAILABLE, cause.getClass().getSimpleName(), cause);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Waits (bounded by the operation deadline) for part copies already running, so that none
   * lands after the abort; keeps the caller's interrupt flag.
   */
  private void awaitParts(ExecutorService pool) {
    boolean interrupted = Thread.interrupted();
    try {
      pool.awaitTermination(s3.config().timeouts().operation().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "stowage-s3-copy-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
