package dev.stowage.tck;

import dev.stowage.DirectoryListing;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions about what a {@link Filesystem} holds.
 *
 * <pre>{@code
 * FilesystemAssert.assertThat(fs)
 *     .hasFile("docs/a.txt", "hello".getBytes(StandardCharsets.UTF_8))
 *     .hasDirectory("docs")
 *     .hasNoFile("docs/b.txt")
 *     .listsExactly("docs", "docs/a.txt");
 * }</pre>
 */
public final class FilesystemAssert extends AbstractAssert<FilesystemAssert, Filesystem> {

  private FilesystemAssert(Filesystem actual) {
    super(actual, FilesystemAssert.class);
  }

  /** Returns assertions about {@code fs}. */
  public static FilesystemAssert assertThat(Filesystem fs) {
    return new FilesystemAssert(fs);
  }

  /** Verifies that a file exists at {@code path}. */
  public FilesystemAssert hasFile(String path) {
    isNotNull();
    if (!actual.fileExists(path)) {
      failWithMessage("expected a file at <%s> but there is none", path);
    }
    return this;
  }

  /** Verifies that a file exists at {@code path} with exactly {@code content}. */
  public FilesystemAssert hasFile(String path, byte[] content) {
    hasFile(path);
    byte[] read = actual.read(path);
    Assertions.assertThat(read).as("content of <%s>", path).isEqualTo(content);
    return this;
  }

  /** Verifies that a file exists at {@code path} with exactly {@code content} in UTF-8. */
  public FilesystemAssert hasFile(String path, String content) {
    hasFile(path);
    Assertions.assertThat(actual.readString(path)).as("content of <%s>", path).isEqualTo(content);
    return this;
  }

  /** Verifies that no file exists at {@code path}. */
  public FilesystemAssert hasNoFile(String path) {
    isNotNull();
    if (actual.fileExists(path)) {
      failWithMessage("expected no file at <%s> but there is one", path);
    }
    return this;
  }

  /** Verifies that a directory exists at {@code path}. */
  public FilesystemAssert hasDirectory(String path) {
    isNotNull();
    if (!actual.directoryExists(path)) {
      failWithMessage("expected a directory at <%s> but there is none", path);
    }
    return this;
  }

  /** Verifies that no directory exists at {@code path}. */
  public FilesystemAssert hasNoDirectory(String path) {
    isNotNull();
    if (actual.directoryExists(path)) {
      failWithMessage("expected no directory at <%s> but there is one", path);
    }
    return this;
  }

  /** Verifies that the direct children of {@code directory} are exactly {@code paths} (any order). */
  public FilesystemAssert listsExactly(String directory, String... paths) {
    isNotNull();
    Set<String> listed = paths(actual.list(directory));
    Assertions.assertThat(listed)
        .as("entries of <%s>", directory)
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(paths));
    return this;
  }

  /** Verifies that {@code directory} holds nothing, at any depth. */
  public FilesystemAssert isEmptyAt(String directory) {
    isNotNull();
    Assertions.assertThat(paths(actual.list(directory, true)))
        .as("everything below <%s>", directory)
        .isEmpty();
    return this;
  }

  private static Set<String> paths(DirectoryListing listing) {
    List<StorageAttributes> all = listing.toList();
    return all.stream().map(StorageAttributes::path).collect(Collectors.toCollection(TreeSet::new));
  }
}
