package dev.stowage.s3;

import dev.stowage.DirectoryAttributes;
import dev.stowage.Operation;
import dev.stowage.StorageAttributes;
import dev.stowage.Visibility;
import dev.stowage.spi.PagedIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lazy listing over ListObjectsV2 pages (at most 1,000 keys each, fetched as iteration needs
 * them), in key order.
 *
 * <p>Shallow listings use the {@code /} delimiter: common prefixes are the subdirectories. Deep
 * listings read every key and report each directory once, just before its first key — from its
 * marker or implied by a key below it. Because keys sharing a prefix are contiguous in key order,
 * only the chain of directories above the current key needs remembering. Markers are never
 * reported as files, the listed directory's own marker is skipped, and keys that no normalised
 * path can name (empty, {@code .} or {@code ..} segments) are left out.
 */
final class S3Listing {

  private final S3Context s3;
  private final String path;
  private final String prefix;
  private final boolean deep;
  private final Visibility visibility;
  private final Deque<String> openDirectories = new ArrayDeque<>();
  private List<StorageAttributes> page;

  private S3Listing(S3Context s3, String path, boolean deep) {
    this.s3 = s3;
    this.path = path;
    this.prefix = s3.keys().directory(path);
    this.deep = deep;
    this.visibility = s3.bucketLevelVisibility();
  }

  /** Returns the entries below {@code path}, fetched page by page through {@link PagedIterator}. */
  static Iterator<StorageAttributes> of(S3Context s3, String path, boolean deep) {
    return PagedIterator.of(new S3Listing(s3, path, deep)::fetch);
  }

  /** Fetches one page; pages come in order, so the directory chain carries over between them. */
  private PagedIterator.Page<StorageAttributes> fetch(String continuation) {
    ListObjectsV2Request.Builder b = ListObjectsV2Request.builder().bucket(s3.bucket())
        .prefix(prefix).continuationToken(continuation)
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
      throw s3.fail(Operation.LIST, path, e);
    }
    boolean more = Boolean.TRUE.equals(response.isTruncated()) && response.nextContinuationToken() != null;
    // Objects and common prefixes arrive as two lists; merged they are in key order.
    List<Object> entries = new ArrayList<>(response.contents());
    entries.addAll(response.commonPrefixes());
    entries.sort(Comparator.comparing(S3Listing::keyOf, S3Listing::compareUtf8));
    page = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      accept(entry);
    }
    return new PagedIterator.Page<>(page, more ? response.nextContinuationToken() : null);
  }

  private void accept(Object entry) {
    String key = keyOf(entry);
    if (key.equals(prefix)) {
      return;
    }
    String entryPath = s3.keys().path(key);
    if (entryPath == null || !isNameable(entryPath)) {
      return;
    }
    boolean directory = entry instanceof CommonPrefix || key.endsWith("/");
    if (!deep) {
      page.add(directory ? new DirectoryAttributes(entryPath, null, visibility)
          : S3Attributes.of(entryPath, (S3Object) entry, visibility));
      return;
    }
    openParents(entryPath, directory);
    if (!directory) {
      page.add(S3Attributes.of(entryPath, (S3Object) entry, visibility));
    }
  }

  /** Reports every directory from the listed one down to {@code entryPath} not reported yet. */
  private void openParents(String entryPath, boolean includeSelf) {
    int start = path.isEmpty() ? 0 : path.length() + 1;
    for (int slash = entryPath.indexOf('/', start); ; slash = entryPath.indexOf('/', slash + 1)) {
      String dir;
      if (slash >= 0) {
        dir = entryPath.substring(0, slash);
      } else if (includeSelf) {
        dir = entryPath;
      } else {
        return;
      }
      if (!openDirectories.contains(dir)) {
        while (!openDirectories.isEmpty() && !dir.startsWith(openDirectories.peek() + "/")) {
          openDirectories.pop();
        }
        openDirectories.push(dir);
        page.add(new DirectoryAttributes(dir, null, visibility));
      }
      if (slash < 0) {
        return;
      }
    }
  }

  private static boolean isNameable(String p) {
    if (p.isEmpty()) {
      return false;
    }
    for (String segment : p.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
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
