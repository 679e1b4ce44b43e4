package dev.stowage.local;

import dev.stowage.Operation;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import java.io.IOException;
import java.nio.file.InvalidPathException;

/**
 * The operation being served and the paths it names, so that a failure deep inside a helper is
 * reported against what the caller asked for.
 *
 * @param operation the operation
 * @param path the (source) path, relative to the root
 * @param destination the copy or move destination, or null
 */
record Call(Operation operation, String path, String destination) {

  static Call of(Operation operation, String path) {
    return new Call(operation, path, null);
  }

  StorageException fail(Kind kind, String detail) {
    return LocalErrors.failure(operation, path, destination, kind, detail);
  }

  StorageException io(IOException e) {
    return LocalErrors.of(operation, path, destination, e);
  }

  StorageException invalidPath(InvalidPathException e) {
    return LocalErrors.invalidPath(operation, path, destination, e);
  }

  StorageException symlink() {
    return LocalErrors.symlink(operation, path, destination);
  }
}
