package dev.stowage.memory;

/**
 * Hears about the multipart uploads of a {@link MemoryAdapter}: every part it keeps and the end of
 * every upload, e.g. to log or count them. Set with {@link MemoryAdapter.Builder#multipartListener}.
 *
 * <p>An upload is pending from its first part until it ends, as it would be on an object store
 * that keeps unfinished uploads. Calls come from the threads that upload parts, concurrently for
 * parts of one upload; an implementation must be thread-safe and quick, and what it throws fails
 * the part or the completion that called it.
 */
public interface MultipartListener {

  /** A listener that ignores everything (the default). */
  MultipartListener NONE = new MultipartListener() {};

  /**
   * Called after part {@code partNumber} ({@code bytes} long) of upload {@code uploadId} to
   * {@code path} was kept. Upload ids are unique within one adapter.
   */
  default void partStored(long uploadId, String path, int partNumber, long bytes) {}

  /**
   * Called once when upload {@code uploadId} to {@code path} is no longer pending: completed (the
   * file is stored) or aborted (its parts are dropped).
   */
  default void uploadEnded(long uploadId, String path, boolean completed) {}
}
