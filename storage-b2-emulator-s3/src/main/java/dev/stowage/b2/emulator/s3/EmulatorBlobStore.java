package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import dev.stowage.b2.emulator.EmulatorStore.BucketView;
import dev.stowage.b2.emulator.EmulatorStore.FileView;
import dev.stowage.b2.emulator.EmulatorStore.KeyView;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.SdkRequests;
import org.gaul.s3proxy.blobstore.SdkResponses;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
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
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The emulator's store seen through one application key, as S3Proxy's back end: every call checks the key's
 * capabilities, bucket and name-prefix restriction the way B2's S3 API does, then reads or changes the SAME
 * buckets and versions as the native API. A null key is an anonymous caller, who may only read files of
 * {@code allPublic} buckets.
 */
final class EmulatorBlobStore implements BlobStore {
    private static final String META = "x-amz-meta-";
    private static final String CHECKSUM_KEY = org.gaul.s3proxy.checksum.FlexChecksum.METADATA_PREFIX;
    private static final Map<String, String> B2_CONTENT = Map.of(
            "b2-content-disposition", "content-disposition",
            "b2-content-language", "content-language",
            "b2-expires", "expires",
            "b2-cache-control", "cache-control",
            "b2-content-encoding", "content-encoding");

    private final EmulatorStore store;
    private final KeyView key;
    private final ChecksumHeaders checksums;

    EmulatorBlobStore(EmulatorStore store, KeyView key, ChecksumHeaders checksums) {
        this.store = store;
        this.key = key;
        this.checksums = checksums;
    }

    // ---- access checks

    private void require(String capability) {
        if (key == null || !key.has(capability)) {
            throw S3Errors.accessDenied("not entitled: the key lacks capability " + capability);
        }
    }

    private BucketView bucket(String name) {
        BucketView b = store.bucket(name);
        if (b == null) {
            throw S3Errors.noSuchBucket(name);
        }
        if (key != null && key.bucketId() != null && !key.bucketId().equals(b.bucketId())) {
            throw S3Errors.accessDenied("the key is restricted to another bucket");
        }
        return b;
    }

    private BucketView file(String capability, String bucketName, String fileName) {
        BucketView b = bucket(bucketName);
        if (key == null) {
            if (!b.allPublic() || !capability.equals("readFiles")) {
                throw S3Errors.accessDenied("anonymous access needs an allPublic bucket");
            }
            return b;
        }
        require(capability);
        if (key.namePrefix() != null && !fileName.startsWith(key.namePrefix())) {
            throw S3Errors.accessDenied("the key is restricted to names starting with " + key.namePrefix());
        }
        return b;
    }

    private boolean allowsName(String name) {
        return key == null || key.namePrefix() == null || name.startsWith(key.namePrefix());
    }

