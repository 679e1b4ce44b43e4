package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import dev.stowage.b2.emulator.EmulatorStore.BucketView;
import dev.stowage.b2.emulator.EmulatorStore.FileView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.blobstore.SdkResponses;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** The S3 listings over the emulator's name index (B2's byte order), limited to what the key may see. */
final class Listings {
  private Listings() {}

  /** ListObjectsV2: current, not hidden names, with prefix, delimiter and continuation. */
  static ListObjectsV2Response objects(
      EmulatorStore store, Access access, ListObjectsV2Request request) {
    BucketView b = access.bucket(request.bucket());
    access.require("listFiles");
    String prefix = request.prefix() == null ? "" : request.prefix();
    String delimiter =
        request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
    String after =
        request.continuationToken() != null ? request.continuationToken() : request.startAfter();
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
      if (v.hide() || (after != null && name.compareTo(after) <= 0) || !access.allowsName(name)) {
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
        objects.add(
            SdkResponses.objectEntry(
                name,
                ObjectMeta.etag(v),
                Instant.ofEpochMilli(v.uploadTimestamp()),
                v.contentLength(),
                StorageClass.STANDARD));
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

  /** ListObjectVersions: uploads as versions, hide markers as delete markers, newest first within a key. */
  static ListObjectVersionsResponse versions(
      EmulatorStore store, Access access, ListObjectVersionsRequest request) {
    BucketView b = access.bucket(request.bucket());
    access.require("listFiles");
    String prefix = request.prefix() == null ? "" : request.prefix();
    int max = request.maxKeys() == null ? 1000 : Math.min(1000, request.maxKeys());
    List<ObjectVersion> versions = new ArrayList<>();
    List<DeleteMarkerEntry> markers = new ArrayList<>();
    String previous = null;
    String lastName = null;
    String lastId = null;
    boolean truncated = false;
    // S3 paging: after keyMarker alone, the next key; with versionIdMarker, the versions after that
    // one
    boolean beforeMarker = request.keyMarker() != null;
    for (FileView v :
        store.versions(b.bucketId(), prefix, request.keyMarker(), Integer.MAX_VALUE)) {
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
      if (!access.allowsName(name)) {
        continue;
      }
      if (versions.size() + markers.size() >= max) {
        truncated = true;
        break;
      }
      Instant at = Instant.ofEpochMilli(v.uploadTimestamp());
      if (v.hide()) {
        markers.add(
            DeleteMarkerEntry.builder()
                .key(name)
                .versionId(v.fileId())
                .isLatest(latest)
                .lastModified(at)
                .build());
      } else {
        versions.add(
            ObjectVersion.builder()
                .key(name)
                .versionId(v.fileId())
                .isLatest(latest)
                .lastModified(at)
                .eTag(ObjectMeta.etag(v))
                .size(v.contentLength())
                .storageClass("STANDARD")
                .build());
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
}
