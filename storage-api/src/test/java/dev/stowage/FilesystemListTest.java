package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.ForwardingAdapter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FilesystemListTest {

  private final MemoryAdapter memory = MemoryAdapter.create();
  private final Filesystem fs = Filesystem.of(memory);

  private static List<String> paths(DirectoryListing listing) {
    return listing.toList().stream()
        .map(e -> (e.isDirectory() ? "d:" : "f:") + e.path())
        .collect(Collectors.toList());
  }

  @Test
  void list_shallowAndDeep() {
    fs.write("a/1.txt", "x");
    fs.write("a/b/2.txt", "x");
    fs.write("a/b/c/3.txt", "x");
    fs.write("ab/4.txt", "x");
    fs.createDirectory("a/empty");
    assertThat(paths(fs.list("a"))).containsExactly("f:a/1.txt", "d:a/b", "d:a/empty");
    assertThat(paths(fs.list("/a/", true)))
        .containsExactly(
            "f:a/1.txt", "d:a/b", "f:a/b/2.txt", "d:a/b/c", "f:a/b/c/3.txt", "d:a/empty");
    assertThat(paths(fs.list(""))).containsExactly("d:a", "d:ab");
  }

  @Test
  void list_missingDirectoryOrFile_isEmpty() {
    fs.write("f", "x");
    assertThat(fs.list("missing").toList()).isEmpty();
    assertThat(fs.list("f").toList()).isEmpty();
  }

  @Test
  void list_adapterNotFound_isEmpty() {
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory).failOn("list", () -> ListFailedException.notFound("x")));
    assertThat(f.list("x").toList()).isEmpty();
  }

  @Test
  void list_ofFileRefusedByAdapter_isEmpty() {
    fs.write("file", "x");
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory)
                .failOn(
                    "list",
                    () ->
                        ListFailedException.at("file", Kind.UNEXPECTED, "not a directory", null)));
    assertThat(f.list("file").toList()).isEmpty();
    assertThatThrownBy(() -> f.list("other")).isInstanceOf(ListFailedException.class);
  }

  @Test
  void list_failureWhileIterating_surfacesAsListFailure() {
    for (int i = 0; i < 5; i++) {
      fs.write("d/" + i, "x");
    }
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory)
                .failListingAfter(2, new IllegalStateException("page 2 broke")));
    DirectoryListing listing = f.list("d");
    Iterator<StorageAttributes> it = listing.iterator();
    it.next();
    it.next();
    assertThatThrownBy(it::hasNext)
        .isInstanceOf(ListFailedException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.UNEXPECTED);
  }

  @Test
  void list_directoryVanishesWhileIterating_endsTheListing() {
    for (int i = 0; i < 3; i++) {
      fs.write("d/" + i, "x");
    }
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory)
                .failListingAfter(
                    1, dev.stowage.spi.BackendException.notFound("the directory went away")));
    assertThat(f.list("d").toList()).extracting(StorageAttributes::path).containsExactly("d/0");
  }

  @Test
  void list_storageFailureWhileIterating_keepsKindAsListFailure() {
    fs.write("d/1", "x");
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory)
                .failListingAfter(0, ReadFailedException.at("d", Kind.UNAVAILABLE, "503", null)));
    assertThatThrownBy(() -> f.list("d").toList())
        .isInstanceOf(ListFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void list_closesCloseableAdapterIterators() {
    AtomicBoolean closed = new AtomicBoolean();
    Filesystem f =
        Filesystem.of(
            new ForwardingAdapter(memory) {
              @Override
              public Iterator<StorageAttributes> list(String path, boolean deep) {
                Iterator<StorageAttributes> inner = super.list(path, deep);
                return new CloseableIterator(inner, closed);
              }
            });
    try (DirectoryListing listing = f.list("")) {
      assertThat(listing).isNotNull();
    }
    assertThat(closed).isTrue();
  }

  @Test
  void list_isLazy() {
    for (int i = 0; i < 3; i++) {
      fs.write("lazy/" + i, "x");
    }
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory)
                .failListingAfter(1, new IllegalStateException("second entry")));
    Iterator<StorageAttributes> it = f.list("lazy").iterator();
    assertThat(it.next().path()).isEqualTo("lazy/0");
  }

  @Test
  void list_filesAndDirectoriesFilters() {
    fs.write("m/f1", "x");
    fs.write("m/sub/f2", "x");
    assertThat(paths(fs.list("m").files())).containsExactly("f:m/f1");
    assertThat(paths(fs.list("m").directories())).containsExactly("d:m/sub");
  }

  @Test
  void createDirectory_onRootIsNoOp_andDeleteDirectoryOfRootIsRefused() {
    fs.createDirectory("");
    fs.write("keep", "x");
    assertThatThrownBy(() -> fs.deleteDirectory("/"))
        .isInstanceOf(DirectoryFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.INVALID_INPUT);
    assertThat(fs.fileExists("keep")).isTrue();
  }

  @Test
  void createDirectory_isIdempotentAndListable() {
    fs.createDirectory("new/dir");
    fs.createDirectory("new/dir");
    assertThat(fs.directoryExists("new/dir")).isTrue();
    assertThat(fs.directoryExists("new")).isTrue();
    assertThat(fs.list("new/dir").toList()).isEmpty();
  }

  @Test
  void createDirectory_whereAFileExists_failsAlreadyExists() {
    fs.write("file", "x");
    assertThatThrownBy(() -> fs.createDirectory("file"))
        .isInstanceOf(DirectoryFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.ALREADY_EXISTS);
  }

  @Test
  void deleteDirectory_removesEverythingBelowButNotSiblings() {
    fs.write("a/x", "1");
    fs.write("a/b/y", "2");
    fs.createDirectory("a/c");
    fs.write("ab/z", "3");
    fs.write("a.txt", "4");
    fs.deleteDirectory("a");
    assertThat(fs.directoryExists("a")).isFalse();
    assertThat(fs.fileExists("ab/z")).isTrue();
    assertThat(fs.fileExists("a.txt")).isTrue();
    fs.deleteDirectory("missing");
  }

  @Test
  void delete_lastFile_removesImplicitDirectory() {
    fs.write("imp/only", "x");
    fs.delete("imp/only");
    assertThat(fs.directoryExists("imp")).isFalse();
    fs.delete("imp/only");
  }

  private static final class CloseableIterator
      implements Iterator<StorageAttributes>, AutoCloseable {
    private final Iterator<StorageAttributes> inner;
    private final AtomicBoolean closed;

    CloseableIterator(Iterator<StorageAttributes> inner, AtomicBoolean closed) {
      this.inner = inner;
      this.closed = closed;
    }

    @Override
    public boolean hasNext() {
      return inner.hasNext();
    }

    @Override
    public StorageAttributes next() {
      return inner.next();
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void list_iterating_asksTheAdapterOncePerEntry() {
    for (int i = 0; i < 5; i++) {
      fs.write("counted/f" + i, "x");
    }
    AtomicInteger hasNextCalls = new AtomicInteger();
    Filesystem counted =
        Filesystem.of(
            new ForwardingAdapter(memory) {
              @Override
              public Iterator<StorageAttributes> list(String path, boolean deep) {
                Iterator<StorageAttributes> entries = super.list(path, deep);
                return new Iterator<>() {
                  @Override
                  public boolean hasNext() {
                    hasNextCalls.incrementAndGet();
                    return entries.hasNext();
                  }

                  @Override
                  public StorageAttributes next() {
                    return entries.next();
                  }
                };
              }
            });

    List<String> seen = new java.util.ArrayList<>();
    try (DirectoryListing listing = counted.list("counted")) {
      for (StorageAttributes entry : listing) {
        seen.add(entry.path());
      }
    }

    assertThat(seen)
        .containsExactly("counted/f0", "counted/f1", "counted/f2", "counted/f3", "counted/f4");
    assertThat(hasNextCalls).hasValue(6); // once per entry, once more for the end
  }

  @Test
  void list_nextWithoutHasNext_stillEndsWithNoSuchElement() {
    fs.write("one/f", "x");
    try (DirectoryListing listing = fs.list("one")) {
      Iterator<StorageAttributes> it = listing.iterator();
      assertThat(it.next().path()).isEqualTo("one/f");
      assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
      assertThat(it.hasNext()).isFalse();
    }
  }
}
