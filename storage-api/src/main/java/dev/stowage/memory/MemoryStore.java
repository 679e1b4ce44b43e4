package dev.stowage.memory;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The objects of one in-memory store, keyed by path ({@code dir/} for markers). Named stores are
 * shared by every adapter opened with that name in this JVM.
 */
final class MemoryStore {

  /**
   * Orders keys by code point (the UTF-8 byte order) with {@code /} below every other character,
   * so that a directory's contents come right after it and a shallow listing is sorted by path.
   */
  static final Comparator<String> KEY_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca == '/' ? -1 : ca, cb == '/' ? -1 : cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private static final Map<String, MemoryStore> NAMED = new ConcurrentHashMap<>();

  final ConcurrentNavigableMap<String, MemoryObject> objects =
      new ConcurrentSkipListMap<>(KEY_ORDER);
  private final AtomicLong versions = new AtomicLong();

  /** Returns the store shared under {@code name}, creating it on first use. */
  static MemoryStore named(String name) {
    return NAMED.computeIfAbsent(name, n -> new MemoryStore());
  }

  /** Returns a new version id. */
  String nextVersion() {
    return Long.toString(versions.incrementAndGet());
  }
}
