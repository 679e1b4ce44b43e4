package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import dev.stowage.b2.emulator.EmulatorStore.BucketView;
import dev.stowage.b2.emulator.EmulatorStore.FileView;
import dev.stowage.b2.emulator.EmulatorStore.KeyView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.SdkRequests;
import org.gaul.s3proxy.blobstore.SdkResponses;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The emulator's store seen through one application key, as S3Proxy's back end: every call checks the key's
 * capabilities, bucket and name-prefix restriction the way B2's S3 API does, then reads or changes the SAME
 * buckets and versions as the native API. A null key is an anonymous caller, who may only read files of
 * {@code allPublic} buckets.
 */
final class EmulatorBlobStore implements BlobStore {
  private final EmulatorStore store;
  private final Access access;
  private final @Nullable KeyView key;
  private final ChecksumHeaders checksums;

  EmulatorBlobStore(EmulatorStore store, @Nullable KeyView key, ChecksumHeaders checksums) {
    this.store = store;
    this.access = new Access(store, key);
    this.key = key;
    this.checksums = checksums;
  }

  private static <T> T run(Supplier<T> action) {
    try {
      return action.get();
    } catch (EmulatorStore.Refused r) {
      throw S3Errors.from(r);
    }
  }

  private void require(String capability) {
    access.require(capability);
  }

  /**
   * The key that signed the request. Called only after a capability check that anonymous callers fail
   * (they may only read allPublic buckets), so the refusal below is a safety net.
   */
  private KeyView signedKey() {
    if (key == null) {
      throw S3Errors.accessDenied("an anonymous request cannot do this");
    }
    return key;
  }

  private BucketView bucket(String name) {
    return access.bucket(name);
  }

  private BucketView file(String capability, String bucketName, String fileName) {
    return access.file(capability, bucketName, fileName);
  }

  private boolean allowsName(String name) {
    return access.allowsName(name);
  }

  // ---- buckets

  @Override
  public ListBucketsResponse list() {
    if (key == null || !(key.has("listAllBucketNames") || key.has("listBuckets"))) {
      throw S3Errors.accessDenied("not entitled: ListBuckets needs capability listAllBucketNames");
    }
    List<software.amazon.awssdk.services.s3.model.Bucket> out = new ArrayList<>();
    for (BucketView b : store.buckets()) {
      if (key.bucketId() == null
          || key.bucketId().equals(b.bucketId())
          || key.has("listAllBucketNames")) {
        out.add(SdkResponses.bucket(b.bucketName(), Instant.EPOCH));
      }
    }
    return ListBucketsResponse.builder().buckets(out).build();
  }

  @Override
  public HeadBucketResponse headBucket(HeadBucketRequest request) {
    if (key == null) {
      throw S3Errors.accessDenied("anonymous access to buckets is not supported");
    }
    bucket(request.bucket());
    return HeadBucketResponse.builder().bucketRegion(B2S3Face.REGION).build();
  }

  @Override
  public boolean containerExists(String container) {
    return store.bucket(container) != null;
  }

  @Override
  public CreateBucketResponse createContainer(CreateBucketRequest request) {
    require("writeBuckets");
    if (signedKey().bucketId() != null) {
      throw S3Errors.accessDenied("a key restricted to a bucket cannot create buckets");
    }
    if (request.acl() != null
        && request.acl() != BucketCannedACL.PRIVATE
        && request.acl() != BucketCannedACL.PUBLIC_READ) {
      throw S3Errors.invalidArgument(
          "B2 buckets are private or public-read, not " + request.aclAsString());
    }
    BucketView existing = store.bucket(request.bucket());
    if (existing != null) {
      throw S3Errors.of(
          409, "BucketAlreadyOwnedByYou", "bucket " + request.bucket() + " already exists");
    }
    run(() -> store.createBucket(request.bucket(), request.acl() == BucketCannedACL.PUBLIC_READ));
    return CreateBucketResponse.builder().location("/" + request.bucket()).build();
  }

  @Override
  public BucketCannedACL getContainerAccess(String container) {
    BucketView b = store.bucket(container);
    if (b == null) {
      throw S3Exceptions.noSuchBucket(container, null);
    }
    return b.allPublic() ? BucketCannedACL.PUBLIC_READ : BucketCannedACL.PRIVATE;
  }

