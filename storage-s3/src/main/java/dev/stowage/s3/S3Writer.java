package dev.stowage.s3;

import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.PartUploader;
import dev.stowage.spi.WritePlan;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Writes files as the shared {@link WritePlan} decides: one PutObject below the multipart
 * threshold, a multipart upload through the shared {@link PartUploader} above it. Streams are held
 * in memory only up to one part (the threshold or the part size, whichever is smaller). Part size
 * and parts in flight fit the configured memory budget. Local files are uploaded part by part by
 * position, never buffered.
 */
final class S3Writer {

  /** S3 allows at most this many parts per upload. */
  static final int MAX_PARTS = 10_000;

  private static final long MAX_PART = 2047 * S3Config.MIB;

  private final S3Context s3;

  S3Writer(S3Context s3) {
    this.s3 = s3;
  }

  FileAttributes write(String path, WriteSource source, WriteOptions options) {
    ObjectCannedACL acl = s3.acl(options.visibility());
    Visibility reported = s3.writtenVisibility(options.visibility());
    long threshold = s3.config().multipartThreshold();
    // A stream is held in memory only up to one part, so its head stays within the budget.
    long streamThreshold = Math.min(threshold, s3.config().partSizeFor(-1, MAX_PARTS));
    try {
      WritePlan plan =
          WritePlan.of(
              path,
              source,
              length -> length >= threshold,
              Math.min(streamThreshold, Integer.MAX_VALUE - 9) - 1);
      if (plan instanceof WritePlan.Once) {
        WritePlan.Once once = (WritePlan.Once) plan;
        RequestBody body =
            once.bytes() != null ? bytes(once.bytes()) : RequestBody.fromFile(once.file());
        return put(path, body, once.length(), options, acl, reported);
      }
      WritePlan.Parts parts = (WritePlan.Parts) plan;
      return multipart(path, parts.length(), options, acl, reported, parts::upload);
    } catch (IOException e) {
      throw S3Errors.io(e);
    } catch (UncheckedIOException e) {
      // An UncheckedIOException cannot be made without its cause.
      throw S3Errors.io(Objects.requireNonNull(e.getCause()));
    }
  }

  /** Writes an empty directory marker. */
  void marker(String path, @Nullable Visibility visibility) {
    ObjectCannedACL acl = s3.acl(visibility);
    try {
      s3.client()
          .putObject(
              PutObjectRequest.builder()
                  .bucket(s3.bucket())
                  .key(s3.keys().directory(path))
                  .contentType("application/x-directory")
                  .acl(acl)
                  .build(),
              RequestBody.empty());
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
  }

  private FileAttributes put(
      String path,
      RequestBody body,
      long length,
      WriteOptions o,
      @Nullable ObjectCannedACL acl,
      @Nullable Visibility reported) {
    PutObjectRequest.Builder b =
        PutObjectRequest.builder()
            .bucket(s3.bucket())
            .key(s3.keys().file(path))
            .contentLength(length)
            .contentType(o.contentType())
            .cacheControl(o.cacheControl())
            .contentDisposition(o.contentDisposition())
            .contentEncoding(o.contentEncoding())
            .acl(acl);
    if (!o.userMetadata().isEmpty()) {
      b.metadata(S3Metadata.encode(o.userMetadata()));
    }
    if (o.createOnly()) {
      b.ifNoneMatch("*");
    }
    if (length > s3.config().partSize()) {
      b.overrideConfiguration(c -> c.apiCallTimeout(s3.config().putTimeout(length)));
    }
    try {
      PutObjectResponse r = s3.client().putObject(b.build(), body);
      return S3Attributes.written(path, length, o, r.eTag(), r.versionId(), r, reported);
    } catch (RuntimeException e) {
      throw s3.fail(e, o.createOnly());
    }
  }

  /** The part of a multipart write that differs by source. */
  private interface Upload {
    FileAttributes run(PartUploader uploader, S3MultipartUpload session) throws IOException;
  }

  private FileAttributes multipart(
      String path,
      long length,
      WriteOptions o,
      @Nullable ObjectCannedACL acl,
      @Nullable Visibility reported,
      Upload upload)
      throws IOException {
    long partSize = partSize(path, length);
    PartUploader uploader =
        PartUploader.builder()
            .partSize(partSize)
            .concurrency(s3.config().concurrencyFor(partSize))
            .build();
    S3MultipartUpload session =
        S3MultipartUpload.start(s3, path, createRequest(s3.keys().file(path), o, acl), o, reported);
    return upload.run(uploader, session);
  }

  /**
   * Returns the part size: the configured one within the memory budget, raised so that a known
   * length fits in 10,000 parts.
   */
  private long partSize(String path, long length) {
    long size = s3.config().partSizeFor(length, MAX_PARTS);
    if (size > MAX_PART) {
      throw BackendException.of(
          StorageException.Kind.INVALID_INPUT, "the file is too large for " + MAX_PARTS + " parts");
    }
    return size;
  }

  /** Returns a CreateMultipartUpload request carrying the content headers of {@code o}. */
  CreateMultipartUploadRequest createRequest(
      String key, WriteOptions o, @Nullable ObjectCannedACL acl) {
    CreateMultipartUploadRequest.Builder b =
        CreateMultipartUploadRequest.builder()
            .bucket(s3.bucket())
            .key(key)
            .contentType(o.contentType())
            .cacheControl(o.cacheControl())
            .contentDisposition(o.contentDisposition())
            .contentEncoding(o.contentEncoding())
            .acl(acl);
    if (!o.userMetadata().isEmpty()) {
      b.metadata(S3Metadata.encode(o.userMetadata()));
    }
    return b.build();
  }

  /** Returns a body over {@code data} without copying it (RequestBody.fromBytes would). */
  private static RequestBody bytes(byte[] data) {
    ContentStreamProvider provider = () -> new ByteArrayInputStream(data);
    return RequestBody.fromContentProvider(provider, data.length, "application/octet-stream");
  }
}
