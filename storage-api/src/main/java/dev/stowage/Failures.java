package dev.stowage;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns whatever an adapter threw into the typed exception of the operation at hand. */
final class Failures {

  private Failures() {}

  /**
   * Returns {@code e} itself when it is already a {@link StorageException} (adapters set the path
   * and the kind), re-attributed to {@code operation} when it came from an existence check or
   * stat made along the way; else a new
   * exception of {@code operation}: UNAVAILABLE for I/O trouble, UNEXPECTED for anything else.
   */
  static StorageException wrap(Operation operation, String path, String destination,
      RuntimeException e) {
    if (e instanceof StorageException) {
      StorageException se = (StorageException) e;
      // An existence check or stat the facade or adapter made on the way belongs to the
      // operation the caller asked for: report that one (the original stays as the cause).
      boolean innerCheck = se.operation() == Operation.EXISTS || se.operation() == Operation.STAT;
      return innerCheck && operation != se.operation() && operation != Operation.EXISTS
          && operation != Operation.STAT ? se.as(operation, path, destination) : se;
    }
    if (e instanceof UncheckedIOException) {
      return StorageException.of(operation, path, destination, StorageException.Kind.UNAVAILABLE,
          describe(e.getCause()), null, e);
    }
    return StorageException.of(operation, path, destination, StorageException.Kind.UNEXPECTED,
        e.getClass().getSimpleName(), null, e);
  }

  /**
   * Returns the exception for an {@link IOException} raised while streaming: INTEGRITY when the
   * adapter's cause says so, UNAVAILABLE otherwise.
   */
  static StorageException io(Operation operation, String path, String destination, IOException e) {
    StorageException.Kind kind = StorageException.Kind.UNAVAILABLE;
    String detail = describe(e);
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof StorageException) {
        StorageException se = (StorageException) t;
        if (se.kind() == StorageException.Kind.INTEGRITY) {
          kind = StorageException.Kind.INTEGRITY;
          // The verifier's detail names both digests (or lengths); it carries no URL or secret.
          if (se.detail() != null) {
            detail = se.detail();
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

  /** Returns a short detail for an I/O failure: its type only, since messages may echo URLs. */
  private static String describe(Throwable t) {
    return t == null ? null : t.getClass().getSimpleName();
  }
}
