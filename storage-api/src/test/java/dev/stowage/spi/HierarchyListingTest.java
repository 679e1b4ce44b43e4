package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.DirectoryAttributes;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.Visibility;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HierarchyListingTest {

  private static Iterator<HierarchyListing.Key> keys(String... names) {
    return Stream.of(names)
        .map(
            n ->
                (HierarchyListing.Key)
                    new HierarchyListing.Key() {
                      @Override
                      public String name() {
                        return n;
                      }

                      @Override
                      public FileAttributes file(String path) {
                        assertThat(path).as("a file's path is its name").isEqualTo(n);
                        return FileAttributes.of(path, n.length());
                      }
                    })
        .iterator();
  }

  /** Lists {@code dir}; the names are given relative to it, and passed relative to the root. */
  private static List<String> list(String dir, boolean deep, String marker, String... names) {
    List<String> out = new ArrayList<>();
    String prefix = dir.isEmpty() ? "" : dir + "/";
    String[] rooted = Stream.of(names).map(n -> prefix + n).toArray(String[]::new);
    HierarchyListing.of(keys(rooted), dir, deep, null, marker)
        .forEachRemaining(
            a -> out.add((a instanceof DirectoryAttributes ? "d " : "f ") + a.path()));
    return out;
  }

  @Test
  void deep_impliedDirectories_reportedOnceBeforeTheirContents() {
    assertThat(
            list(
                "root",
                true,
                null,
                "",
                "a/",
                "a/b/c.txt",
                "a/b/d.txt",
                "a/e.txt",
                "f.txt",
                "g/h/i"))
        .containsExactly(
            "d root/a",
            "d root/a/b",
            "f root/a/b/c.txt",
            "f root/a/b/d.txt",
            "f root/a/e.txt",
            "f root/f.txt",
            "d root/g",
            "d root/g/h",
            "f root/g/h/i");
  }

  @Test
  void shallow_withoutDelimiter_reportsEachChildDirectoryOnce() {
    assertThat(list("", false, null, "a/", "a/b/c.txt", "a/x", "b.txt", "c/d"))
        .containsExactly("d a", "f b.txt", "d c");
  }

  @Test
  void shallow_commonPrefixesAndFiles_passThroughInOrder() {
    assertThat(list("p", false, null, "x.txt", "y/", "z/"))
        .containsExactly("f p/x.txt", "d p/y", "d p/z");
  }

  @Test
  void markerNames_markTheirParentAndAreNeverFiles() {
    assertThat(list("", true, ".bzEmpty", ".bzEmpty", "a/.bzEmpty", "a/b/.bzEmpty", "c.txt"))
        .containsExactly("d a", "d a/b", "f c.txt");
    assertThat(list("", false, ".bzEmpty", ".bzEmpty", "a/", "c.txt"))
        .containsExactly("d a", "f c.txt");
  }

  @Test
  void unnameableNames_areLeftOut() {
    assertThat(list("", true, null, "a//b", "./c", "d/../e", "..", "ok.txt"))
        .containsExactly("f ok.txt");
  }

  @Test
  void deep_shallowerFileAfterDeeperOnes_reopensNothing_andLaterSiblingsAreReported() {
    assertThat(list("", true, null, "a/b/c/d.txt", "a/b/e.txt", "a/f.txt", "a/g/h.txt", "i.txt"))
        .containsExactly(
            "d a",
            "d a/b",
            "d a/b/c",
            "f a/b/c/d.txt",
            "f a/b/e.txt",
            "f a/f.txt",
            "d a/g",
            "f a/g/h.txt",
            "f i.txt");
  }

  @Test
  void namesOutsideTheDirectory_areLeftOut() {
    List<String> out = new ArrayList<>();
    HierarchyListing.of(keys("d/x.txt", "other/y.txt", "d"), "d", true, null, null)
        .forEachRemaining(a -> out.add(a.path()));
    assertThat(out).containsExactly("d/x.txt");
  }

  @Test
  void directories_carryTheGivenVisibility() {
    List<StorageAttributes> out = new ArrayList<>();
    HierarchyListing.of(keys("a/b"), "", true, Visibility.PUBLIC, null).forEachRemaining(out::add);
    assertThat(out.get(0))
        .isInstanceOfSatisfying(
            DirectoryAttributes.class,
            d -> assertThat(d.visibility()).isEqualTo(Visibility.PUBLIC));
    assertThat(out.stream().map(StorageAttributes::path).collect(Collectors.toList()))
        .containsExactly("a", "a/b");
  }
}
