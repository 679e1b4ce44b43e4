package dev.stowage.b2.emulator;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A store that keeps blobs in memory and persists no metadata: everything is gone after {@code close()}. */
final class MemoryStore implements Store {
  private final Map<String, ChunkedBytes> blobs = new ConcurrentHashMap<>();

  @Override
  public Snapshot load() {
    return new Snapshot(null, List.of(), List.of(), List.of(), List.of());
  }

  @Override
  public void putAccount(Account account) {}

  @Override
  public void putBucket(Bucket bucket) {}

  @Override
  public void removeBucket(String bucketId) {}

  @Override
  public void putVersion(FileVersion version) {}

  @Override
  public void removeVersion(String fileId) {}

  @Override
  public void putPart(Part part) {}

  @Override
  public void removePart(String fileId, int partNumber) {}

  @Override
  public void putKey(AppKey key) {}

  @Override
  public void removeKey(String applicationKeyId) {}

  @Override
  public BlobSink newBlob() {
    ChunkedBytes bytes = new ChunkedBytes();
    OutputStream out = bytes.writer();
    return new BlobSink() {
      @Override
      public OutputStream stream() {
        return out;
      }

      @Override
      public String commit() {
        String id = UUID.randomUUID().toString();
        blobs.put(id, bytes);
        return id;
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public InputStream openBlob(String blobId, long offset) throws IOException {
    ChunkedBytes bytes = blobs.get(blobId);
    if (bytes == null) {
      throw new FileNotFoundException("no blob " + blobId);
    }
    return bytes.reader(offset);
  }

  @Override
  public void deleteBlob(String blobId) {
    blobs.remove(blobId);
  }

  @Override
  public void close() {
    blobs.clear();
  }
}