    private static <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (EmulatorStore.Refused r) {
            throw S3Errors.from(r);
        }
    }

    // ---- buckets

    @Override
    public ListBucketsResponse list() {
        if (key == null || !(key.has("listAllBucketNames") || key.has("listBuckets"))) {
            throw S3Errors.accessDenied("not entitled: ListBuckets needs capability listAllBucketNames");
        }
        List<software.amazon.awssdk.services.s3.model.Bucket> out = new ArrayList<>();
        for (BucketView b : store.buckets()) {
            if (key.bucketId() == null || key.bucketId().equals(b.bucketId()) || key.has("listAllBucketNames")) {
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
        if (key.bucketId() != null) {
            throw S3Errors.accessDenied("a key restricted to a bucket cannot create buckets");
        }
        if (request.acl() != null && request.acl() != BucketCannedACL.PRIVATE
                && request.acl() != BucketCannedACL.PUBLIC_READ) {
            throw S3Errors.invalidArgument("B2 buckets are private or public-read, not " + request.aclAsString());
        }
        BucketView existing = store.bucket(request.bucket());
        if (existing != null) {
            throw S3Errors.of(409, "BucketAlreadyOwnedByYou", "bucket " + request.bucket() + " already exists");
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
        run(() -> {
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
        BucketView b = bucket(request.bucket());
        require("listFiles");
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        String after = request.continuationToken() != null ? request.continuationToken() : request.startAfter();
        int max = request.maxKeys() == null ? 1000 : Math.min(1000, request.maxKeys());
        List<S3Object> objects = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        String last = null;
        String lastPrefix = null;
        boolean truncated = false;
        String previous = null;
        for (FileView v : store.versions(b.bucketId(), prefix, after, Integer.MAX_VALUE)) {
            if (v.fileName().equals(previous)) {
                continue; // older versions
            }
            previous = v.fileName();
            String name = v.fileName();
            if (v.hide() || (after != null && name.compareTo(after) <= 0) || !allowsName(name)) {
                continue;
            }
            if (lastPrefix != null && name.startsWith(lastPrefix)) {
                continue;
            }
            String common = null;
            if (delimiter != null) {
                int at = name.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    common = name.substring(0, at + delimiter.length());
                }
            }
            if (after != null && common != null && after.startsWith(common)) {
                continue;
            }
            if (objects.size() + prefixes.size() >= max) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(SdkResponses.commonPrefix(common));
                lastPrefix = common;
                last = common;
            } else {
                objects.add(SdkResponses.objectEntry(name, etag(v), Instant.ofEpochMilli(v.uploadTimestamp()),
                        v.contentLength(), StorageClass.STANDARD));
                last = name;
            }
        }
        return ListObjectsV2Response.builder()
                .name(request.bucket())
                .prefix(request.prefix())
                .delimiter(request.delimiter())
                .maxKeys(max)
                .contents(objects)
                .commonPrefixes(prefixes)
                .keyCount(objects.size() + prefixes.size())
                .isTruncated(truncated)
                .nextContinuationToken(truncated ? last : null)
                .build();
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        BucketView b = bucket(request.bucket());
        require("listFiles");
        String prefix = request.prefix() == null ? "" : request.prefix();
        int max = request.maxKeys() == null ? 1000 : Math.min(1000, request.maxKeys());
        List<ObjectVersion> versions = new ArrayList<>();
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        String previous = null;
        String lastName = null;
        String lastId = null;
        boolean truncated = false;
        // S3 paging: after keyMarker alone, the next key; with versionIdMarker, the versions after that one
        boolean beforeMarker = request.keyMarker() != null;
        for (FileView v : store.versions(b.bucketId(), prefix, request.keyMarker(), Integer.MAX_VALUE)) {
            String name = v.fileName();
            boolean latest = !name.equals(previous);
            previous = name;
            if (beforeMarker) {
                if (!name.equals(request.keyMarker())) {
                    beforeMarker = false;
                } else {
                    if (v.fileId().equals(request.versionIdMarker())) {
                        beforeMarker = false;
                    }
                    continue;
                }
            }
            if (!allowsName(name)) {
                continue;
            }
            if (versions.size() + markers.size() >= max) {
                truncated = true;
                break;
            }
            Instant at = Instant.ofEpochMilli(v.uploadTimestamp());
            if (v.hide()) {
                markers.add(DeleteMarkerEntry.builder().key(name).versionId(v.fileId()).isLatest(latest)
                        .lastModified(at).build());
            } else {
                versions.add(ObjectVersion.builder().key(name).versionId(v.fileId()).isLatest(latest)
                        .lastModified(at).eTag(etag(v)).size(v.contentLength()).storageClass("STANDARD").build());
            }
            lastName = name;
            lastId = v.fileId();
        }
        return ListObjectVersionsResponse.builder()
                .name(request.bucket())
                .prefix(request.prefix())
                .maxKeys(max)
                .versions(versions)
                .deleteMarkers(markers)
                .isTruncated(truncated)
                .nextKeyMarker(truncated ? lastName : null)
                .nextVersionIdMarker(truncated ? lastId : null)
                .build();
    }

    // ---- objects

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        BucketView b = file("writeFiles", request.bucket(), request.key());
        checkAcl(b, request.acl());
        Map<String, String> info = info(request.metadata(), request.cacheControl(), request.contentDisposition(),
                request.contentEncoding(), request.contentLanguage(), request.expires());
        try (InputStream in = payload) {
            FileView v = run(() -> store.upload(b.bucketId(), request.key(), request.contentType(), info, in));
            if (request.contentMD5() != null) {
                String sent = HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(request.contentMD5()));
                if (!sent.equals(v.md5())) {
                    run(() -> {
                        store.deleteVersion(v.fileId(), key.keyId(), false);
                        return null;
                    });
                    throw S3Errors.of(400, "BadDigest", "The Content-MD5 you specified did not match what we "
                            + "received.");
                }
            }
            return SdkResponses.putResponse(quote(v.md5()), v.fileId());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> info(Map<String, String> metadata, String cacheControl, String disposition,
                                     String encoding, String language, Instant expires) {
        Map<String, String> info = new LinkedHashMap<>();
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
                if (name.startsWith(CHECKSUM_KEY)) {
                    // S3Proxy validated an x-amz-checksum-* header and hands its value on as metadata
                    if (checksums == ChecksumHeaders.REJECT) {
                        throw S3Errors.invalidArgument("Unsupported header 'x-amz-checksum-"
                                + name.substring(CHECKSUM_KEY.length()) + "' received for this API call.");
                    }
                    continue;
                }
                info.put(name.startsWith(META) ? name.substring(META.length()) : name, e.getValue());
            }
        }
        put(info, "b2-cache-control", cacheControl);
        put(info, "b2-content-disposition", disposition);
        put(info, "b2-content-encoding", encoding);
        put(info, "b2-content-language", language);
        if (expires != null) {
            put(info, "b2-expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(expires.atZone(java.time.ZoneOffset.UTC)));
        }
        return info;
    }

    private static void put(Map<String, String> info, String name, String value) {
        if (value != null && !value.isBlank()) {
            info.put(name, value);
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
        FileView source = resolve(request.sourceBucket(), request.sourceKey(), request.sourceVersionId());
        boolean replace = "REPLACE".equals(request.metadataDirectiveAsString());
        String type = replace ? request.contentType() : source.contentType();
        Map<String, String> info = replace ? info(request.metadata(), request.cacheControl(),
                request.contentDisposition(), request.contentEncoding(), request.contentLanguage(),
                request.expires()) : source.fileInfo();
        FileView v = run(() -> {
            try (InputStream in = store.open(source.fileId(), 0, source.contentLength())) {
                return store.upload(to.bucketId(), request.destinationKey(), type, info, in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return SdkResponses.copyResponse(quote(v.md5()), Instant.ofEpochMilli(v.uploadTimestamp()), v.fileId(),
                source.fileId());
    }

    /** The named version, or the current one; throws NoSuchKey (with the marker) or NoSuchVersion. */
    private FileView resolve(String bucketName, String name, String versionId) {
        BucketView b = store.bucket(bucketName);
        if (versionId != null) {
            FileView v = store.version(versionId);
            if (v == null || !v.bucketId().equals(b.bucketId()) || !v.fileName().equals(name)) {
                throw S3Exceptions.noSuchVersion(bucketName, name, versionId, null);
            }
            if (v.hide()) {
                throw S3Errors.of(405, "MethodNotAllowed", "The specified method is not allowed against this "
                        + "resource.");
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
    public HeadObjectResponse blobMetadata(String container, String name) {
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
        return SdkResponses.toHead(response(v, null, v.contentLength()));
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        file("readFiles", request.bucket(), request.key());
        FileView v = resolve(request.bucket(), request.key(), request.versionId());
        String etag = etag(v);
        if (request.ifMatch() != null && !"*".equals(request.ifMatch()) && !etag.equals(quote(unquote(
                request.ifMatch())))) {
            throw S3Exceptions.fromStatusCode(412, etag, Map.of(), null);
        }
        if (request.ifNoneMatch() != null && ("*".equals(request.ifNoneMatch())
                || etag.equals(quote(unquote(request.ifNoneMatch()))))) {
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
        return SdkResponses.getResponse(response(v, contentRange, length), body);
    }

    private static GetObjectResponse response(FileView v, String contentRange, long length) {
        Map<String, String> meta = new LinkedHashMap<>();
        v.fileInfo().forEach((k, value) -> {
            if (!B2_CONTENT.containsKey(k)) {
                meta.put(k, value);
            }
        });
        GetObjectResponse.Builder r = GetObjectResponse.builder()
                .eTag(etag(v))
                .contentLength(length)
                .contentType(v.contentType())
                .lastModified(Instant.ofEpochMilli(v.uploadTimestamp()))
                .versionId(v.fileId())
                .metadata(meta)
                .cacheControl(v.fileInfo().get("b2-cache-control"))
                .contentDisposition(v.fileInfo().get("b2-content-disposition"))
                .contentEncoding(v.fileInfo().get("b2-content-encoding"))
                .contentLanguage(v.fileInfo().get("b2-content-language"))
                .acceptRanges("bytes")
                .storageClass(StorageClass.STANDARD.toString());
        if (v.fileInfo().get("b2-expires") != null) {
            r.expires(java.time.ZonedDateTime.parse(v.fileInfo().get("b2-expires"),
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        }
        if (contentRange != null) {
            r.contentRange(contentRange);
        }
        return r.build();
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
    public DeleteObjectResponse removeBlob(String container, String name, String versionId) {
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
        run(() -> {
            store.deleteVersion(versionId, key.keyId(), false);
            return null;
        });
        return DeleteObjectResponse.builder().versionId(versionId).deleteMarker(v.hide() ? true : null).build();
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name) {
        return getContainerAccess(container) == BucketCannedACL.PUBLIC_READ ? ObjectCannedACL.PUBLIC_READ
                : ObjectCannedACL.PRIVATE;
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access) {
        file("writeFiles", container, name);
        if (access != getBlobAccess(container, name)) {
            throw S3Errors.accessDenied("B2 has no object ACLs: the ACL must be the same as the bucket ACL");
        }
    }

    // ---- multipart = large files

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        BucketView b = file("writeFiles", request.bucket(), request.key());
        checkAcl(b, request.acl());
        if (checksums == ChecksumHeaders.REJECT && request.checksumAlgorithm() != null) {
            throw S3Errors.invalidArgument("Unsupported header 'x-amz-checksum-algorithm' received for this API "
                    + "call.");
        }
        Map<String, String> info = info(request.metadata(), request.cacheControl(), request.contentDisposition(),
                request.contentEncoding(), request.contentLanguage(), request.expires());
        FileView v = run(() -> store.startLargeFile(b.bucketId(), request.key(), request.contentType(), info));
        return new MultipartUpload(v.fileId(), request);
    }

    private FileView upload(MultipartUpload mpu) {
        FileView v = store.version(mpu.id());
        BucketView b = store.bucket(mpu.containerName());
        if (v == null || b == null || !v.bucketId().equals(b.bucketId()) || !v.fileName().equals(mpu.blobName())
                || v.md5() != null || v.parts() != 0 || v.hide()) {
            throw S3Errors.noSuchUpload(mpu.id());
        }
        return v;
    }

    @Override
    public void abortMultipartUpload(MultipartUpload mpu) {
        file("writeFiles", mpu.containerName(), mpu.blobName());
        upload(mpu);
        run(() -> {
            store.cancelLargeFile(mpu.id());
            return null;
        });
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload mpu, UploadPartRequest request, InputStream in) {
        file("writeFiles", mpu.containerName(), mpu.blobName());
        upload(mpu);
        if (checksums == ChecksumHeaders.REJECT && (request.checksumAlgorithm() != null
                || request.checksumCRC32() != null || request.checksumCRC32C() != null
                || request.checksumSHA1() != null || request.checksumSHA256() != null)) {
            throw S3Errors.invalidArgument("Unsupported header 'x-amz-checksum-*' received for this API call.");
        }
        var part = run(() -> store.uploadPart(mpu.id(), request.partNumber(), in));
        return SdkResponses.uploadedPart(quote(part.md5()));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload mpu,
                                                                   CompleteMultipartUploadRequest request) {
        file("writeFiles", mpu.containerName(), mpu.blobName());
        upload(mpu);
        List<Integer> numbers = new ArrayList<>();
        if (request.multipartUpload() != null) {
            for (CompletedPart p : request.multipartUpload().parts()) {
                numbers.add(p.partNumber());
            }
        }
        FileView done = run(() -> store.finishLargeFile(mpu.id(), numbers));
        return SdkResponses.completeResponse(etag(done), done.fileId());
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload mpu) {
        file("writeFiles", mpu.containerName(), mpu.blobName());
        upload(mpu);
        return store.parts(mpu.id()).stream().map(p -> SdkResponses.part(p.partNumber(), p.contentLength(),
                quote(p.md5()), Instant.ofEpochMilli(p.uploadTimestamp()))).toList();
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String container) {
        BucketView b = bucket(container);
        require("listFiles");
        return store.unfinished(b.bucketId()).stream().filter(v -> allowsName(v.fileName()))
                .map(v -> SdkResponses.upload(v.fileName(), v.fileId(), Instant.ofEpochMilli(v.uploadTimestamp())))
                .toList();
    }

    @Override
    public long getMinimumMultipartPartSize() {
        return store.absoluteMinimumPartSize();
    }

    // ---- ETags

    /** Quoted ETag: the MD5 of a small file; for a large file an opaque hash of its id with "-parts". */
    static String etag(FileView v) {
        if (v.md5() != null) {
            return quote(v.md5());
        }
        try {
            byte[] h = MessageDigest.getInstance("MD5").digest(v.fileId().getBytes(StandardCharsets.UTF_8));
            return quote(HexFormat.of().formatHex(h) + "-" + v.parts());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
