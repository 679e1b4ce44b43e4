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
  private final Runnable onPart;
  private final Runnable onEnd;

  /**
   * {@code onPart} runs after each part is kept (the upload is pending from the first one on);
   * {@code onEnd} once the upload is completed or aborted, i.e. no longer pending.
   */
  MemoryMultipartSession(Function<byte[], FileAttributes> store, Runnable onPart, Runnable onEnd) {
    this.store = store;
    this.onPart = onPart;
    this.onEnd = onEnd;
  }

  @Override
  public Integer uploadPart(PartData part) throws IOException {
    byte[] bytes;
    try (InputStream in = part.open()) {
      bytes = in.readAllBytes();
    }
    if (bytes.length != part.length()) {
      throw new IOException("part " + part.partNumber() + " has " + bytes.length
          + " bytes, expected " + part.length());
    }
    parts.put(part.partNumber(), bytes);
    onPart.run();
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
    onEnd.run();
    return stored;
  }

  @Override
  public void abort() {
    parts.clear();
    onEnd.run();
  }
}
