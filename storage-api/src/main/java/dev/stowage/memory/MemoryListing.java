package dev.stowage.memory;

import dev.stowage.DirectoryAttributes;
import dev.stowage.StorageAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A lazy listing over the live key map (weakly consistent: concurrent changes never break it).
 * Directories are derived from keys: each is reported once, before its contents, because a
 * directory's keys are contiguous in {@link MemoryStore#KEY_ORDER}. Markers are never files.
 */
final class MemoryListing implements Iterator<StorageAttributes> {

  private final Iterator<Map.Entry<String, MemoryObject>> keys;
  private final String prefix;
  private final boolean deep;
  private final Deque<StorageAttributes> ready = new ArrayDeque<>();
  private String previous = "";
  private boolean done;

  MemoryListing(MemoryStore store, String directory, boolean deep) {
    this.prefix = directory.isEmpty() ? "" : directory + "/";
    this.keys = store.objects.tailMap(prefix, true).entrySet().iterator();
    this.deep = deep;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !done) {
      if (!keys.hasNext()) {
        done = true;
        break;
      }
      Map.Entry<String, MemoryObject> e = keys.next();
      String key = e.getKey();
      if (!key.startsWith(prefix)) {
        done = true;
        break;
      }
      if (key.length() > prefix.length()) {
        accept(key, e.getValue());
      }
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

  private void accept(String key, MemoryObject object) {
    String rest = key.substring(prefix.length());
    int slash = rest.indexOf('/');
    if (!deep) {
      if (slash < 0) {
        ready.add(object.attributes(key));
      } else {
        String dir = prefix + rest.substring(0, slash);
        if (!previous.startsWith(dir + "/")) {
          ready.add(DirectoryAttributes.of(dir));
        }
      }
      previous = key;
      return;
    }
    // Deep: report every directory on the way to this key that the previous key did not share.
    for (int i = rest.indexOf('/'); i >= 0; i = rest.indexOf('/', i + 1)) {
      String dir = prefix + rest.substring(0, i);
      if (!previous.startsWith(dir + "/")) {
        ready.add(DirectoryAttributes.of(dir));
      }
    }
    if (!key.endsWith("/")) {
      ready.add(object.attributes(key));
    }
    previous = key;
  }
}
