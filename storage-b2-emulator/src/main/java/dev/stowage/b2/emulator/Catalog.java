package dev.stowage.b2.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's metadata in memory: buckets, versions (sorted by name in byte order, newest first within a
 * name), parts of unfinished large files and application keys. Every change is written through to the
 * {@link Store}. One lock guards it all; callers stream file bytes outside the lock and only record the result
 * here, so the lock is held for short, memory-only steps (plus small metadata writes with a directory store).
 */
final class Catalog {
  /** Newest first: by upload time, then by sequence (which breaks ties under a fixed clock). */
  static final Comparator<FileVersion> NEWEST_FIRST =
      Comparator.comparingLong(FileVersion::uploadTimestamp)
          .thenComparingLong(FileVersion::seq)
          .reversed();

  private final Store store;
  private final AtomicLong seq = new AtomicLong();
  private Store.@Nullable Account account;
  private final Map<String, Bucket> buckets = new HashMap<>();
  private final Map<String, NavigableMap<String, List<FileVersion>>> names = new HashMap<>();
  private final Map<String, FileVersion> versions = new HashMap<>();
  private final Map<String, TreeMap<Integer, Part>> parts = new HashMap<>();
  private final TreeMap<String, AppKey> keys = new TreeMap<>();

  Catalog(Store store, Store.Snapshot snapshot) {
    this.store = store;
    this.account = snapshot.account();
    snapshot
        .buckets()
        .forEach(
            b -> {
              buckets.put(b.bucketId(), b);
              names.put(b.bucketId(), new TreeMap<>(Names.BYTE_ORDER));
            });
    long max = 0;
    for (FileVersion v : snapshot.versions()) {
      if (buckets.containsKey(v.bucketId())) {
        index(v);
        max = Math.max(max, v.seq());
      }
    }
    seq.set(max + 1);
    snapshot
        .parts()
        .forEach(
            p -> parts.computeIfAbsent(p.fileId(), k -> new TreeMap<>()).put(p.partNumber(), p));
    snapshot.keys().forEach(k -> keys.put(k.applicationKeyId(), k));
  }

  Store store() {
    return store;
  }

  /** The account; set before the emulator serves its first call. */
  synchronized Store.Account account() {
    if (account == null) {
      throw new IllegalStateException("no account yet");
    }
    return account;
  }

  /** The account, or null before one was stored. */
  synchronized Store.@Nullable Account accountOrNull() {
    return account;
  }

  synchronized void setAccount(Store.Account newAccount) {
    account = newAccount;
    store.putAccount(newAccount);
  }

  // ---- buckets

  synchronized @Nullable Bucket bucket(@Nullable String bucketId) {
    return bucketId == null ? null : buckets.get(bucketId);
  }

  synchronized @Nullable Bucket bucketByName(String name) {
    for (Bucket b : buckets.values()) {
      if (b.bucketName().equalsIgnoreCase(name)) {
        return b;
      }
    }
    return null;
  }

  synchronized List<Bucket> buckets() {
    List<Bucket> out = new ArrayList<>(buckets.values());
    out.sort(Comparator.comparing(b -> b.bucketName().toLowerCase(Locale.ROOT)));
    return out;
  }

  synchronized Bucket createBucket(Bucket bucket, int maxBuckets) {
    if (bucketByName(bucket.bucketName()) != null) {
      throw B2Error.DUPLICATE_BUCKET_NAME.exception();
    }
    if (buckets.size() >= maxBuckets) {
      throw B2Error.TOO_MANY_BUCKETS.exception("Too many buckets: " + maxBuckets + " allowed");
    }
    buckets.put(bucket.bucketId(), bucket);
    names.put(bucket.bucketId(), new TreeMap<>(Names.BYTE_ORDER));
    store.putBucket(bucket);
    return bucket;
  }

  synchronized Bucket updateBucket(
      String bucketId, @Nullable Long ifRevisionIs, UnaryOperator<Bucket> change) {
    Bucket old = buckets.get(bucketId);
    if (old == null) {
      throw B2Error.BAD_BUCKET_ID.exception("Bucket " + bucketId + " does not exist");
    }
    if (ifRevisionIs != null && ifRevisionIs != old.revision()) {
      throw B2Error.CONFLICT.exception(
          "revision mismatch: bucket is at revision " + old.revision());
    }
    Bucket updated = change.apply(old);
    buckets.put(bucketId, updated);
    store.putBucket(updated);
    return updated;
  }

  synchronized Bucket deleteBucket(String bucketId) {
    Bucket old = buckets.get(bucketId);
    if (old == null) {
      throw B2Error.BAD_BUCKET_ID.exception("Bucket " + bucketId + " does not exist");
    }
    if (!Objects.requireNonNull(names.get(bucketId), bucketId).isEmpty()) {
      throw B2Error.CANNOT_DELETE_NON_EMPTY_BUCKET.exception("Cannot delete non-empty bucket");
    }
    buckets.remove(bucketId);
    names.remove(bucketId);
    store.removeBucket(bucketId);
    return old;
  }

  // ---- versions

  long nextSeq() {
    return seq.getAndIncrement();
  }

  /** A small file's id stamped with the wall clock; prefer {@link #newFileId(String, long, long)}. */
  String newFileId(String bucketId, long sequence) {
    return FileIds.small(bucketId, sequence, System.currentTimeMillis());
  }

