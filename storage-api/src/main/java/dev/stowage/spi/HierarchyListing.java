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

/**
 * Turns a flat, ordered key listing into the directory hierarchy the {@code Filesystem} API shows:
 * the one place where object stores' implied directories are derived.
 *
 * <p>The adapter supplies, lazily and in key order (keys below one directory contiguous), the
 * names below the listed directory, each relative to it, as {@link Key}s:
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
 * ({@code ""}) is never reported, markers are never files, and names that no normalised path can
 * name (an empty, {@code .} or {@code ..} segment) are left out.
 *
 * <!-- given: Iterator<HierarchyListing.Key> keys; boolean deep -->
 * <pre>{@code
 * Iterator<StorageAttributes> entries = HierarchyListing.of(keys, "photos", deep, null, null);
 * }</pre>
 *
 * <p>Lazy and not thread-safe, as iterators are. The key iterator's failures pass through.
 */
public final class HierarchyListing implements Iterator<StorageAttributes> {

  /** One name of a flat listing, relative to the listed directory. */
  public interface Key {
    /** Returns the name relative to the listed directory; a directory's ends in {@code /}. */
    String name();

    /** Returns the attributes of this file at {@code path}; never called for directories. */
    FileAttributes file(String path);
  }

  private final Iterator<? extends Key> keys;
  private final String directory;
  private final boolean deep;
  private final Visibility directoryVisibility;
  private final String markerName;
  private final Deque<StorageAttributes> ready = new ArrayDeque<>();
  /** Deep: the directories (relative) reported on the way to the previous key, outermost first. */
  private List<String> open = List.of();
  /** Shallow: the last child directory reported. */
  private String lastChild;

  private HierarchyListing(Iterator<? extends Key> keys, String directory, boolean deep,
      Visibility directoryVisibility, String markerName) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.deep = deep;
    this.directoryVisibility = directoryVisibility;
    this.markerName = markerName;
  }

  /**
   * Returns the entries below {@code directory} that {@code keys} imply.
   *
   * @param keys the flat names below {@code directory}, relative to it, in key order
   * @param directory the listed directory's normalised path ({@code ""} for the root)
   * @param deep whether every descendant is reported, or only the direct children
   * @param directoryVisibility the visibility reported on directories (the bucket's), or null
   * @param markerName the last segment that marks its parent directory (B2's {@code .bzEmpty}),
   *     or null when markers are names ending in {@code /} only
   */
  public static Iterator<StorageAttributes> of(Iterator<? extends Key> keys, String directory,
      boolean deep, Visibility directoryVisibility, String markerName) {
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
    boolean directoryName = name.endsWith("/");
    String trimmed = directoryName ? name.substring(0, name.length() - 1) : name;
    boolean marker = !directoryName && markerName != null
        && (trimmed.equals(markerName) || trimmed.endsWith("/" + markerName));
    if (marker) {
      int slash = trimmed.lastIndexOf('/');
      trimmed = slash < 0 ? "" : trimmed.substring(0, slash);
      directoryName = true;
    }
    if (trimmed.isEmpty() || !nameable(trimmed)) {
      return; // the listed directory's own marker, or a name no path can reach
    }
    if (!deep) {
      int slash = trimmed.indexOf('/');
      if (slash < 0 && !directoryName) {
        ready.add(key.file(join(trimmed)));
        return;
      }
      String child = slash < 0 ? trimmed : trimmed.substring(0, slash);
      if (!child.equals(lastChild)) {
        lastChild = child;
        ready.add(new DirectoryAttributes(join(child), null, directoryVisibility));
      }
      return;
    }
    openDirectories(trimmed, directoryName);
    if (!directoryName) {
      ready.add(key.file(join(trimmed)));
    }
  }

  /** Reports the directories on the way to {@code name} (and {@code name} itself if it is one) not reported yet. */
  private void openDirectories(String name, boolean includeSelf) {
    List<String> chain = new ArrayList<>();
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      chain.add(name.substring(0, slash));
    }
    if (includeSelf) {
      chain.add(name);
    }
    int shared = 0;
    while (shared < chain.size() && shared < open.size() && chain.get(shared).equals(open.get(shared))) {
      shared++;
    }
    for (int i = shared; i < chain.size(); i++) {
      ready.add(new DirectoryAttributes(join(chain.get(i)), null, directoryVisibility));
    }
    // A file's own chain replaces the open one; a directory stays open for what follows it.
    open = chain;
  }

  private String join(String relative) {
    return directory.isEmpty() ? relative : directory + "/" + relative;
  }

  private static boolean nameable(String name) {
    int start = 0;
    while (true) {
      int slash = name.indexOf('/', start);
      int end = slash < 0 ? name.length() : slash;
      int length = end - start;
      if (length == 0 || (length == 1 && name.charAt(start) == '.')
          || (length == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.')) {
        return false;
      }
      if (slash < 0) {
        return true;
      }
      start = slash + 1;
    }
  }
}
