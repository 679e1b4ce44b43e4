package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.CopyFailedException;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole {@link LocalErrors} table, row by row. */
class LocalErrorsTest {

  private static final String ABSOLUTE = "/very/private/location/of/the/root/a.txt";

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(new NoSuchFileException(ABSOLUTE), Kind.NOT_FOUND),
        Arguments.of(new AccessDeniedException(ABSOLUTE), Kind.PERMISSION_DENIED),
        Arguments.of(new FileAlreadyExistsException(ABSOLUTE), Kind.ALREADY_EXISTS),
        Arguments.of(new DirectoryNotEmptyException(ABSOLUTE), Kind.PRECONDITION_FAILED),
        Arguments.of(new NotDirectoryException(ABSOLUTE), Kind.PRECONDITION_FAILED),
        Arguments.of(new FileSystemLoopException(ABSOLUTE), Kind.PERMISSION_DENIED),
        Arguments.of(fs("No space left on device"), Kind.QUOTA_EXCEEDED),
        Arguments.of(fs("Disk quota exceeded"), Kind.QUOTA_EXCEEDED),
        Arguments.of(fs("File too large"), Kind.QUOTA_EXCEEDED),
        Arguments.of(fs("Is a directory"), Kind.IS_A_DIRECTORY),
        Arguments.of(fs("Not a directory"), Kind.PRECONDITION_FAILED),
        Arguments.of(fs("Directory not empty"), Kind.PRECONDITION_FAILED),
        Arguments.of(
            fs(
                "Too many levels of symbolic links or unable to access attributes of "
                    + "symbolic link"),
            Kind.PERMISSION_DENIED),
        Arguments.of(fs("Operation not permitted"), Kind.PERMISSION_DENIED),
        Arguments.of(fs("Read-only file system"), Kind.PERMISSION_DENIED),
        Arguments.of(fs("Permission denied"), Kind.PERMISSION_DENIED),
        Arguments.of(fs("File name too long"), Kind.INVALID_INPUT),
        Arguments.of(fs("No such file or directory"), Kind.NOT_FOUND),
        Arguments.of(fs("File exists"), Kind.ALREADY_EXISTS),
        Arguments.of(fs("Input/output error"), Kind.UNEXPECTED),
        Arguments.of(fs(null), Kind.UNEXPECTED),
        Arguments.of(
            new AtomicMoveNotSupportedException(ABSOLUTE, "/b", "Invalid cross-device link"),
            Kind.UNEXPECTED),
        Arguments.of(new IOException("something odd at " + ABSOLUTE), Kind.UNEXPECTED));
  }

  private static FileSystemException fs(String reason) {
    return new FileSystemException(ABSOLUTE, null, reason);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("table")
  void kindOf_mapsEachFailure(IOException e, Kind expected) {
    assertThat(LocalErrors.kindOf(e)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void io_carriesKindAndCauseButNeverTheAbsolutePath(IOException e, Kind expected) {
    BackendException be = LocalErrors.io(e);
    assertThat(be).hasCause(e);
    assertThat(be.kind()).isEqualTo(expected);
    assertThat(be.getMessage()).doesNotContain("/very/private");
  }

  @Test
  void copyOfMissingFile_throughFacade_namesBothRelativePaths(@TempDir Path root) {
    Filesystem fs = Filesystem.of(LocalAdapter.of(root));
    StorageException se = catchThrowableOfType(() -> fs.copy("a", "b"), StorageException.class);
    assertThat(se).isInstanceOf(CopyFailedException.class);
    assertThat(se.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(se.destination()).isEqualTo("b");
    assertThat(se.getMessage())
        .startsWith("Unable to copy 'a' to 'b': not found")
        .doesNotContain(root.toString());
  }

  @Test
  void io_interruption_keepsTheThreadInterrupted() {
    try {
      BackendException se = LocalErrors.io(new ClosedByInterruptException());
      assertThat(se.kind()).isEqualTo(Kind.UNEXPECTED);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      Thread.interrupted();
      LocalErrors.io(new InterruptedIOException());
      assertThat(Thread.interrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void detail_fileSystemException_namesTypeAndReason() {
    assertThat(LocalErrors.detail(fs("No space left on device")))
        .isEqualTo("FileSystemException: No space left on device");
    assertThat(LocalErrors.detail(new IOException(ABSOLUTE))).isEqualTo("IOException");
  }

  @Test
  void symlink_isPermissionDenied() {
    BackendException se = LocalErrors.symlink();
    assertThat(se.kind()).isEqualTo(Kind.PERMISSION_DENIED);
    assertThat(se.getMessage()).contains("symbolic link");
  }
}
