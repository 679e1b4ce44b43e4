package dev.stowage.s3;

import dev.stowage.StorageException;
import dev.stowage.spi.BackendException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes every key under a directory prefix (its marker included): one ListObjectsV2 page of at
 * most 1,000 keys, then one DeleteObjects for that page, until the listing ends. A 200 response
 * can still report per-key failures, so each response's errors are checked.
 */
final class S3BatchDelete {

  /** The most keys one DeleteObjects request accepts. */
  static final int MAX_BATCH = 1000;

  private final S3Context s3;
  private final int batchSize;

  S3BatchDelete(S3Context s3) {
    this(s3, MAX_BATCH);
  }

  /** Uses batches of {@code batchSize} keys (tests use small ones to see several batches). */
  S3BatchDelete(S3Context s3, int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH + ": " + batchSize);
    }
    this.s3 = s3;
    this.batchSize = batchSize;
  }

  void deleteTree(String path) {
    String prefix = s3.keys().directory(path);
    String token = null;
    boolean more = true;
    while (more) {
      String continuation = token;
      ListObjectsV2Response page;
      try {
        page =
            s3.client()
                .listObjectsV2(
                    b ->
                        b.bucket(s3.bucket())
                            .prefix(prefix)
                            .encodingType(EncodingType.URL)
                            .maxKeys(batchSize)
                            .continuationToken(continuation));
      } catch (RuntimeException e) {
        throw s3.fail(e);
      }
      List<String> keys = new ArrayList<>();
      for (S3Object o : page.contents()) {
        keys.add(o.key());
      }
      delete(path, keys);
      token = page.nextContinuationToken();
      more = Boolean.TRUE.equals(page.isTruncated()) && token != null;
    }
  }

  /**
   * Deletes up to the batch size of keys in one request, failing on the first per-key error. Keys
   * XML 1.0 cannot carry (control characters such as ESC or BEL) cannot travel in a DeleteObjects
   * body, so they are deleted one DeleteObject each.
   */
  void delete(String path, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    if (keys.size() > batchSize) {
      throw new IllegalArgumentException(
          "at most " + batchSize + " keys per batch: " + keys.size());
    }
    List<ObjectIdentifier> ids = new ArrayList<>(keys.size());
    for (String k : keys) {
      if (!xmlSafe(k)) {
        try {
          s3.client().deleteObject(b -> b.bucket(s3.bucket()).key(k));
        } catch (RuntimeException e) {
          throw s3.fail(e);
        }
        continue;
      }
      ids.add(ObjectIdentifier.builder().key(k).build());
    }
    if (ids.isEmpty()) {
      return;
    }
    DeleteObjectsResponse r;
    try {
      r =
          s3.client()
              .deleteObjects(b -> b.bucket(s3.bucket()).delete(d -> d.objects(ids).quiet(true)));
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
    if (r.hasErrors() && !r.errors().isEmpty()) {
      S3Error first = r.errors().get(0);
      StorageException.Kind kind = S3Errors.kind(0, first.code(), false, first.message());
      String failedPath = s3.keys().path(first.key());
      throw BackendException.of(
          kind,
          "s3 "
              + first.code()
              + " for "
              + r.errors().size()
              + " of "
              + keys.size()
              + " keys, first '"
              + failedPath
              + "'");
    }
  }

  /** Returns whether every character of {@code key} is allowed in an XML 1.0 document. */
  static boolean xmlSafe(String key) {
    for (int i = 0; i < key.length(); ) {
      int c = key.codePointAt(i);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
