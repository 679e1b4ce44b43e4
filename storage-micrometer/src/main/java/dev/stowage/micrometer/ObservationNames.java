package dev.stowage.micrometer;

/**
 * The names {@link ObservedFilesystem} records under: meter and observation names, and the keys of
 * its key values. They are part of the module's contract (dashboards and alerts are built on them)
 * and change only with a major version.
 *
 * <p>Low-cardinality keys (tags on every timer): {@link #OPERATION}, {@link #ADAPTER},
 * {@link #FILESYSTEM}, {@link #OUTCOME}, {@link #ERROR_KIND}. Paths are never a tag; with
 * {@link ObservedFilesystem.Builder#pathsInTraces(boolean)} they become the high-cardinality key
 * {@link #PATH}, which tracing handlers see and meter handlers ignore.
 */
public final class ObservationNames {

  /** The default name of the observation (and so of its timer): {@value}. */
  public static final String OPERATION_OBSERVATION = "stowage.operation";

  /** Counter of bytes handed to callers by reads: {@value}. */
  public static final String BYTES_READ = "stowage.bytes.read";

  /** Counter of bytes stored by writes that succeeded: {@value}. */
  public static final String BYTES_WRITTEN = "stowage.bytes.written";

  /** Counter of retries, tagged by {@link #ERROR_KIND} and {@link #OPERATION}: {@value}. */
  public static final String RETRIES = "stowage.retries";

  /** Key of the operation, e.g. {@code read}, {@code write}, {@code list}: {@value}. */
  public static final String OPERATION = "operation";

  /** Key of the adapter's name, e.g. {@code b2}, {@code s3}, {@code memory}: {@value}. */
  public static final String ADAPTER = "adapter";

  /** Key of the filesystem's name, telling apart several filesystems in one application: {@value}. */
  public static final String FILESYSTEM = "filesystem";

  /** Key of the outcome: {@code success}, {@code error} or {@code abandoned}: {@value}. */
  public static final String OUTCOME = "outcome";

  /** Key of the failure's {@link dev.stowage.StorageException.Kind}, or {@code none}: {@value}. */
  public static final String ERROR_KIND = "error.kind";

  /** High-cardinality key of the path, recorded only when enabled: {@value}. */
  public static final String PATH = "stowage.path";

  /** High-cardinality key of the bytes a read or write moved: {@value}. */
  public static final String BYTES = "stowage.bytes";

  /** High-cardinality key of the number of entries a listing returned: {@value}. */
  public static final String ENTRIES = "stowage.entries";

  /** Outcome of an operation that returned normally (a stream or listing: closed or exhausted). */
  public static final String SUCCESS = "success";

  /** Outcome of an operation that threw. */
  public static final String ERROR = "error";

  /**
   * Outcome of a read stream or listing that was garbage-collected without being closed,
   * exhausted or failing: its observation is stopped then, so that no timer stays open forever.
   */
  public static final String ABANDONED = "abandoned";

  /** {@link #ERROR_KIND} of an operation that did not fail. */
  public static final String NONE = "none";

  private ObservationNames() {}
}
