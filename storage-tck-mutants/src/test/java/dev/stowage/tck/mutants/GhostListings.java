package dev.stowage.tck.mutants;

import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.WriteOptions;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mutant "lists a deleted file": deletes really delete, but listings keep showing each deleted
 * file (a stale listing cache that is never invalidated).
 */
final class GhostListings extends ForwardingAdapter {

  private final Map<String, FileAttributes> deleted = new ConcurrentHashMap<>();

  GhostListings(FilesystemAdapter delegate) {
    super(delegate);
  }

  @Override
  public void delete(String path) {
    if (super.fileExists(path)) {
      deleted.put(path, super.stat(path));
    }
    super.delete(path);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    deleted.remove(path);
    return super.write(path, source, options);
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    List<StorageAttributes> entries = new ArrayList<>();
    Iterator<StorageAttributes> real = super.list(path, deep);
    try {
      real.forEachRemaining(entries::add);
    } finally {
      if (real instanceof AutoCloseable) {
        try {
          ((AutoCloseable) real).close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    Set<String> listed = new HashSet<>();
    entries.forEach(e -> listed.add(e.path()));
    String prefix = path.isEmpty() ? "" : path + "/";
    deleted.forEach(
        (p, attributes) -> {
          boolean below = p.startsWith(prefix) && (deep || p.indexOf('/', prefix.length()) < 0);
          if (below && !listed.contains(p)) {
            entries.add(attributes);
          }
        });
    return entries.iterator();
  }
}
