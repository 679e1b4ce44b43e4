package dev.stowage.local;

import static dev.stowage.local.LocalTesting.backendFailure;
import static dev.stowage.local.LocalTesting.failure;
import static dev.stowage.local.LocalTesting.mode;
import static dev.stowage.local.LocalTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.ChecksumFailedException;
import dev.stowage.CopyFailedException;
import dev.stowage.DeleteFailedException;
import dev.stowage.DirectoryFailedException;
import dev.stowage.DirectoryListing;
import dev.stowage.Filesystem;
import dev.stowage.ListFailedException;
import dev.stowage.MetadataFailedException;
import dev.stowage.MoveFailedException;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.VisibilityFailedException;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance: a symbolic link inside the root — to a file or a directory outside it — is never
 * followed, by any operation, under either {@link SymlinkPolicy}. Each case checks that the
 * outside world is byte-for-byte and mode-for-mode unchanged afterwards.
 *
 * <p>Layout: {@code outside/secret.txt} and {@code outside/dir/inner.txt} next to the root;
 * inside it {@code filelink -> outside/secret.txt}, {@code dirlink -> outside/dir} and a real
 * directory {@code real/} holding {@code real/own.txt} and a link {@code real/link -> outside/dir}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalSymlinkTest {

  @TempDir Path dir;
  private Path root;
  private Path outside;
  private List<String> outsideBefore;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createDirectories(outside.resolve("dir"));
    Files.writeString(outside.resolve("dir/inner.txt"), "inner");
    LocalTesting.chmod(outside.resolve("secret.txt"), "rw-------");
    Files.createSymbolicLink(root.resolve("filelink"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("dirlink"), outside.resolve("dir"));
    Files.createDirectories(root.resolve("real"));
    Files.writeString(root.resolve("real/own.txt"), "own");
    Files.createSymbolicLink(root.resolve("real/link"), outside.resolve("dir"));
    outsideBefore = snapshot();
  }

  @AfterEach
  void outsideIsUntouched() {
    assertThat(snapshot()).as("the world outside the root").isEqualTo(outsideBefore);
  }

  private Filesystem open(SymlinkPolicy policy) {
    return Filesystem.of(LocalAdapter.of(LocalConfig.builder(root).symlinkPolicy(policy).build()));
  }

  /** Returns every name, content and mode outside the root. */
  private List<String> snapshot() {
    return tree(outside).stream()
        .map(
            p -> {
              Path file = outside.resolve(p);
              try {
                String content = Files.isRegularFile(file) ? Files.readString(file) : "<dir>";
                return p + "=" + content + "@" + mode(file);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .collect(Collectors.toList());
  }

  private boolean linkIntact(String name, Path target) throws IOException {
    Path link = root.resolve(name);
    return Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target);
  }

  /** Returns the kind every "read-like" operation on a link reports under {@code policy}. */
  private static Kind hidden(SymlinkPolicy policy) {
    return policy == SymlinkPolicy.SKIP ? Kind.NOT_FOUND : Kind.PERMISSION_DENIED;
  }

  // ---- existence ----

  @Test
  void exists_skip_linksAreInvisible() {
    Filesystem fs = open(SymlinkPolicy.SKIP);
    assertThat(fs.fileExists("filelink")).isFalse();
    assertThat(fs.exists("filelink")).isFalse();
    assertThat(fs.directoryExists("dirlink")).isFalse();
    assertThat(fs.fileExists("dirlink/inner.txt")).isFalse();
    assertThat(fs.directoryExists("real/link")).isFalse();
  }

  @Test
  void exists_refuse_failsWithPermissionDenied() {
    Filesystem fs = open(SymlinkPolicy.REFUSE);
    failure(MetadataFailedException.class, Kind.PERMISSION_DENIED, () -> fs.fileExists("filelink"));
    failure(
        MetadataFailedException.class, Kind.PERMISSION_DENIED, () -> fs.directoryExists("dirlink"));
    failure(
        MetadataFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.fileExists("dirlink/inner.txt"));
    assertThat(fs.fileExists("real/own.txt")).as("no link on this path").isTrue();
  }

  // ---- read, stat, checksum ----

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void read_throughFileOrDirectoryLink_neverReturnsOutsideBytes(SymlinkPolicy policy) {
    Filesystem fs = open(policy);
    failure(ReadFailedException.class, hidden(policy), () -> fs.read("filelink"));
    failure(ReadFailedException.class, hidden(policy), () -> fs.read("dirlink/inner.txt"));
    failure(ReadFailedException.class, hidden(policy), () -> fs.readStream("real/link/inner.txt"));
  }

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void stat_throughLinks_neverReportsOutsideFiles(SymlinkPolicy policy) {
    Filesystem fs = open(policy);
    failure(MetadataFailedException.class, hidden(policy), () -> fs.stat("filelink"));
    failure(MetadataFailedException.class, hidden(policy), () -> fs.stat("dirlink/inner.txt"));
    failure(MetadataFailedException.class, hidden(policy), () -> fs.fileSize("filelink"));
  }

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void checksum_throughLinks_neverReadsOutsideBytes(SymlinkPolicy policy) {
    Filesystem fs = open(policy);
    failure(ChecksumFailedException.class, hidden(policy), () -> fs.checksum("filelink"));
    failure(ChecksumFailedException.class, hidden(policy), () -> fs.checksum("dirlink/inner.txt"));
  }

  // ---- listing ----

  @Test
  void list_skip_omitsLinksAndNeverDescends() {
    Filesystem fs = open(SymlinkPolicy.SKIP);
    assertThat(paths(fs.list("", true))).containsExactlyInAnyOrder("real", "real/own.txt");
    assertThat(paths(fs.list(""))).containsExactly("real");
    assertThat(paths(fs.list("dirlink", true))).isEmpty();
    assertThat(paths(fs.list("real/link"))).isEmpty();
  }

  @Test
  void list_refuse_failsWhenTheIterationMeetsALink() {
    Filesystem fs = open(SymlinkPolicy.REFUSE);
    ListFailedException e =
        failure(ListFailedException.class, Kind.PERMISSION_DENIED, () -> paths(fs.list("real")));
    // The path the caller listed; the detail names the entry that is a link.
    assertThat(e.path()).isEqualTo("real");
    assertThat(e.detail()).contains("'real/link'");
    failure(ListFailedException.class, Kind.PERMISSION_DENIED, () -> paths(fs.list("dirlink")));
  }

  // ---- writes ----

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void write_overFileLink_isRefusedAndKeepsTheLink(SymlinkPolicy policy) throws IOException {
    Filesystem fs = open(policy);
    failure(
        WriteFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.write("filelink", "overwritten"));
    failure(
        WriteFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.write("filelink", "x", WriteOptions.builder().createOnly(true).build()));
    assertThat(linkIntact("filelink", outside.resolve("secret.txt"))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void write_throughDirectoryLink_isRefused(SymlinkPolicy policy) throws IOException {
    Filesystem fs = open(policy);
    failure(
        WriteFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.write("dirlink/new.txt", "planted"));
    failure(
        WriteFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.write("dirlink/inner.txt", "overwritten"));
    failure(
        WriteFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.write("real/link/deep/new.txt", "x"));
    failure(
        WriteFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> writeThroughStream(fs, "dirlink/stream.txt"));
    assertThat(linkIntact("dirlink", outside.resolve("dir"))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void createDirectory_atOrThroughLink_isRefused(SymlinkPolicy policy) {
    LocalAdapter adapter = LocalAdapter.of(LocalConfig.builder(root).symlinkPolicy(policy).build());
    for (String path : new String[] {"dirlink/sub", "dirlink", "filelink", "real/link/sub"}) {
      backendFailure(
          Kind.PERMISSION_DENIED, () -> adapter.createDirectory(path, Visibility.PUBLIC));
    }
    assertThat(outside.resolve("dir/sub")).doesNotExist();
  }

  @Test
  void createDirectory_skipThroughTheFacade_isRefused() {
    Filesystem fs = open(SymlinkPolicy.SKIP);
    failure(
        DirectoryFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.createDirectory("dirlink/sub"));
    failure(
        DirectoryFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.createDirectory("filelink"));
  }

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void setVisibility_onLink_neverChangesTheTarget(SymlinkPolicy policy) {
    Filesystem fs = open(policy);
    failure(
        VisibilityFailedException.class,
        hidden(policy),
        () -> fs.setVisibility("filelink", Visibility.PUBLIC));
    failure(
        VisibilityFailedException.class,
        hidden(policy),
        () -> fs.setVisibility("dirlink/inner.txt", Visibility.PRIVATE));
  }

  // ---- copy and move ----

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void copy_fromOrToLinks_neverCrossesThem(SymlinkPolicy policy) throws IOException {
    Filesystem fs = open(policy);
    failure(CopyFailedException.class, hidden(policy), () -> fs.copy("filelink", "stolen.txt"));
    failure(
        CopyFailedException.class,
        hidden(policy),
        () -> fs.copy("dirlink/inner.txt", "stolen.txt"));
    failure(
        CopyFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.copy("real/own.txt", "filelink"));
    failure(
        CopyFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.copy("real/own.txt", "dirlink/own.txt"));
    assertThat(root.resolve("stolen.txt")).doesNotExist();
    assertThat(linkIntact("filelink", outside.resolve("secret.txt"))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void move_fromOrToLinks_neverCrossesThem(SymlinkPolicy policy) throws IOException {
    Filesystem fs = open(policy);
    failure(MoveFailedException.class, hidden(policy), () -> fs.move("filelink", "moved.txt"));
    failure(
        MoveFailedException.class, hidden(policy), () -> fs.move("dirlink/inner.txt", "moved.txt"));
    failure(
        MoveFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.move("real/own.txt", "filelink"));
    failure(
        MoveFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.move("real/own.txt", "dirlink/own.txt"));
    assertThat(root.resolve("real/own.txt")).hasContent("own");
    assertThat(root.resolve("moved.txt")).doesNotExist();
    assertThat(linkIntact("filelink", outside.resolve("secret.txt"))).isTrue();
  }

  // ---- delete ----

  @Test
  void delete_skip_leavesLinksAndTargetsAlone() throws IOException {
    Filesystem fs = open(SymlinkPolicy.SKIP);
    fs.delete("filelink");
    fs.delete("dirlink/inner.txt");
    fs.deleteDirectory("dirlink");
    fs.deleteDirectory("real/link");
    assertThat(linkIntact("filelink", outside.resolve("secret.txt"))).isTrue();
    assertThat(linkIntact("dirlink", outside.resolve("dir"))).isTrue();
    assertThat(linkIntact("real/link", outside.resolve("dir"))).isTrue();
  }

  @Test
  void delete_refuse_failsWithPermissionDenied() throws IOException {
    LocalAdapter adapter =
        LocalAdapter.of(LocalConfig.builder(root).symlinkPolicy(SymlinkPolicy.REFUSE).build());
    backendFailure(Kind.PERMISSION_DENIED, () -> adapter.delete("filelink"));
    backendFailure(Kind.PERMISSION_DENIED, () -> adapter.delete("dirlink/inner.txt"));
    backendFailure(Kind.PERMISSION_DENIED, () -> adapter.deleteDirectory("dirlink"));
    Filesystem fs = Filesystem.of(adapter);
    failure(StorageException.class, Kind.PERMISSION_DENIED, () -> fs.delete("filelink"));
    failure(
        DirectoryFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.deleteDirectory("dirlink"));
    assertThat(linkIntact("filelink", outside.resolve("secret.txt"))).isTrue();
    assertThat(linkIntact("dirlink", outside.resolve("dir"))).isTrue();
  }

  /**
   * The facade checks existence inside delete and createDirectory; a failure of that check must
   * still be reported as the operation the caller asked for (as writes already do).
   */
  @Test
  void facade_refuse_reportsTheOperationNotItsExistenceCheck() {
    Filesystem fs = open(SymlinkPolicy.REFUSE);
    failure(DeleteFailedException.class, Kind.PERMISSION_DENIED, () -> fs.delete("filelink"));
    failure(
        DirectoryFailedException.class,
        Kind.PERMISSION_DENIED,
        () -> fs.createDirectory("dirlink/sub"));
  }

  @Test
  void deleteDirectory_skip_unlinksLinksInsideWithoutFollowingThem() {
    Filesystem fs = open(SymlinkPolicy.SKIP);
    fs.deleteDirectory("real");
    assertThat(Files.exists(root.resolve("real"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(outside.resolve("dir/inner.txt")).hasContent("inner");
  }

  @Test
  void deleteDirectory_refuse_checksTheTreeBeforeDeletingAnything() {
    Filesystem fs = open(SymlinkPolicy.REFUSE);
    DirectoryFailedException e =
        failure(
            DirectoryFailedException.class,
            Kind.PERMISSION_DENIED,
            () -> fs.deleteDirectory("real"));
    assertThat(e.getMessage()).contains("real/link");
    assertThat(root.resolve("real/own.txt")).hasContent("own");
  }

  // ---- links that stay inside the root are not followed either ----

  @ParameterizedTest
  @EnumSource(SymlinkPolicy.class)
  void read_linkToAFileInsideTheRoot_isNotFollowedEither(SymlinkPolicy policy) throws IOException {
    Files.createSymbolicLink(root.resolve("inner-link"), root.resolve("real/own.txt"));
    Filesystem fs = open(policy);
    failure(ReadFailedException.class, hidden(policy), () -> fs.read("inner-link"));
    assertThat(fs.readString("real/own.txt")).isEqualTo("own");
  }

  @Test
  void write_skip_nextToLinks_stillWorks() {
    Filesystem fs = open(SymlinkPolicy.SKIP);
    fs.write("real/new.txt", "fine");
    assertThat(fs.readString("real/new.txt")).isEqualTo("fine");
  }

  private static void writeThroughStream(Filesystem fs, String path) {
    try (java.io.OutputStream out = fs.openOutputStream(path, WriteOptions.DEFAULT)) {
      out.write("planted".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> paths(DirectoryListing listing) {
    try (listing) {
      List<String> out = new ArrayList<>();
      for (StorageAttributes a : listing) {
        out.add(a.path());
      }
      return out;
    }
  }
}
