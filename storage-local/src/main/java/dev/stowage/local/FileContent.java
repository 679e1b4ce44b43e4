package dev.stowage.local;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** Fills a new temporary file; the bytes of a write or a copy. */
@FunctionalInterface
interface FileContent {

  /** Writes everything to {@code out}; a failure aborts the write and the temporary file goes. */
  void writeTo(FileChannel out) throws IOException;
}
