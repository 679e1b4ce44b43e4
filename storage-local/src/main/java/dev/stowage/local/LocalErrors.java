package dev.stowage.local;

import dev.stowage.StorageException.Kind;
import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one table that turns java.nio failures into {@link BackendException}s. Details name the
 * exception type and the operating system's reason, never the absolute path on this machine (the
 * facade puts the caller's relative path in the message).
 */
final class LocalErrors {

  private LocalErrors() {}

  /** Returns the kind of an I/O failure. */
  static Kind kindOf(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Kind.NOT_FOUND;
    }
    if (e instanceof AccessDeniedException) {
      return Kind.PERMISSION_DENIED;
    }
    if (e instanceof FileAlreadyExistsException) {
      return Kind.ALREADY_EXISTS;
    }
    if (e instanceof DirectoryNotEmptyException || e instanceof NotDirectoryException) {
      return Kind.PRECONDITION_FAILED;
    }
    if (e instanceof FileSystemLoopException) {
      return Kind.PERMISSION_DENIED;
    }
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) {
      return Kind.UNEXPECTED;
    }
    if (e instanceof FileSystemException) {
      return kindOfReason(((FileSystemException) e).getReason());
    }
    return Kind.UNEXPECTED;
  }

  /** Maps the operating system's reason text (strerror) where no exception type says more. */
  static Kind kindOfReason(String reason) {
    if (reason == null) {
      return Kind.UNEXPECTED;
    }
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("no space left")
        || r.contains("quota exceeded")
        || r.contains("file too large")) {
      return Kind.QUOTA_EXCEEDED;
    }
    if (r.contains("is a directory")) {
      return Kind.IS_A_DIRECTORY;
    }
    if (r.contains("not a directory") || r.contains("directory not empty")) {
      return Kind.PRECONDITION_FAILED;
    }
    // ELOOP from an open with O_NOFOLLOW: a symbolic link appeared where a file was expected.
    if (r.contains("too many levels of symbolic links")
        || r.contains("operation not permitted")
        || r.contains("read-only file system")
        || r.contains("permission denied")) {
      return Kind.PERMISSION_DENIED;
    }
    if (r.contains("file name too long")) {
      return Kind.INVALID_INPUT;
    }
    if (r.contains("no such file")) {
      return Kind.NOT_FOUND;
    }
    if (r.contains("file exists")) {
      return Kind.ALREADY_EXISTS;
    }
    return Kind.UNEXPECTED;
  }

  /** Returns a short detail for messages: the exception type and the system's reason. */
  static String detail(IOException e) {
    String type = e.getClass().getSimpleName();
    if (e instanceof FileSystemException) {
      String reason = ((FileSystemException) e).getReason();
      return reason == null ? type : type + ": " + reason;
    }
    // Other I/O exceptions may carry absolute paths in their message; keep only the type.
    return type;
  }

  /** Returns the failure for an I/O failure of the backend. */
  static BackendException io(IOException e) {
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) {
      // The channel already closed itself; keep the interrupt visible to the caller's code.
      Thread.currentThread().interrupt();
    }
    return BackendException.of(kindOf(e), detail(e), e);
  }

  /** Returns the failure for a directory whose reading failed: that of its I/O cause. */
  static BackendException io(DirectoryIteratorException e) {
    // The exception cannot be made without its cause.
    return io(Objects.requireNonNull(e.getCause()));
  }

  /** Returns the failure for a name the platform cannot represent. */
  static BackendException invalidPath(InvalidPathException e) {
    return BackendException.of(
        Kind.INVALID_INPUT, "the local filesystem cannot represent this name", e);
  }

  /** Returns a failure of {@code kind} without an underlying exception. */
  static BackendException failure(Kind kind, String detail) {
    return BackendException.of(kind, detail);
  }

  /** Returns the PERMISSION_DENIED failure for a path that meets a symbolic link. */
  static BackendException symlink() {
    return failure(
        Kind.PERMISSION_DENIED, "a symbolic link is in the way and links are never followed");
  }
}