  @Override
  public void setContainerAccess(String container, BucketCannedACL access) {
    if (access != getContainerAccess(container)) {
      throw S3Errors.of(501, "NotImplemented", "change the bucket type with b2_update_bucket");
    }
  }

  @Override
  public void deleteBucket(String container) {
    require("deleteBuckets");
    BucketView b = bucket(container);
    run(
        () -> {
          store.deleteBucket(b.bucketId());
          return null;
        });
  }

  @Override
  public boolean supportsVersioning() {
    return true;
  }

  @Override
  public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
    require("readBuckets");
    bucket(request.bucket());
    return GetBucketVersioningResponse.builder().status(BucketVersioningStatus.ENABLED).build();
  }

  // ---- listing

  @Override
  public ListObjectsV2Response list(ListObjectsV2Request request) {
    return Listings.objects(store, access, request);
  }

  @Override
  public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
    return Listings.versions(store, access, request);
  }

  // ---- objects

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
    BucketView b = file("writeFiles", request.bucket(), request.key());
    checkAcl(b, request.acl());
    Map<String, String> info =
        ObjectMeta.info(
            checksums,
            request.metadata(),
            request.cacheControl(),
            request.contentDisposition(),
            request.contentEncoding(),
            request.contentLanguage(),
            request.expires());
    String md5 =
        request.contentMD5() == null
            ? null
            : HexFormat.of().formatHex(Base64.getDecoder().decode(request.contentMD5()));
    try (InputStream in = payload) {
      FileView v =
          run(
              () ->
                  store.upload(b.bucketId(), request.key(), request.contentType(), info, in, md5));
      return SdkResponses.putResponse(ObjectMeta.etag(v), v.fileId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** B2 accepts x-amz-acl only when it equals the bucket's ACL. */
  private static void checkAcl(BucketView b, ObjectCannedACL acl) {
    if (acl == ObjectCannedACL.PUBLIC_READ && !b.allPublic()) {
      throw S3Errors.accessDenied("x-amz-acl must be the same as the bucket ACL (private)");
    }
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    file("readFiles", request.sourceBucket(), request.sourceKey());
    BucketView to = file("writeFiles", request.destinationBucket(), request.destinationKey());
    checkAcl(to, request.acl());
    FileView source =
        resolve(request.sourceBucket(), request.sourceKey(), request.sourceVersionId());
    boolean replace = "REPLACE".equals(request.metadataDirectiveAsString());
    String type = replace ? request.contentType() : source.contentType();
    Map<String, String> info =
        replace
            ? ObjectMeta.info(
                checksums,
                request.metadata(),
                request.cacheControl(),
                request.contentDisposition(),
                request.contentEncoding(),
                request.contentLanguage(),
                request.expires())
            : source.fileInfo();
    FileView v =
        run(
            () -> {
              try (InputStream in = store.open(source.fileId(), 0, source.contentLength())) {
                return store.upload(to.bucketId(), request.destinationKey(), type, info, in);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return SdkResponses.copyResponse(
        ObjectMeta.etag(v), Instant.ofEpochMilli(v.uploadTimestamp()), v.fileId(), source.fileId());
  }

  /** The named version, or the current one; throws NoSuchKey (with the marker) or NoSuchVersion. */
  private FileView resolve(String bucketName, String name, @Nullable String versionId) {
    BucketView b = store.bucket(bucketName);
    if (b == null) {
      throw S3Errors.of(404, "NoSuchBucket", "The specified bucket does not exist");
    }
    if (versionId != null) {
      FileView v = store.version(versionId);
      if (v == null || !v.bucketId().equals(b.bucketId()) || !v.fileName().equals(name)) {
        throw S3Exceptions.noSuchVersion(bucketName, name, versionId, null);
      }
      if (v.hide()) {
        throw S3Errors.of(
            405,
            "MethodNotAllowed",
            "The specified method is not allowed against this " + "resource.");
      }
      return v;
    }
    FileView v = store.current(b.bucketId(), name);
    if (v == null) {
      List<FileView> all = store.versions(b.bucketId(), name, name, 1);
      if (!all.isEmpty() && all.get(0).fileName().equals(name) && all.get(0).hide()) {
        throw S3Exceptions.noSuchKeyDeleteMarker(bucketName, name, all.get(0).fileId(), null);
      }
      throw S3Exceptions.noSuchKey(bucketName, name, null);
    }
    return v;
  }

  /** The current version's metadata, or null when there is none (S3Proxy's existence checks). */
  @Override
  public @Nullable HeadObjectResponse blobMetadata(String container, String name) {
    try {
      return blobMetadata(HeadObjectRequest.builder().bucket(container).key(name).build());
    } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
      return null;
    }
  }

  /** The named or current version's metadata; throws NoSuchKey (S3Proxy's HEAD renders it). */
  @Override
  public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
    file("readFiles", request.bucket(), request.key());
    FileView v = resolve(request.bucket(), request.key(), request.versionId());
    return SdkResponses.toHead(ObjectMeta.response(v, null, v.contentLength()));
  }

  @Override
  public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
    file("readFiles", request.bucket(), request.key());
    FileView v = resolve(request.bucket(), request.key(), request.versionId());
    String etag = ObjectMeta.etag(v);
    if (request.ifMatch() != null
        && !"*".equals(request.ifMatch())
        && !etag.equals(ObjectMeta.quote(ObjectMeta.unquote(request.ifMatch())))) {
      throw S3Exceptions.fromStatusCode(412, etag, Map.of(), null);
    }
    if (request.ifNoneMatch() != null
        && ("*".equals(request.ifNoneMatch())
            || etag.equals(ObjectMeta.quote(ObjectMeta.unquote(request.ifNoneMatch()))))) {
      throw S3Exceptions.fromStatusCode(304, etag, Map.of(), null);
    }
    long size = v.contentLength();
    long offset = 0;
    long length = size;
    String contentRange = null;
    var range = SdkRequests.parseRange(request.range());
    if (range != null) {
      long last = size - 1;
      if (range.first() == null) {
        offset = Math.max(0, size - range.last());
      } else {
        offset = range.first();
        if (range.last() != null) {
          last = Math.min(last, range.last());
        }
      }
      if (offset >= size || offset > last) {
        throw S3Exceptions.fromStatusCode(416);
      }
      length = last - offset + 1;
      contentRange = "bytes " + offset + "-" + last + "/" + size;
    }
    FileView found = v;
    long from = offset;
    long count = length;
    InputStream body = run(() -> store.open(found.fileId(), from, count));
    return SdkResponses.getResponse(ObjectMeta.response(v, contentRange, length), body);
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    return removeBlob(request.bucket(), request.key(), request.versionId());
  }

  @Override
  public void removeBlob(String container, String name) {
    removeBlob(container, name, null);
  }

  /**
   * Without a version: hides the name (B2's hide marker is S3's delete marker); nothing to hide answers 204 as
   * well. With a version: deletes that version, unless Object Lock holds it.
   */
  @Override
  public DeleteObjectResponse removeBlob(
      String container, String name, @Nullable String versionId) {
    BucketView b = file("deleteFiles", container, name);
    if (versionId == null) {
      if (store.current(b.bucketId(), name) == null) {
        return DeleteObjectResponse.builder().build();
      }
      FileView marker = run(() -> store.hide(b.bucketId(), name));
      return DeleteObjectResponse.builder().deleteMarker(true).versionId(marker.fileId()).build();
    }
    FileView v = store.version(versionId);
    if (v == null || !v.bucketId().equals(b.bucketId()) || !v.fileName().equals(name)) {
      return DeleteObjectResponse.builder().versionId(versionId).build();
    }
    run(
        () -> {
          store.deleteVersion(versionId, signedKey().keyId(), false);
          return null;
        });
    return DeleteObjectResponse.builder()
        .versionId(versionId)
        .deleteMarker(v.hide() ? true : null)
        .build();
  }

  @Override
  public ObjectCannedACL getBlobAccess(String container, String name) {
    return getContainerAccess(container) == BucketCannedACL.PUBLIC_READ
        ? ObjectCannedACL.PUBLIC_READ
        : ObjectCannedACL.PRIVATE;
  }

  @Override
  public void setBlobAccess(String container, String name, ObjectCannedACL access) {
    file("writeFiles", container, name);
    if (access != getBlobAccess(container, name)) {
      throw S3Errors.accessDenied(
          "B2 has no object ACLs: the ACL must be the same as the bucket ACL");
    }
  }

  // ---- multipart = large files

  @Override
  public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
    BucketView b = file("writeFiles", request.bucket(), request.key());
    checkAcl(b, request.acl());
    if (checksums == ChecksumHeaders.REJECT && request.checksumAlgorithm() != null) {
      throw S3Errors.invalidArgument(
          "Unsupported header 'x-amz-checksum-algorithm' received for this API " + "call.");
    }
    Map<String, String> info =
        ObjectMeta.info(
            checksums,
            request.metadata(),
            request.cacheControl(),
            request.contentDisposition(),
            request.contentEncoding(),
            request.contentLanguage(),
            request.expires());
    FileView v =
        run(() -> store.startLargeFile(b.bucketId(), request.key(), request.contentType(), info));
    return new MultipartUpload(v.fileId(), request);
  }

  private FileView upload(MultipartUpload mpu) {
    FileView v = store.version(mpu.id());
    BucketView b = store.bucket(mpu.containerName());
    if (v == null
        || b == null
        || !v.bucketId().equals(b.bucketId())
        || !v.fileName().equals(mpu.blobName())
        || v.md5() != null
        || v.parts() != 0
        || v.hide()) {
      throw S3Errors.noSuchUpload(mpu.id());
    }
    return v;
  }

  @Override
  public void abortMultipartUpload(MultipartUpload mpu) {
    file("writeFiles", mpu.containerName(), mpu.blobName());
    upload(mpu);
    run(
        () -> {
          store.cancelLargeFile(mpu.id());
          return null;
        });
  }

  @Override
  public UploadPartResponse uploadMultipartPart(
      MultipartUpload mpu, UploadPartRequest request, InputStream in) {
    file("writeFiles", mpu.containerName(), mpu.blobName());
    upload(mpu);
    if (checksums == ChecksumHeaders.REJECT
        && (request.checksumAlgorithm() != null
            || request.checksumCRC32() != null
            || request.checksumCRC32C() != null
            || request.checksumSHA1() != null
            || request.checksumSHA256() != null)) {
      throw S3Errors.invalidArgument(
          "Unsupported header 'x-amz-checksum-*' received for this API call.");
    }
    var part = run(() -> store.uploadPart(mpu.id(), request.partNumber(), in));
    return SdkResponses.uploadedPart(ObjectMeta.quote(part.md5()));
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(
      MultipartUpload mpu, CompleteMultipartUploadRequest request) {
    file("writeFiles", mpu.containerName(), mpu.blobName());
    upload(mpu);
    List<Integer> numbers = new ArrayList<>();
    if (request.multipartUpload() != null) {
      for (CompletedPart p : request.multipartUpload().parts()) {
        numbers.add(p.partNumber());
      }
    }
    FileView done = run(() -> store.finishLargeFile(mpu.id(), numbers));
    return SdkResponses.completeResponse(ObjectMeta.etag(done), done.fileId());
  }

  @Override
  public List<Part> listMultipartUpload(MultipartUpload mpu) {
    file("writeFiles", mpu.containerName(), mpu.blobName());
    upload(mpu);
    return store.parts(mpu.id()).stream()
        .map(
            p ->
                SdkResponses.part(
                    p.partNumber(),
                    p.contentLength(),
                    ObjectMeta.quote(p.md5()),
                    Instant.ofEpochMilli(p.uploadTimestamp())))
        .toList();
  }

  @Override
  public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(
      String container) {
    BucketView b = bucket(container);
    require("listFiles");
    return store.unfinished(b.bucketId()).stream()
        .filter(v -> allowsName(v.fileName()))
        .map(
            v ->
                SdkResponses.upload(
                    v.fileName(), v.fileId(), Instant.ofEpochMilli(v.uploadTimestamp())))
        .toList();
  }

  @Override
  public long getMinimumMultipartPartSize() {
    return store.absoluteMinimumPartSize();
  }
}
