package dev.stowage.spi;

import dev.stowage.FileAttributes;
import java.io.IOException;
import java.util.List;

/**
 * One backend-side multipart upload (B2 large file, S3 multipart upload), driven by the shared
 * {@link PartUploader}. Parts may be uploaded concurrently, from several threads.
 *
 * @param <R> the receipt a part upload returns (e.g. an ETag or SHA-1) that completion needs
 */
public interface MultipartSession<R> {

  /** Uploads one part and returns its receipt. */
  R uploadPart(PartData part) throws IOException;

  /** Completes the upload with every part's receipt, in part-number order. */
  FileAttributes complete(List<R> receipts) throws IOException;

  /** Abandons the upload so that the backend keeps nothing; must not throw. */
  void abort();
}