  /** A small file's (or hide marker's) id, shaped as B2's: {@code 4_z<bucketId>_f1...}. */
  String newFileId(String bucketId, long sequence, long now) {
    return FileIds.small(bucketId, sequence, now);
  }

  /** A large file's id, shaped as B2's: {@code 4_z<bucketId>_f2...}. */
  String newLargeFileId(String bucketId, long sequence, long now) {
    return FileIds.large(bucketId, sequence, now);
  }

  synchronized @Nullable FileVersion version(@Nullable String fileId) {
    return fileId == null ? null : versions.get(fileId);
  }

  /** Records a new version; fails with bad_bucket_id when the bucket was deleted meanwhile. */
  synchronized void addVersion(FileVersion v) {
    if (!buckets.containsKey(v.bucketId())) {
      throw B2Error.BAD_BUCKET_ID.exception("Bucket " + v.bucketId() + " does not exist");
    }
    index(v);
    store.putVersion(v);
  }

  private void index(FileVersion v) {
    versions.put(v.fileId(), v);
    NavigableMap<String, List<FileVersion>> byName =
        Objects.requireNonNull(names.get(v.bucketId()), v.bucketId());
    List<FileVersion> list = byName.computeIfAbsent(v.fileName(), k -> new ArrayList<>());
    list.removeIf(x -> x.fileId().equals(v.fileId()));
    list.add(v);
    list.sort(NEWEST_FIRST);
  }

  /** Replaces a version in place (same id), e.g. when a large file is finished. */
  synchronized void replaceVersion(FileVersion v) {
    index(v);
    store.putVersion(v);
  }

  /** Removes a version with its parts; returns it, or null if absent. Its blobs are deleted. */
  synchronized @Nullable FileVersion removeVersion(String fileId) {
    FileVersion v = versions.remove(fileId);
    if (v == null) {
      return null;
    }
    NavigableMap<String, List<FileVersion>> byName = names.get(v.bucketId());
    if (byName != null) {
      List<FileVersion> list = byName.get(v.fileName());
      if (list != null) {
        list.removeIf(x -> x.fileId().equals(fileId));
        if (list.isEmpty()) {
          byName.remove(v.fileName());
        }
      }
    }
    TreeMap<Integer, Part> removedParts = parts.remove(fileId);
    store.removeVersion(fileId);
    if (removedParts != null) {
      removedParts.values().forEach(p -> store.deleteBlob(p.blob()));
    }
    v.segments().forEach(s -> store.deleteBlob(s.blob()));
    return v;
  }

  /** Returns the versions of one name, newest first. */
  synchronized List<FileVersion> versionsOf(String bucketId, String fileName) {
    NavigableMap<String, List<FileVersion>> byName = names.get(bucketId);
    List<FileVersion> list = byName == null ? null : byName.get(fileName);
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Runs a read-only function over one bucket's name index under the lock. */
  synchronized <T> T readNames(
      String bucketId, Function<NavigableMap<String, List<FileVersion>>, T> reader) {
    NavigableMap<String, List<FileVersion>> byName = names.get(bucketId);
    return reader.apply(byName == null ? new TreeMap<>(Names.BYTE_ORDER) : byName);
  }

  /** Returns the unfinished large files of a bucket, oldest first. */
  synchronized List<FileVersion> unfinished(String bucketId) {
    List<FileVersion> out = new ArrayList<>();
    for (FileVersion v : versions.values()) {
      if (v.bucketId().equals(bucketId) && v.isStart()) {
        out.add(v);
      }
    }
    out.sort(NEWEST_FIRST.reversed());
    return out;
  }

  // ---- parts

  /** Records a part, replacing one with the same number; fails when the large file is gone or finished. */
  synchronized void putPart(Part part) {
    FileVersion v = versions.get(part.fileId());
    if (v == null || !v.isStart()) {
      throw B2Error.BAD_REQUEST.exception("No active upload for: " + part.fileId());
    }
    Part old =
        parts.computeIfAbsent(part.fileId(), k -> new TreeMap<>()).put(part.partNumber(), part);
    store.putPart(part);
    if (old != null && !old.blob().equals(part.blob())) {
      store.deleteBlob(old.blob());
    }
  }

  synchronized List<Part> parts(String fileId) {
    TreeMap<Integer, Part> map = parts.get(fileId);
    return map == null ? List.of() : List.copyOf(map.values());
  }

  /** Turns an unfinished large file into a finished one whose content is its parts; the parts are dropped. */
  synchronized FileVersion finish(FileVersion finished) {
    index(finished);
    store.putVersion(finished);
    TreeMap<Integer, Part> done = parts.remove(finished.fileId());
    if (done != null) {
      done.keySet().forEach(n -> store.removePart(finished.fileId(), n));
    }
    return finished;
  }

  // ---- keys

  synchronized @Nullable AppKey key(String keyId) {
    return keys.get(keyId);
  }

  synchronized void putKey(AppKey key) {
    keys.put(key.applicationKeyId(), key);
    store.putKey(key);
  }

  synchronized @Nullable AppKey removeKey(String keyId) {
    AppKey removed = keys.remove(keyId);
    if (removed != null) {
      store.removeKey(keyId);
    }
    return removed;
  }

  synchronized List<AppKey> keysFrom(@Nullable String startKeyId) {
    return List.copyOf((startKeyId == null ? keys : keys.tailMap(startKeyId, true)).values());
  }
}
