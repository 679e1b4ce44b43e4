package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.DirectoryAttributes;
import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.WriteSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Unit tests of {@link LocalListing}: shallow and deep, lazy, tolerant of concurrent deletes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalListingTest {

  @TempDir Path dir;
  private Path root;
  private LocalAdapter adapter;
  private Filesystem fs;

  @BeforeEach
  void setUp() {
    root = dir.resolve("root");
    adapter = LocalAdapter.of(LocalConfig.builder(root).fsync(false).build());
    fs = Filesystem.of(adapter);
  }

  @Test
  void list_shallow_returnsDirectChildrenWithAttributes() {
    Instant before = Instant.now().minusSeconds(30);
    fs.write("d/a.txt", "12345", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    fs.write("d/sub/b.txt", "b");
    fs.createDirectory("d/empty");
    fs.write("other.txt", "o");
    List<StorageAttributes> entries = all(fs.list("d"));
    assertThat(entries)
        .extracting(StorageAttributes::path)
        .containsExactlyInAnyOrder("d/a.txt", "d/sub", "d/empty");
    FileAttributes a = (FileAttributes) find(entries, "d/a.txt");
    assertThat(a.size()).isEqualTo(5);
    assertThat(a.lastModified()).isAfter(before);
    assertThat(a.visibility()).isEqualTo(Visibility.PRIVATE);
    DirectoryAttributes sub = (DirectoryAttributes) find(entries, "d/sub");
    assertThat(sub.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(sub.lastModified()).isAfter(before);
  }

  @Test
  void list_deep_returnsEveryFileAndDirectory() {
    fs.write("a/1.txt", "1");
    fs.write("a/b/2.txt", "2");
    fs.write("a/b/c/3.txt", "3");
    fs.createDirectory("a/e");
    assertThat(paths(fs.list("a", true)))
        .containsExactlyInAnyOrder("a/1.txt", "a/b", "a/b/2.txt", "a/b/c", "a/b/c/3.txt", "a/e");
    assertThat(paths(fs.list("", true))).contains("a", "a/b/c/3.txt").hasSize(7);
  }

  @Test
  void list_missingOrFile_isEmpty() {
    fs.write("f.txt", "x");
    assertThat(paths(fs.list("missing"))).isEmpty();
    assertThat(paths(fs.list("f.txt", true))).isEmpty();
    assertThat(adapter.list("missing", false).hasNext()).isFalse();
  }

  @Test
  void list_skipsTemporaryFilesAndUnaddressableNames() throws IOException {
    fs.write("d/real.txt", "x");
    Files.writeString(root.resolve("d/.stowage-0123456789abcdef.tmp"), "in flight");
    Files.writeString(root.resolve("d/back\\slash.txt"), "cannot be named through the API");
    assertThat(paths(fs.list("d", true))).containsExactly("d/real.txt");
  }

  @Test
  void list_namesBeyondAscii_areListedExactly() {
    fs.write("u/caf\u00e9.txt", "1");
    fs.write("u/\u65e5\u672c/\u00fc.bin", "2");
    fs.write("u/.hidden", "3");
    fs.write("u/..double", "4");
    fs.write("u/a b+c%d.txt", "5");
    assertThat(paths(fs.list("u", true)))
        .containsExactlyInAnyOrder(
            "u/caf\u00e9.txt",
            "u/\u65e5\u672c",
            "u/\u65e5\u672c/\u00fc.bin",
            "u/.hidden",
            "u/..double",
            "u/a b+c%d.txt");
  }

  @Test
  void list_oddModes_mapToTheVisibilityStatReports() throws IOException {
    fs.write("m/a.txt", "a");
    fs.write("m/b.txt", "b");
    fs.write("m/c.txt", "c");
    fs.createDirectory("m/d");
    LocalTesting.chmod(root.resolve("m/a.txt"), "rw-r-----");
    LocalTesting.chmod(root.resolve("m/b.txt"), "rwx------");
    LocalTesting.chmod(root.resolve("m/d"), "rwx--x--x");
    List<StorageAttributes> entries = all(fs.list("m"));
    assertThat(find(entries, "m/a.txt").visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(find(entries, "m/b.txt").visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(find(entries, "m/c.txt").visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(find(entries, "m/d").visibility()).isEqualTo(Visibility.PRIVATE);
    for (String file : List.of("m/a.txt", "m/b.txt", "m/c.txt")) {
      assertThat(find(entries, file).visibility()).isEqualTo(fs.stat(file).visibility());
    }
  }

  @Test
  void list_filesDeletedDuringIteration_areSkipped() throws IOException {
    for (int i = 0; i < 60; i++) {
      adapter.write("many/f" + i + ".txt", WriteSource.of(new byte[1]), WriteOptions.DEFAULT);
    }
    fs.write("many/sub/deep.txt", "x");
    Iterator<StorageAttributes> it = adapter.list("many", true);
    assertThat(it.hasNext()).isTrue();
    String first = it.next().path();
    // Delete everything else behind the iterator's back, including a subdirectory it may not
    // have opened yet; the rest of the iteration must not fail.
    try (var s = Files.list(root.resolve("many"))) {
      for (Path p : s.collect(Collectors.toList())) {
        if (!p.getFileName().toString().equals(first.substring(first.lastIndexOf('/') + 1))) {
          if (Files.isDirectory(p)) {
            fs.deleteDirectory("many/" + p.getFileName());
          } else {
            Files.delete(p);
          }
        }
      }
    }
    List<String> rest = new ArrayList<>();
    it.forEachRemaining(e -> rest.add(e.path()));
    assertThat(rest).doesNotContain(first);
    assertThat(rest.size()).isLessThan(62);
  }

  @Test
  void list_directoryDeletedBeforeIteration_yieldsNothing() {
    fs.write("gone/a.txt", "x");
    Iterator<StorageAttributes> it = adapter.list("gone", false);
    fs.deleteDirectory("gone");
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void list_isLazy_firstEntryBeforeTheRestIsRead() {
    for (int i = 0; i < 30; i++) {
      adapter.write("lazy/sub" + i + "/f.txt", WriteSource.of(new byte[1]), WriteOptions.DEFAULT);
    }
    LocalListing listing = (LocalListing) adapter.list("lazy", true);
    assertThat(listing.hasNext()).isTrue();
    listing.next();
    // Deleting the whole tree now proves that the rest was not read ahead.
    fs.deleteDirectory("lazy");
    List<StorageAttributes> rest = new ArrayList<>();
    listing.forEachRemaining(rest::add);
    assertThat(rest.size()).isLessThan(59);
  }

  @Test
  void close_stopsTheIteration() {
    fs.write("c/a.txt", "x");
    fs.write("c/b.txt", "x");
    LocalListing listing = (LocalListing) adapter.list("c", false);
    assertThat(listing.hasNext()).isTrue();
    listing.close();
    listing.close();
    assertThat(listing.hasNext()).isFalse();
  }

  @Test
  void list_deepTree_holdsOneDirectoryOpenAtATime() {
    StringBuilder path = new StringBuilder("t");
    for (int i = 0; i < 100; i++) {
      path.append("/d").append(i);
    }
    fs.write(path + "/leaf.txt", "leaf");
    List<String> all = paths(fs.list("t", true));
    assertThat(all).hasSize(101).contains(path + "/leaf.txt");
  }

  @Test
  void list_deepAndWideTree_keepsFewHandlesOpenAndListsEverything() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd to count open files");
    List<String> expected = new ArrayList<>();
    StringBuilder deep = new StringBuilder("w");
    for (int level = 0; level < 30; level++) {
      deep.append("/d").append(level);
      for (int sibling = 0; sibling < 3; sibling++) {
        String dir = deep + "/s" + sibling;
        adapter.write(dir + "/f.txt", WriteSource.of(new byte[1]), WriteOptions.DEFAULT);
        expected.add(dir);
        expected.add(dir + "/f.txt");
      }
      expected.add(deep.toString());
    }
    long before = openFiles();
    long most = 0;
    List<String> seen = new ArrayList<>();
    try (DirectoryListing listing = fs.list("w", true)) {
      for (StorageAttributes e : listing) {
        seen.add(e.path());
        most = Math.max(most, openFiles());
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    // A directory handle costs the JDK two descriptors; two directories at most, whatever the
    // depth.
    assertThat(most - before).isLessThanOrEqualTo(6);
  }

  private static long openFiles() throws IOException {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }

  private static List<StorageAttributes> all(DirectoryListing listing) {
    try (listing) {
      List<StorageAttributes> out = new ArrayList<>();
      listing.forEach(out::add);
      return out;
    }
  }

  private static List<String> paths(DirectoryListing listing) {
    return all(listing).stream().map(StorageAttributes::path).collect(Collectors.toList());
  }

  private static StorageAttributes find(List<StorageAttributes> entries, String path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
  }
}
