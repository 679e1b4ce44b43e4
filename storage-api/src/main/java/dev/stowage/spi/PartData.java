package dev.stowage.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * One part of a multipart upload, handed to {@link MultipartSession#uploadPart}. It can be opened
 * more than once (to compute a checksum first, or to retry), and is valid until that call returns.
 */
public interface PartData {

  /** Returns the 1-based part number. */
  int partNumber();

  /** Returns the part's offset in the whole file. */
  long offset();

  /** Returns the part's length in bytes. */
  long length();

  /** Opens the part's bytes from its start. */
  InputStream open() throws IOException;

  /**
   * Drops the part's bytes once its upload has ended (the uploader calls it; adapters need not).
   * Opening it afterwards fails. The default does nothing.
   */
  default void release() {}
}
