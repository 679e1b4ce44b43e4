package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.PathRejectedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Decorators as seen through the API (Z2, Z4): rooted views made with
 * {@link Filesystem#at(String)}. Every path resolves below the view's directory, listings are
 * relative to it, and nothing escapes it. (Read-only views have their own {@link ReadOnlyContract}.)
 */
@ContractGroup("decorators")
public interface DecoratorContract extends KitFixture {

  /** Z2: writes through a view land below its directory; listings are relative to the view. */
  @Test
  default void at_writeAndList_relativeToView() {
    String d = newDirectory("z2");
    Filesystem view = fs().at(d + "/inner");
    view.write("a.txt", "a");
    view.write("sub/b.txt", "b");
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/inner/a.txt", "a")
        .hasFile(d + "/inner/sub/b.txt", "b");
    FilesystemAssert.assertThat(view)
        .hasFile("a.txt", "a")
        .listsExactly("", "a.txt", "sub")
        .listsExactly("sub", "sub/b.txt");
    List<String> deep =
        view.list("", true).toList().stream()
            .map(StorageAttributes::path)
            .collect(Collectors.toList());
    assertThat(deep).containsExactlyInAnyOrder("a.txt", "sub", "sub/b.txt");
    assertThat(view.stat("sub/b.txt").path()).isEqualTo("sub/b.txt");
    assertThat(view.directoryExists("")).isTrue();
  }

  /** Z2: a view cannot be escaped with {@code ..}, and its failures report view-relative paths. */
  @Test
  default void at_escapeAttempts_areRejected() {
    String d = newDirectory("z2");
    fs().write(d + "/outside.txt", "outside");
    Filesystem view = fs().at(d + "/inner");
    Expect.failure(
        PathRejectedException.class, Kind.INVALID_INPUT, () -> view.read("../outside.txt"));
    Expect.failure(
        PathRejectedException.class,
        Kind.INVALID_INPUT,
        () -> view.write("x/../../escape.txt", "no"));
    StorageException missing =
        Expect.failure(StorageException.class, Kind.NOT_FOUND, () -> view.read("nope.txt"));
    assertThat(missing.path()).isEqualTo("nope.txt");
    FilesystemAssert.assertThat(fs()).listsExactly(d, d + "/outside.txt");
  }

  /** Z2: deleteDirectory of a view's own root is refused, and nothing is deleted. */
  @Test
  default void at_deleteViewRoot_isRefused() {
    String d = newDirectory("z2");
    Filesystem view = fs().at(d);
    view.write("keep.txt", "keep");
    Expect.failure(StorageException.class, Kind.INVALID_INPUT, () -> view.deleteDirectory(""));
    FilesystemAssert.assertThat(fs()).hasFile(d + "/keep.txt", "keep");
  }

  /** Z2: views nest, and copy and move work inside them. */
  @Test
  default void at_nestedViews_composePaths() {
    String d = newDirectory("z2");
    Filesystem outer = fs().at(d);
    Filesystem inner = outer.at("a").at("b");
    inner.write("f.txt", "f");
    inner.copy("f.txt", "g.txt");
    inner.move("g.txt", "h/i.txt");
    FilesystemAssert.assertThat(fs())
        .hasFile(d + "/a/b/f.txt", "f")
        .hasFile(d + "/a/b/h/i.txt", "f")
        .hasNoFile(d + "/a/b/g.txt");
    FilesystemAssert.assertThat(outer).hasFile("a/b/h/i.txt", "f");
  }

  /** Z4: a view rooted at a deep missing prefix, spelled oddly, resolves like the plain spelling. */
  @Test
  default void at_deepMissingPrefixOddSpelling_resolvesCanonically() {
    String d = newDirectory("z4");
    Filesystem odd = fs().at("/" + d + "//p/./q\\r/");
    odd.write("x.txt", "x");
    Filesystem plain = fs().at(d + "/p/q/r");
    FilesystemAssert.assertThat(plain).hasFile("x.txt", "x").listsExactly("", "x.txt");
    FilesystemAssert.assertThat(fs()).hasFile(d + "/p/q/r/x.txt", "x");
  }

  /** Z2: closing a view leaves its parent usable. */
  @Test
  default void at_closeView_parentStillWorks() {
    String d = newDirectory("z2");
    Filesystem view = fs().at(d);
    view.write("a.txt", "a");
    view.close();
    fs().write(d + "/b.txt", "b");
    FilesystemAssert.assertThat(fs()).hasFile(d + "/a.txt", "a").hasFile(d + "/b.txt", "b");
  }

  /** Z2: a view cannot be rooted above its parent. */
  @Test
  default void at_aboveRoot_isRejected() {
    Expect.failure(
        PathRejectedException.class,
        Kind.INVALID_INPUT,
        () -> fs().at("../elsewhere").write("x", "x"));
  }
}
