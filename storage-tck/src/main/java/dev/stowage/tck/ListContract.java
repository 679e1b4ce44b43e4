package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Capability;
import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Listings (L1–L7, L9–L12, L14, L15). */
@ContractGroup("list")
public interface ListContract extends KitFixture {

  /** L1: a shallow listing has the direct files and directories only, with the right types. */
  @Test
  default void list_shallow_returnsDirectChildrenOnly() {
    String d = ListSupport.tree(fs(), newDirectory("l1"));
    Map<String, Boolean> entries = ListSupport.typed(fs().list(d));
    assertThat(entries)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(d + "/a.txt", true, d + "/b.txt", true, d + "/sub", false, d + "/made", false));
  }

  /** L2: a deep listing has every descendant file and directory. */
  @Test
  default void list_deep_returnsEveryDescendant() {
    String d = ListSupport.tree(fs(), newDirectory("l2"));
    Map<String, Boolean> entries = ListSupport.typed(fs().list(d, true));
    assertThat(entries)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                d + "/a.txt",
                true,
                d + "/b.txt",
                true,
                d + "/sub",
                false,
                d + "/made",
                false,
                d + "/sub/c.txt",
                true,
                d + "/sub/deeper",
                false,
                d + "/sub/deeper/e.txt",
                true));
  }

  /** L3: a deep listing of a view's root lists every file written, with paths relative to it. */
  @Test
  default void list_deepAtViewRoot_equalsWrittenFiles() {
    String d = ListSupport.tree(fs(), newDirectory("l3"));
    Set<String> files =
        fs().at(d).list("", true).files().toList().stream()
            .map(StorageAttributes::path)
            .collect(Collectors.toSet());
    assertThat(files).containsExactlyInAnyOrder("a.txt", "b.txt", "sub/c.txt", "sub/deeper/e.txt");
  }

  /** L4: listing a missing directory yields nothing and does not fail. */
  @Test
  default void list_missingDirectory_isEmpty() {
    String d = newDirectory("l4");
    assertThat(fs().list(d + "/nope").toList()).isEmpty();
    assertThat(fs().list(d + "/nope", true).toList()).isEmpty();
  }

  /** L4: listing a file's path yields nothing (it has no entries), shallow and deep. */
  @Test
  default void list_filePath_isEmpty() {
    String d = newDirectory("l4");
    fs().write(d + "/file.txt", "f");
    assertThat(fs().list(d + "/file.txt").toList()).isEmpty();
    assertThat(fs().list(d + "/file.txt", true).toList()).isEmpty();
  }

  /** L5: an empty created directory lists as empty; its marker never appears. */
  @Test
  default void list_emptyCreatedDirectory_isEmptyWithoutMarker() {
    String d = newDirectory("l5");
    fs().createDirectory(d + "/empty");
    assertThat(fs().list(d + "/empty").toList()).isEmpty();
    assertThat(fs().list(d + "/empty", true).toList()).isEmpty();
    assertThat(ListSupport.typed(fs().list(d, true)))
        .containsExactly(Map.entry(d + "/empty", false));
  }

  /** L6: a listing never returns entries that merely share a name prefix. */
  @Test
  default void list_siblingsWithCommonPrefix_areNotIncluded() {
    String d = newDirectory("l6");
    for (String p : List.of("ab/x.txt", "abc/y.txt", "ab.txt", "a/z.txt", "ab-/w.txt", "ab0")) {
      fs().write(d + "/" + p, p);
    }
    assertThat(ListSupport.paths(fs().list(d + "/ab"))).containsExactly(d + "/ab/x.txt");
    assertThat(ListSupport.paths(fs().list(d + "/ab", true))).containsExactly(d + "/ab/x.txt");
    assertThat(ListSupport.paths(fs().list(d + "/a", true))).containsExactly(d + "/a/z.txt");
  }

  /** L7: more entries than a page are all listed, once each, shallow and deep. */
  @Test
  default void list_moreThanOnePage_listsEveryEntryOnce() {
    String d = newDirectory("l7");
    int count = listingPageSize() > 0 ? listingPageSize() + 100 : 250;
    ListSupport.writeMany(fs(), d, count, 8);
    List<String> shallow = ListSupport.paths(fs().list(d));
    assertThat(shallow).hasSize(count).doesNotHaveDuplicates();
    assertThat(ListSupport.paths(fs().list(d, true))).hasSize(count).doesNotHaveDuplicates();
    if (has(Capability.SORTED_LISTING)) {
      assertThat(shallow).isSortedAccordingTo(ListSupport.UTF8_ORDER);
    }
  }

  /** L9: taking the first entry of a big listing and closing it works. */
  @Test
  default void list_firstEntryThenClose_works() {
    String d = newDirectory("l9");
    ListSupport.writeMany(fs(), d, 40, 8);
    try (DirectoryListing listing = fs().list(d)) {
      Iterator<StorageAttributes> it = listing.iterator();
      assertThat(it.hasNext()).isTrue();
      assertThat(it.next().path()).startsWith(d + "/");
    }
  }

  /** L10: with SORTED_LISTING entries come in UTF-8 byte order; sortByPath always sorts. */
  @Test
  default void list_order_sortedWhenDeclared() {
    String d = newDirectory("l10");
    List<String> names = List.of("b", "B", "a", "Z", "1", "_", "é", "ｚ", "😀", "a-b", "a.b", "aa");
    for (String n : names) {
      fs().write(d + "/" + n, n);
    }
    List<String> listed = ListSupport.paths(fs().list(d));
    assertThat(listed).hasSize(names.size());
    if (has(Capability.SORTED_LISTING)) {
      assertThat(listed).isSortedAccordingTo(ListSupport.UTF8_ORDER);
    }
    List<String> sorted = ListSupport.paths(fs().list(d).sortByPath());
    assertThat(sorted).isSorted();
  }

  /** L11: files() and directories() keep only their kind. */
  @Test
  default void list_filesAndDirectories_filterByKind() {
    String d = ListSupport.tree(fs(), newDirectory("l11"));
    assertThat(ListSupport.paths(fs().list(d).files()))
        .containsExactlyInAnyOrder(d + "/a.txt", d + "/b.txt");
    assertThat(ListSupport.paths(fs().list(d).directories()))
        .containsExactlyInAnyOrder(d + "/sub", d + "/made");
  }

  /** L12: file entries carry their size, and their modification time when declared. */
  @Test
  default void list_fileEntries_carrySizeAndTime() {
    String d = newDirectory("l12");
    fs().write(d + "/one", new byte[1]);
    fs().write(d + "/thousand", new byte[1000]);
    Map<String, Long> sizes = new TreeMap<>();
    for (StorageAttributes e : fs().list(d).toList()) {
      FileAttributes f = (FileAttributes) e;
      sizes.put(f.path(), f.size());
      if (has(Capability.LAST_MODIFIED)) {
        assertThat(f.lastModified())
            .as("lastModified of %s", f.path())
            .isAfter(Instant.now().minus(Duration.ofMinutes(10)));
      }
    }
    assertThat(sizes)
        .containsExactlyInAnyOrderEntriesOf(Map.of(d + "/one", 1L, d + "/thousand", 1000L));
  }

  /** L14: deleting files while a listing is iterated does not break the iteration. */
  @Test
  default void list_filesDeletedDuringIteration_iterationCompletes() {
    String d = newDirectory("l14");
    List<String> written = ListSupport.writeMany(fs(), d, 30, 8);
    List<String> seen = new ArrayList<>();
    try (DirectoryListing listing = fs().list(d)) {
      Iterator<StorageAttributes> it = listing.iterator();
      seen.add(it.next().path());
      written.forEach(fs()::delete);
      it.forEachRemaining(e -> seen.add(e.path()));
    }
    assertThat(written).containsAll(seen);
    assertThat(fs().list(d).toList()).isEmpty();
  }

  /** L15: an overwritten file is listed once; a deleted file not at all. */
  @Test
  default void list_overwrittenAndDeleted_listedAsCurrent() {
    String d = newDirectory("l15");
    for (int i = 0; i < 3; i++) {
      fs().write(d + "/kept.txt", "version " + i);
      fs().write(d + "/gone.txt", "version " + i);
    }
    fs().delete(d + "/gone.txt");
    List<StorageAttributes> entries = fs().list(d, true).toList();
    assertThat(entries).extracting(StorageAttributes::path).containsExactly(d + "/kept.txt");
    assertThat(((FileAttributes) entries.get(0)).size()).isEqualTo(9);
  }
}
