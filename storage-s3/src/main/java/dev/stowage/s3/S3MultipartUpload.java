package dev.stowage.s3;

import dev.stowage.FileAttributes;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.MultipartSession;
import dev.stowage.spi.PartData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One S3 multipart upload driven by the shared {@link dev.stowage.spi.PartUploader}: parts are
 * sent as they come (from several threads), completed in order, or aborted so that S3 keeps
 * nothing. The receipt of a part is its {@link CompletedPart} (number and ETag).
 */
final class S3MultipartUpload implements MultipartSession<CompletedPart> {

  private static final Logger LOG = LoggerFactory.getLogger(S3MultipartUpload.class);

  private final S3Context s3;
  private final String path;
  private final String key;
  private final String uploadId;
  private final WriteOptions options;
  private final @Nullable Visibility visibility;
  private final AtomicLong size = new AtomicLong();

  private S3MultipartUpload(
      S3Context s3,
      String path,
      String uploadId,
      WriteOptions options,
      @Nullable Visibility visibility) {
    this.s3 = s3;
    this.path = path;
    this.key = s3.keys().file(path);
    this.uploadId = uploadId;
    this.options = options;
    this.visibility = visibility;
  }

  /** Starts a multipart upload of {@code path} with the content headers of {@code request}. */
  static S3MultipartUpload start(
      S3Context s3,
      String path,
      CreateMultipartUploadRequest request,
      WriteOptions options,
      @Nullable Visibility visibility) {
    try {
      String id = s3.client().createMultipartUpload(request).uploadId();
      return new S3MultipartUpload(s3, path, id, options, visibility);
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
  }

  String uploadId() {
    return uploadId;
  }

  @Override
  public CompletedPart uploadPart(PartData part) {
    // The provider reopens the part on a retry; both buffer and file parts allow that. The HTTP
    // client may keep the last request's body with a pooled connection: it reaches the part only
    // through a reference cleared once the part is done, so a finished part's buffer is garbage.
    AtomicReference<PartData> held = new AtomicReference<>(part);
    RequestBody body =
        RequestBody.fromContentProvider(
            () -> open(held), part.length(), "application/octet-stream");
    try {
      UploadPartResponse r =
          s3.client()
              .uploadPart(
                  b ->
                      b.bucket(s3.bucket())
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(part.partNumber())
                          .contentLength(part.length()),
                  body);
      size.addAndGet(part.length());
      return CompletedPart.builder().partNumber(part.partNumber()).eTag(r.eTag()).build();
    } catch (RuntimeException e) {
      throw s3.fail(e);
    } finally {
      held.set(null);
    }
  }

  @Override
  public FileAttributes complete(List<CompletedPart> receipts) {
    CompleteMultipartUploadRequest.Builder b =
        CompleteMultipartUploadRequest.builder()
            .bucket(s3.bucket())
            .key(key)
            .uploadId(uploadId)
            .multipartUpload(m -> m.parts(receipts));
    if (options.createOnly()) {
      b.ifNoneMatch("*");
    }
    try {
      CompleteMultipartUploadResponse r = s3.client().completeMultipartUpload(b.build());
      return S3Attributes.written(
          path, size.get(), options, r.eTag(), r.versionId(), r, visibility);
    } catch (RuntimeException e) {
      throw s3.fail(e, options.createOnly());
    }
  }

  /**
   * Aborts the upload before returning, also when the calling thread was interrupted (the usual
   * way an upload is cancelled): the SDK refuses to start a request on an interrupted thread, so
   * the flag is cleared for the abort request and set again afterwards. The abort is bounded by
   * the operation deadline like any call.
   */
  @Override
  public void abort() {
    abort(s3, path, key, uploadId);
  }

  /**
   * Aborts multipart upload {@code uploadId} of {@code key}, with the calling thread's interrupt
   * flag cleared meanwhile and restored after; returns whether the service confirmed it. A
   * failure is logged (without the key's secrets: there are none) and swallowed, because the
   * failure that led here is what the caller must see.
   */
  static boolean abort(S3Context s3, String path, String key, String uploadId) {
    boolean interrupted = Thread.interrupted();
    try {
      s3.client().abortMultipartUpload(b -> b.bucket(s3.bucket()).key(key).uploadId(uploadId));
      return true;
    } catch (RuntimeException e) {
      // A lifecycle rule for incomplete multipart uploads cleans up what is left.
      LOG.warn(
          "Aborting the multipart upload of '{}' failed; the bucket may keep its parts: {}",
          path,
          e.getClass().getSimpleName());
      return false;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static InputStream open(AtomicReference<PartData> held) {
    PartData part = held.get();
    if (part == null) {
      throw new UncheckedIOException(new IOException("the part was already uploaded"));
    }
    try {
      return new ReleasingInputStream(part.open());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops its source on close, so that a body kept after the request pins no part buffer. */
  private static final class ReleasingInputStream extends java.io.FilterInputStream {
    ReleasingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() throws IOException {
      InputStream source = in;
      in = InputStream.nullInputStream();
      source.close();
    }
  }
}
