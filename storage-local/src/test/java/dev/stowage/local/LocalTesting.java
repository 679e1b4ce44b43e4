package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.StorageException;
import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small helpers shared by the unit tests of this package. */
final class LocalTesting {

  private LocalTesting() {}

  /** Asserts that {@code call} throws a {@link StorageException} of {@code type} and {@code kind}. */
  static <T extends StorageException> T failure(
      Class<T> type, StorageException.Kind kind, Runnable call) {
    T e = catchThrowableOfType(type, call::run);
    assertThat(e).as("expected %s of kind %s", type.getSimpleName(), kind).isNotNull();
    assertThat(e.kind()).as("kind of %s", e.getMessage()).isEqualTo(kind);
    return e;
  }

  /**
   * Asserts that an adapter {@code call} throws a {@link BackendException} of {@code kind} (the
   * facade turns it into the operation's {@link StorageException}).
   */
  static BackendException backendFailure(StorageException.Kind kind, Runnable call) {
    BackendException e = catchThrowableOfType(BackendException.class, call::run);
    assertThat(e).as("expected a BackendException of kind %s", kind).isNotNull();
    assertThat(e.kind()).as("kind of %s", e.getMessage()).isEqualTo(kind);
    return e;
  }

  /** Returns every name below {@code dir}, relative and sorted, without following links. */
  static List<String> tree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the names of temporary files anywhere below {@code dir}. */
  static List<String> temporaryFiles(Path dir) {
    return tree(dir).stream()
        .filter(p -> p.substring(p.lastIndexOf('/') + 1).startsWith(".stowage-"))
        .collect(Collectors.toList());
  }

  /** Returns the POSIX mode of {@code file} as an octal string such as "644". */
  static String mode(Path file) {
    try {
      return Integer.toOctalString(
          LocalPermissions.toMode(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void chmod(Path file, String permissions) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns whether user extended attributes work in {@code dir}. */
  static boolean xattrsWork(Path dir) {
    return LocalMetadata.probe(dir);
  }

  /** Returns the user extended attribute names of {@code file}. */
  static List<String> xattrNames(Path file) {
    try {
      UserDefinedFileAttributeView view =
          Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
      return view.list().stream().sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String xattr(Path file, String name) {
    try {
      UserDefinedFileAttributeView view =
          Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
      ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
      view.read(name, buffer);
      return new String(buffer.array(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
