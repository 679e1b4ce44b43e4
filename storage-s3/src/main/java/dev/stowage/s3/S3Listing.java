package dev.stowage.s3;

import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.Visibility;
import dev.stowage.spi.HierarchyListing;
import dev.stowage.spi.PagedIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lazy listing over ListObjectsV2 pages (at most 1,000 keys each, fetched as iteration needs
 * them), in key order, turned into files and directories by {@link HierarchyListing}.
 *
 * <p>Shallow listings use the {@code /} delimiter: common prefixes are the subdirectories. Deep
 * listings read every key; the hierarchy listing derives the directories. Zero-byte {@code dir/}
 * markers are directories, never files.
 */
final class S3Listing {

  private final S3Context s3;
  private final String path;
  private final String prefix;
  private final boolean deep;

  private S3Listing(S3Context s3, String path, boolean deep) {
    this.s3 = s3;
    this.path = path;
    this.prefix = s3.keys().directory(path);
    this.deep = deep;
  }

  /** Returns the entries below {@code path}, fetched page by page through {@link PagedIterator}. */
  static Iterator<StorageAttributes> of(S3Context s3, String path, boolean deep) {
    Iterator<HierarchyListing.Key> keys = PagedIterator.of(new S3Listing(s3, path, deep)::fetch);
    return HierarchyListing.of(keys, path, deep, s3.bucketLevelVisibility(), null);
  }

  /** Fetches one page of keys, objects and common prefixes merged in key order. */
  private PagedIterator.Page<HierarchyListing.Key> fetch(@Nullable String continuation) {
    ListObjectsV2Request.Builder b =
        ListObjectsV2Request.builder()
            .bucket(s3.bucket())
            .prefix(prefix)
            .continuationToken(continuation)
            // Keys may hold characters XML 1.0 cannot carry (ESC, BEL): ask for them URL-encoded
            // (the SDK decodes them again), or one such key breaks the whole listing.
            .encodingType(EncodingType.URL);
    if (!deep) {
      b.delimiter("/");
    }
    ListObjectsV2Response response;
    try {
      response = s3.client().listObjectsV2(b.build());
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
    boolean more =
        Boolean.TRUE.equals(response.isTruncated()) && response.nextContinuationToken() != null;
    // Objects and common prefixes arrive as two lists; merged they are in key order.
    List<Object> entries = new ArrayList<>(response.contents());
    entries.addAll(response.commonPrefixes());
    entries.sort(Comparator.comparing(S3Listing::keyOf, S3Listing::compareUtf8));
    Visibility visibility = s3.bucketLevelVisibility();
    List<HierarchyListing.Key> page = new ArrayList<>(entries.size());
    int root = s3.keys().directory("").length();
    for (Object entry : entries) {
      String name = keyOf(entry).substring(root);
      page.add(
          new HierarchyListing.Key() {
            @Override
            public String name() {
              return name;
            }

            @Override
            public FileAttributes file(String entryPath) {
              return S3Attributes.of(entryPath, (S3Object) entry, visibility);
            }
          });
    }
    return new PagedIterator.Page<>(page, more ? response.nextContinuationToken() : null);
  }

  /** Compares as S3 sorts keys: by UTF-8 bytes, which is code point order (not UTF-16 order). */
  static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static String keyOf(Object entry) {
    return entry instanceof S3Object ? ((S3Object) entry).key() : ((CommonPrefix) entry).prefix();
  }
}
