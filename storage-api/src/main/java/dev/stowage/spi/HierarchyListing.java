package dev.stowage.spi;

import dev.stowage.DirectoryAttributes;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.Visibility;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a flat, ordered key listing into the directory hierarchy the {@code Filesystem} API shows:
 * the one place where object stores' implied directories are derived.
 *
 * <p>The adapter supplies, lazily and in key order (keys below one directory contiguous), the
 * names below the listed directory as {@link Key}s, each the path relative to the adapter's root
 * (so starting with the directory and a {@code /}, unless the directory is the root):
 * <ul>
 *   <li>a name ending in {@code /} is a directory — a marker object ({@code photos/}) or a
 *       delimiter's common prefix;
 *   <li>a name whose last segment is the adapter's marker name (B2's {@code .bzEmpty}) marks its
 *       parent directory;
 *   <li>anything else is a file, whose attributes the key makes only when it is reported.
 * </ul>
 *
 * <p>A shallow listing reports the direct children: files without a {@code /}, and each first
 * segment of a deeper name once, as a directory. A deep listing reports every file and every
 * directory, each directory once and just before its contents. The listed directory's own marker
 * is never reported, markers are never files, and names that no normalised path can name (an
 * empty, {@code .} or {@code ..} segment) are left out. Files in a directory already reported cost
 * no allocation here.
 *
 * <!-- given: Iterator<HierarchyListing.Key> keys; boolean deep -->
 * <pre>{@code
 * Iterator<StorageAttributes> entries = HierarchyListing.of(keys, "photos", deep, null, null);
 * }</pre>
 *
 * <p>Lazy and not thread-safe, as iterators are. The key iterator's failures pass through.
 */
public final class HierarchyListing implements Iterator<StorageAttributes> {

  /** One name of a flat listing: a path relative to the adapter's root. */
  public interface Key {
    /** Returns the path relative to the adapter's root; a directory's ends in {@code /}. */
    String name();

    /** Returns the attributes of this file, whose path is {@link #name()}; never called for directories. */
    FileAttributes file(String path);
  }

  private final Iterator<? extends Key> keys;
  private final String directory;
  private final String prefix;
  private final boolean deep;
  private final @Nullable Visibility directoryVisibility;
  private final @Nullable String markerName;
  private final Deque<StorageAttributes> ready = new ArrayDeque<>();

  /** Deep: the directories reported on the way to the previous key, outermost first. */
  private List<String> open = List.of();

  /** Shallow: the last child directory reported. */
  private @Nullable String lastChild;

  private HierarchyListing(
      Iterator<? extends Key> keys,
      String directory,
      boolean deep,
      @Nullable Visibility directoryVisibility,
      @Nullable String markerName) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.prefix = directory.isEmpty() ? "" : directory + "/";
    this.deep = deep;
    this.directoryVisibility = directoryVisibility;
    this.markerName = markerName;
  }

  /**
   * Returns the entries below {@code directory} that {@code keys} imply.
   *
   * @param keys the flat names below {@code directory}, relative to the adapter's root, in key order
   * @param directory the listed directory's normalised path ({@code ""} for the root)
   * @param deep whether every descendant is reported, or only the direct children
   * @param directoryVisibility the visibility reported on directories (the bucket's), or null
   * @param markerName the last segment that marks its parent directory (B2's {@code .bzEmpty}),
   *     or null when markers are names ending in {@code /} only
   */
  public static Iterator<StorageAttributes> of(
      Iterator<? extends Key> keys,
      String directory,
      boolean deep,
      @Nullable Visibility directoryVisibility,
      @Nullable String markerName) {
    return new HierarchyListing(keys, directory, deep, directoryVisibility, markerName);
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && keys.hasNext()) {
      accept(keys.next());
    }
    return !ready.isEmpty();
  }

  @Override
  public StorageAttributes next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.removeFirst();
  }

  private void accept(Key key) {
    String name = key.name();
    int start = prefix.length();
    if (name.length() <= start || !name.startsWith(prefix)) {
      return; // the listed directory's own marker, or a name outside it
    }
    int end = name.length();
    boolean directoryName = name.charAt(end - 1) == '/';
    if (directoryName) {
      end--;
    } else if (markerName != null && isMarker(name, start, end)) {
      end = Math.max(start, end - markerName.length() - 1);
      directoryName = true;
    }
    if (end <= start || !nameable(name, start, end)) {
      return; // the listed directory's own marker, or a name no path can reach
    }
    if (!deep) {
      int slash = name.indexOf('/', start);
      if ((slash < 0 || slash >= end) && !directoryName) {
        ready.add(key.file(name));
        return;
      }
      int childEnd = slash < 0 || slash >= end ? end : slash;
      if (lastChild == null || lastChild.length() != childEnd || !name.startsWith(lastChild)) {
        lastChild = name.substring(0, childEnd);
        ready.add(new DirectoryAttributes(lastChild, null, directoryVisibility));
      }
      return;
    }
    openDirectories(name, start, end, directoryName);
    if (!directoryName) {
      ready.add(key.file(name));
    }
  }

  private boolean isMarker(String name, int start, int end) {
    String marker = markerName;
    if (marker == null) {
      return false;
    }
    int length = marker.length();
    int at = end - length;
    return at >= start
        && name.startsWith(marker, at)
        && (at == start || name.charAt(at - 1) == '/');
  }

  /**
   * Reports the directories on the way to {@code name} (up to {@code end}, and {@code name}
   * itself there if it is one) not reported yet; allocates only when the chain changes.
   */
  private void openDirectories(String name, int start, int end, boolean includeSelf) {
    int depth = 0;
    List<String> changed = null;
    for (int slash = name.indexOf('/', start); ; slash = name.indexOf('/', slash + 1)) {
      int stop;
      if (slash >= 0 && slash < end) {
        stop = slash;
      } else if (includeSelf) {
        stop = end;
      } else {
        break;
      }
      if (changed == null
          && depth < open.size()
          && open.get(depth).length() == stop
          && name.startsWith(open.get(depth))) {
        depth++;
      } else {
        if (changed == null) {
          changed = new ArrayList<>(open.subList(0, depth));
        }
        String dir = name.substring(0, stop);
        changed.add(dir);
        ready.add(new DirectoryAttributes(dir, null, directoryVisibility));
        depth++;
      }
      if (stop == end) {
        break;
      }
    }
    if (changed != null) {
      open = changed;
    } else if (depth < open.size()) {
      open = List.copyOf(open.subList(0, depth)); // a shallower file: what was below it is closed
    }
  }

  private static boolean nameable(String name, int from, int end) {
    int start = from;
    while (true) {
      int slash = name.indexOf('/', start);
      int stop = slash < 0 || slash > end ? end : slash;
      int length = stop - start;
      if (length == 0
          || (length == 1 && name.charAt(start) == '.')
          || (length == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.')) {
        return false;
      }
      if (stop == end) {
        return true;
      }
      start = stop + 1;
    }
  }
}
