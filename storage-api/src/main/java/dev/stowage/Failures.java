package dev.stowage;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns whatever an adapter threw into the typed exception of the operation at hand. */
final class Failures {

  private Failures() {}

  /**
   * Returns {@code e} itself when it is already a {@link StorageException} (adapters set the path
   * and the kind; a failure they attributed to another operation is left as it is), else a new
   * exception of {@code operation}: UNAVAILABLE for I/O trouble, UNEXPECTED for anything else.
   */
  static StorageException wrap(Operation operation, String path, String destination,
      RuntimeException e) {
    if (e instanceof StorageException) {
      return (StorageException) e;
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
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof StorageException) {
        if (((StorageException) t).kind() == StorageException.Kind.INTEGRITY) {
          kind = StorageException.Kind.INTEGRITY;
        }
        break;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return StorageException.of(operation, path, destination, kind, describe(e), null, e);
  }

  /** Returns a short detail for an I/O failure: its type only, since messages may echo URLs. */
  private static String describe(Throwable t) {
    return t == null ? null : t.getClass().getSimpleName();
  }
}
