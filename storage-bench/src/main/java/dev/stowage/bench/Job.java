package dev.stowage.bench;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of one transfer run.
 *
 * @param key the object's path relative to the bench directory: the upload's destination or the download's source
 * @param payload the local file with the bytes to upload (uploads only)
 * @param size how many bytes move
 * @param output the local file a download to file writes (replaced if present)
 */
record Job(String key, @Nullable Path payload, long size, Path output) {

  /** Returns the payload of an upload job; fails for a download job, which has none. */
  Path upload() {
    if (payload == null) {
      throw new IllegalStateException("not an upload job: " + key);
    }
    return payload;
  }
}
