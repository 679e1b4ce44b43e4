package dev.stowage.memory;

import dev.stowage.FileAttributes;
import dev.stowage.spi.MultipartSession;
import dev.stowage.spi.PartData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A multipart upload into memory: parts are kept apart until completion assembles them. */
final class MemoryMultipartSession implements MultipartSession<Integer> {

  private final Map<Integer, byte[]> parts = new ConcurrentHashMap<>();
  private final Function<byte[], FileAttributes> store;
  private final MultipartListener listener;
  private final long uploadId;
  private final String path;

  /** Tells {@code listener} about each part kept and about the end (completed or aborted). */
  MemoryMultipartSession(
      Function<byte[], FileAttributes> store,
      MultipartListener listener,
      long uploadId,
      String path) {
    this.store = store;
    this.listener = listener;
    this.uploadId = uploadId;
    this.path = path;
  }

  @Override
  public Integer uploadPart(PartData part) throws IOException {
    byte[] bytes;
    try (InputStream in = part.open()) {
      bytes = in.readAllBytes();
    }
    if (bytes.length != part.length()) {
      throw new IOException(
          "part "
              + part.partNumber()
              + " has "
              + bytes.length
              + " bytes, expected "
              + part.length());
    }
    parts.put(part.partNumber(), bytes);
    listener.partStored(uploadId, path, part.partNumber(), bytes.length);
    return part.partNumber();
  }

  @Override
  public FileAttributes complete(List<Integer> receipts) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < receipts.size(); i++) {
      Integer receipt = receipts.get(i);
      byte[] part = parts.get(i + 1);
      if (receipt == null || receipt != i + 1 || part == null) {
        throw new IOException("part " + (i + 1) + " is missing or out of order");
      }
      all.write(part);
    }
    parts.clear();
    FileAttributes stored = store.apply(all.toByteArray());
    listener.uploadEnded(uploadId, path, true);
    return stored;
  }

  @Override
  public void abort() {
    parts.clear();
    listener.uploadEnded(uploadId, path, false);
  }
}
