package dev.stowage.b2;

import dev.stowage.DirectoryAttributes;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.Visibility;
import dev.stowage.b2.client.B2FileNamesPage;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.HierarchyListing;
import dev.stowage.spi.PagedIterator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Lists with {@code b2_list_file_names}, page by page as the caller iterates: shallow listings use
 * the delimiter {@code /} (B2 collapses sub-directories into folder entries), deep ones list every
 * name; {@link HierarchyListing} derives the directories. Hidden files and old versions never appear (B2's
 * name listing shows only the newest visible version); {@code .bzEmpty} markers are dropped.
 */
final class B2Lister {
  static final String MARKER = ".bzEmpty";

  private final B2Context ctx;

  B2Lister(B2Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Lists {@code path}. A transient failure before the first page (the service unavailable, its
   * deadline passed) is reported by the iterator's first {@code hasNext()} rather than thrown
   * here, so that callers do not spend a second deadline on fallbacks (such as checking whether
   * the path is a file) that would meet the same outage.
   */
  Iterator<StorageAttributes> list(String path, boolean deep) {
    try {
      return eagerList(path, deep);
    } catch (BackendException e) {
      if (!e.retryable()) {
        throw e;
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          throw e;
        }

        @Override
        public StorageAttributes next() {
          throw e;
        }
      };
    }
  }

  private Iterator<StorageAttributes> eagerList(String path, boolean deep) {
    String dirPrefix = ctx.bucket.directoryPrefix(path);
    String listPrefix = ctx.retries.call(() -> ctx.bucket.clampToKey(dirPrefix));
    Visibility visibility = ctx.visibility();
    String rest = listPrefix.substring(dirPrefix.length());
    if (!deep && rest.contains("/")) {
      // The key only reaches a deeper prefix: the one visible child is its first segment.
      String child = rest.substring(0, rest.indexOf('/'));
      return hasAny(listPrefix)
          ? List.<StorageAttributes>of(new DirectoryAttributes(join(path, child), null, visibility))
              .iterator()
          : List.<StorageAttributes>of().iterator();
    }
    Iterator<B2FileVersion> names = pages(listPrefix, deep ? null : "/", ctx.config.listPageSize());
    int cut = ctx.bucket.directoryPrefix("").length();
    Iterator<HierarchyListing.Key> keys =
        new Iterator<>() {
          private @Nullable B2FileVersion pending;

          @Override
          public boolean hasNext() {
            while (pending == null && names.hasNext()) {
              B2FileVersion v = names.next();
              // Only the newest visible versions and folders: B2's name listing may also show an
              // unfinished large file ("start"); hidden names never appear.
              if (v.isFile() || v.isFolder()) {
                pending = v;
              }
            }
            return pending != null;
          }

          @Override
          public HierarchyListing.Key next() {
            hasNext();
            B2FileVersion v = pending;
            if (v == null) {
              throw new NoSuchElementException();
            }
            pending = null;
            String name = v.fileName().substring(cut);
            return new HierarchyListing.Key() {
              @Override
              public String name() {
                return name;
              }

              @Override
              public FileAttributes file(String entryPath) {
                return Attributes.of(entryPath, v, visibility);
              }
            };
          }
        };
    return HierarchyListing.of(keys, path, deep, visibility, MARKER);
  }

  /** Returns whether anything (a file or a marker) exists below directory {@code path}. */
  boolean directoryExists(String path) {
    String prefix = ctx.retries.call(() -> ctx.bucket.clampToKey(ctx.bucket.directoryPrefix(path)));
    return hasAny(prefix);
  }

  private boolean hasAny(String prefix) {
    B2FileNamesPage page =
        ctx.retries.call(
            () ->
                ctx.client.listFileNames(
                    new B2ListFilesRequest(ctx.bucket.id(), prefix, null, null, null, 1)));
    return !page.files().isEmpty();
  }

  private Iterator<B2FileVersion> pages(String prefix, @Nullable String delimiter, int pageSize) {
    return PagedIterator.of(
        token -> {
          B2FileNamesPage page =
              ctx.retries.call(
                  () ->
                      ctx.client.listFileNames(
                          new B2ListFilesRequest(
                              ctx.bucket.id(), prefix, delimiter, token, null, pageSize)));
          return new PagedIterator.Page<>(page.files(), page.nextFileName());
        });
  }

  private static String join(String dir, String child) {
    return dir.isEmpty() ? child : dir + "/" + child;
  }
}
