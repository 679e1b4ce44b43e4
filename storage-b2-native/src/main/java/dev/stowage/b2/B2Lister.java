package dev.stowage.b2;

import dev.stowage.DirectoryAttributes;
import dev.stowage.Operation;
import dev.stowage.StorageAttributes;
import dev.stowage.Visibility;
import dev.stowage.b2.client.B2FileNamesPage;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.spi.PagedIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Lists with {@code b2_list_file_names}, page by page as the caller iterates: shallow listings use
 * the delimiter {@code /} (B2 collapses sub-directories into folder entries), deep ones list every
 * name and derive the directories from them. Hidden files and old versions never appear (B2's
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
    } catch (dev.stowage.StorageException e) {
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
    String listPrefix = ctx.retries.call(Operation.LIST, path, null, () -> ctx.bucket.clampToKey(dirPrefix));
    Visibility visibility = ctx.visibility(Operation.LIST, path);
    String rest = listPrefix.substring(dirPrefix.length());
    if (!deep && rest.contains("/")) {
      // The key only reaches a deeper prefix: the one visible child is its first segment.
      String child = rest.substring(0, rest.indexOf('/'));
      return hasAny(path, listPrefix)
          ? List.<StorageAttributes>of(new DirectoryAttributes(join(path, child), null, visibility)).iterator()
          : List.<StorageAttributes>of().iterator();
    }
    Iterator<B2FileVersion> names = pages(path, listPrefix, deep ? null : "/", ctx.config.listPageSize());
    return new Entries(names, path, dirPrefix.length(), deep, visibility);
  }

  /** Returns whether anything (a file or a marker) exists below directory {@code path}. */
  boolean directoryExists(String path) {
    String prefix = ctx.retries.call(Operation.EXISTS, path, null,
        () -> ctx.bucket.clampToKey(ctx.bucket.directoryPrefix(path)));
    return hasAny(path, prefix);
  }

  private boolean hasAny(String path, String prefix) {
    B2FileNamesPage page = ctx.retries.call(Operation.EXISTS, path, null, () -> ctx.client.listFileNames(
        new B2ListFilesRequest(ctx.bucket.id(), prefix, null, null, null, 1)));
    return !page.files().isEmpty();
  }

  private Iterator<B2FileVersion> pages(String path, String prefix, String delimiter, int pageSize) {
    return PagedIterator.of(token -> {
      B2FileNamesPage page = ctx.retries.call(Operation.LIST, path, null, () -> ctx.client.listFileNames(
          new B2ListFilesRequest(ctx.bucket.id(), prefix, delimiter, token, null, pageSize)));
      return new PagedIterator.Page<>(page.files(), page.nextFileName());
    });
  }

  private static String join(String dir, String child) {
    return dir.isEmpty() ? child : dir + "/" + child;
  }

  /** Turns B2 entries into Stowage entries, adding the directories a deep listing implies. */
  private final class Entries implements Iterator<StorageAttributes> {
    private final Iterator<B2FileVersion> names;
    private final String dir;
    private final int cut;
    private final boolean deep;
    private final Visibility visibility;
    private final Deque<StorageAttributes> ready = new ArrayDeque<>();
    private List<String> openDirs = List.of();

    Entries(Iterator<B2FileVersion> names, String dir, int cut, boolean deep, Visibility visibility) {
      this.names = names;
      this.dir = dir;
      this.cut = cut;
      this.deep = deep;
      this.visibility = visibility;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && names.hasNext()) {
        accept(names.next());
      }
      return !ready.isEmpty();
    }

    @Override
    public StorageAttributes next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void accept(B2FileVersion v) {
      String relative = v.fileName().substring(cut);
      if (v.isFolder()) {
        String name = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
        if (!name.isEmpty()) {
          ready.add(new DirectoryAttributes(join(dir, name), null, visibility));
        }
        return;
      }
      if (!v.isFile() || relative.isEmpty()) {
        return;
      }
      if (deep) {
        addParents(relative);
      }
      String last = relative.substring(relative.lastIndexOf('/') + 1);
      if (!last.equals(MARKER) && !relative.endsWith("/")) {
        ready.add(Attributes.of(join(dir, relative), v, visibility));
      }
    }

    /** Emits the directories of {@code relative} not yet emitted: names below one directory are contiguous in B2's order. */
    private void addParents(String relative) {
      List<String> dirs = new ArrayList<>();
      for (int i = relative.indexOf('/'); i > 0; i = relative.indexOf('/', i + 1)) {
        dirs.add(relative.substring(0, i));
      }
      for (int i = 0; i < dirs.size(); i++) {
        if (i >= openDirs.size() || !openDirs.get(i).equals(dirs.get(i))) {
          for (int j = i; j < dirs.size(); j++) {
            ready.add(new DirectoryAttributes(join(dir, dirs.get(j)), null, visibility));
          }
          break;
        }
      }
      openDirs = dirs;
    }
  }
}
