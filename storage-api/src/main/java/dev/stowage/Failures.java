package dev.stowage;

import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a failure gets its context: whatever an adapter threw becomes the typed
 * exception of the operation the caller asked for, naming its path (and destination).
 *
 * <p>Adapters report a {@link BackendException} (kind, detail, retry-after, cause) and never name
 * an operation, so a failure of an inner call (the stat a copy makes, the bucket lookup a read
 * makes) needs no re-attribution: it is reported as the caller's operation on the caller's path.
 */
final class Failures {

  private Failures() {}

  /**
   * Returns the exception of {@code operation} on {@code path} (and {@code destination}, for copy
   * and move) for {@code e}: a {@link BackendException} keeps its kind, detail and retry-after; a
   * {@link StorageException} of this operation is returned as it is, one of another operation is
   * re-attributed to it (the only re-attribution left: for adapters that still throw them);
   * an {@link UncheckedIOException} is UNAVAILABLE, anything else UNEXPECTED.
   */
  static StorageException wrap(
      Operation operation, String path, @Nullable String destination, RuntimeException e) {
    if (e instanceof BackendException) {
      BackendException be = (BackendException) e;
      return StorageException.of(
          operation,
          path,
          destination,
          be.kind(),
          be.detail(),
          be.retryAfter().orElse(null),
          causeOf(be));
    }
    if (e instanceof StorageException) {
      // The facade's own failures name the operation at hand. One of another operation comes from
      // an adapter written before adapters reported BackendExceptions (or one that wraps a
      // Filesystem): it is reported as the caller's operation, the original kept as the cause.
      StorageException se = (StorageException) e;
      return se.operation() == operation ? se : se.as(operation, path, destination);
    }
    if (e instanceof UncheckedIOException) {
      return StorageException.of(
          operation,
          path,
          destination,
          StorageException.Kind.UNAVAILABLE,
          describe(e.getCause()),
          null,
          e);
    }
    return StorageException.of(
        operation,
        path,
        destination,
        StorageException.Kind.UNEXPECTED,
        e.getClass().getSimpleName(),
        null,
        e);
  }

  /**
   * Returns the exception for an {@link IOException} raised while streaming: INTEGRITY when the
   * first {@link BackendException} (or {@link StorageException}) in its cause chain says so,
   * UNAVAILABLE otherwise.
   */
  static StorageException io(
      Operation operation, String path, @Nullable String destination, IOException e) {
    StorageException.Kind kind = StorageException.Kind.UNAVAILABLE;
    String detail = describe(e);
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      StorageException.Kind found =
          t instanceof BackendException
              ? ((BackendException) t).kind()
              : t instanceof StorageException ? ((StorageException) t).kind() : null;
      if (found != null) {
        if (found == StorageException.Kind.INTEGRITY) {
          kind = found;
          // The verifier's detail names both digests (or lengths); it carries no URL or secret.
          String d =
              t instanceof BackendException
                  ? ((BackendException) t).detail()
                  : ((StorageException) t).detail();
          if (d != null) {
            detail = d;
          }
        }
        break;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return StorageException.of(operation, path, destination, kind, detail, null, e);
  }

  /**
   * Returns the cause the caller's exception carries: the backend's own failure when the adapter
   * named one (so cause chains read as they did before adapters reported kinds), else the
   * adapter's exception itself.
   */
  private static Throwable causeOf(BackendException e) {
    return e.getCause() != null ? e.getCause() : e;
  }

  /** Returns a short detail for an I/O failure: its type only, since messages may echo URLs. */
  private static @Nullable String describe(@Nullable Throwable t) {
    return t == null ? null : t.getClass().getSimpleName();
  }
}
