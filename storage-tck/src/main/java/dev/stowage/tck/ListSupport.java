package dev.stowage.tck;

import dev.stowage.Capability;
import dev.stowage.DirectoryListing;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Fixtures and helpers for listing and directory cases. */
final class ListSupport {

  /** Orders strings by their UTF-8 bytes, unsigned, as {@code SORTED_LISTING} promises. */
  static final Comparator<String> UTF8_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private ListSupport() {}

  /**
   * Writes {@code d/a.txt}, {@code d/b.txt}, {@code d/sub/c.txt}, {@code d/sub/deeper/e.txt} and
   * creates the empty directory {@code d/made}; returns {@code d}.
   */
  static String tree(Filesystem fs, String d) {
    KitData.seed(fs, d + "/a.txt", "a");
    KitData.seed(fs, d + "/b.txt", "bb");
    KitData.seed(fs, d + "/sub/c.txt", "ccc");
    KitData.seed(fs, d + "/sub/deeper/e.txt", "eeee");
    fs.createDirectory(d + "/made");
    return d;
  }

  /** Returns path → isFile for every entry, failing on duplicates. */
  static Map<String, Boolean> typed(DirectoryListing listing) {
    Map<String, Boolean> entries = new LinkedHashMap<>();
    for (StorageAttributes e : listing.toList()) {
      if (entries.put(e.path(), e.isFile()) != null) {
        throw new AssertionError("listed twice: " + e.path());
      }
    }
    return entries;
  }

  static List<String> paths(DirectoryListing listing) {
    return listing.toList().stream().map(StorageAttributes::path).collect(Collectors.toList());
  }

  /** Writes {@code count} small files {@code d/f-00000}… with up to {@code threads} in parallel. */
  static List<String> writeMany(Filesystem fs, String d, int count, int threads) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      paths.add(String.format("%s/f-%05d", d, i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      // An explicit type skips content sniffing, which dominates small writes on fast backends.
      WriteOptions options =
          fs.capabilities().has(Capability.CONTENT_TYPE)
              ? WriteOptions.builder().contentType("text/plain").build()
              : WriteOptions.DEFAULT;
      for (String p : paths) {
        done.add(pool.submit(() -> fs.write(p, p, options)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new AssertionError("writing " + count + " files failed", e);
    } finally {
      pool.shutdownNow();
    }
    return paths;
  }
}
