package dev.stowage.b2.emulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the emulator keeps metadata and file bytes. The in-memory {@link Catalog} is the source of truth while
 * running; a store persists each change as it happens and hands everything back at start-up.
 *
 * <p>Implementations: {@link MemoryStore} (nothing survives) and {@link DirectoryStore} (survives a restart).
 * Metadata methods are called under the catalog's lock; blob methods are called without it and must be
 * thread-safe.
 */
interface Store extends Closeable {

  /** Everything persisted so far. */
  record Snapshot(
      @Nullable Account account,
      List<Bucket> buckets,
      List<FileVersion> versions,
      List<Part> parts,
      List<AppKey> keys) {
    public Snapshot {
      buckets = List.copyOf(buckets);
      versions = List.copyOf(versions);
      parts = List.copyOf(parts);
      keys = List.copyOf(keys);
    }
  }

  /** The account's identity and master credentials. */
  record Account(String accountId, String masterKeyId, String masterKey) {
    @Override
    public String toString() {
      return "Account[" + accountId + "]";
    }
  }

  /** A blob being written; {@link #commit()} makes it readable, {@link #abort()} discards it. */
  interface BlobSink extends Closeable {
    OutputStream stream();

    /** Finishes the blob and returns its id. */
    String commit() throws IOException;

    /** Discards the blob; safe to call after commit (then it does nothing). */
    void abort();

    @Override
    default void close() {
      abort();
    }
  }

  Snapshot load() throws IOException;

  void putAccount(Account account);

  void putBucket(Bucket bucket);

  void removeBucket(String bucketId);

  void putVersion(FileVersion version);

  void removeVersion(String fileId);

  void putPart(Part part);

  void removePart(String fileId, int partNumber);

  void putKey(AppKey key);

  void removeKey(String applicationKeyId);

  BlobSink newBlob() throws IOException;

  /** Opens a blob at the given offset; the caller reads as much as it needs and closes the stream. */
  InputStream openBlob(String blobId, long offset) throws IOException;

  void deleteBlob(String blobId);
}
