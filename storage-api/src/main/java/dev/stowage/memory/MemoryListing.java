package dev.stowage.memory;

import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.spi.HierarchyListing;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The memory store's keys below a directory, in {@link MemoryStore#KEY_ORDER}, as the flat
 * listing {@link HierarchyListing} turns into files and directories. Weakly consistent over the
 * live key map: concurrent changes never break it.
 */
final class MemoryListing implements Iterator<HierarchyListing.Key> {

  private final Iterator<Map.Entry<String, MemoryObject>> keys;
  private final String prefix;
  private Map.@Nullable Entry<String, MemoryObject> pending;
  private boolean done;

  private MemoryListing(MemoryStore store, String directory) {
    this.prefix = directory.isEmpty() ? "" : directory + "/";
    this.keys = store.objects.tailMap(prefix, true).entrySet().iterator();
  }

  /** Returns the entries below {@code directory} (its children, or with {@code deep} all descendants). */
  static Iterator<StorageAttributes> of(MemoryStore store, String directory, boolean deep) {
    return HierarchyListing.of(new MemoryListing(store, directory), directory, deep, null, null);
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      if (keys.hasNext()) {
        Map.Entry<String, MemoryObject> e = keys.next();
        if (e.getKey().startsWith(prefix)) {
          pending = e;
        } else {
          done = true; // past the directory's contiguous range
        }
      } else {
        done = true;
      }
    }
    return pending != null;
  }

  @Override
  public HierarchyListing.Key next() {
    Map.Entry<String, MemoryObject> e = hasNext() ? pending : null;
    if (e == null) {
      throw new NoSuchElementException();
    }
    pending = null;
    String name = e.getKey();
    MemoryObject object = e.getValue();
    return new HierarchyListing.Key() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public FileAttributes file(String path) {
        return object.attributes(path);
      }
    };
  }
}
