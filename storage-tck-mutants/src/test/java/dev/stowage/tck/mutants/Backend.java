package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.tck.StoredBytes;
import java.util.List;
import java.util.function.Function;

/**
 * A real adapter setup the mutants wrap: memory, a local directory, B2 on the emulator or S3 on
 * S3Proxy. One server per backend serves every mutant run; each run works in its own random root.
 */
interface Backend extends AutoCloseable {

  /** Returns the column heading, e.g. {@code "b2"}. */
  String name();

  /** Returns a fresh adapter over the backend's shared storage. */
  FilesystemAdapter adapter();

  /** Returns the capabilities the real adapter declares once it has settled. */
  Capabilities capabilities();

  /** Returns whether {@link #adapterThatNeverAborts()} is available (the backend keeps uploads). */
  default boolean canLeaveUploadsBehind() {
    return false;
  }

  /**
   * Returns an adapter whose multipart uploads are never aborted: the abort or cancel call never
   * takes effect, as if the adapter forgot to send it. Lasts until {@link #afterRun()}.
   */
  default FilesystemAdapter adapterThatNeverAborts() {
    throw new UnsupportedOperationException(name() + " keeps no multipart uploads");
  }

  /**
   * Returns the probe the kit asks for pending uploads below its root, through a path other than
   * the adapter (a raw client), or null when the backend has none.
   */
  Function<String, List<String>> pendingUploads();

  /**
   * Returns, given the kit's root, a second path to the bytes stored below it that bypasses the
   * adapter (a raw client, the disk), or null when the backend has none.
   */
  Function<String, StoredBytes> storedBytes();

  /** Undoes what a run changed on the shared server (e.g. fault rules); does nothing by default. */
  default void afterRun() {}

  @Override
  void close();
}
