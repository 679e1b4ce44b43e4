package dev.stowage.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The random bytes every client uploads: one local file per size, made once per bench run. */
final class Payloads {

  private static final int BLOCK = 1 << 20;

  private final Path directory;
  private final Map<Long, Path> files = new HashMap<>();

  Payloads(Path directory) {
    this.directory = directory;
  }

  /** Returns a file of {@code size} random (incompressible) bytes, writing it on first use. */
  Path of(long size) throws IOException {
    Path existing = files.get(size);
    if (existing != null) {
      return existing;
    }
    Path file = directory.resolve("payload-" + size + ".bin");
    SplittableRandom random = new SplittableRandom(size);
    byte[] block = new byte[BLOCK];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long v = random.nextLong();
          for (int j = 0; j < 8; j++) {
            block[i + j] = (byte) (v >>> (8 * j));
          }
        }
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
    files.put(size, file);
    return file;
  }
}
