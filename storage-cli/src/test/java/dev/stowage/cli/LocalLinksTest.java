package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local paths behave alike in every command: symbolic links are followed by ls and stat as by
 * cat and cp, a write to a link goes through to its target (a link to nothing is refused), rm
 * removes the link itself, new files get the default mode, and downloads in progress stay
 * hidden and never outlive a failure.
 */
@Timeout(60)
class LocalLinksTest {

  @TempDir Path dir;

  private final FakeConsole console = new FakeConsole();

  @BeforeEach
  void setUp() {
    console.workingDirectory = dir;
  }

  @Test
  void ls_linkToDirectory_listsWhatItLeadsTo() throws Exception {
    Files.createDirectories(dir.resolve("real/sub"));
    Files.writeString(dir.resolve("real/a.txt"), "a");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));

    FakeConsole.Result r = console.run("ls", "link");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).containsExactlyInAnyOrder("a.txt", "sub/");
  }

  @Test
  void ls_directoryHoldingLinks_listsThemAsWhatTheyLeadTo_andSkipsDanglingOnes() throws Exception {
    Files.createDirectories(dir.resolve("d/realdir"));
    Files.writeString(dir.resolve("d/target.txt"), "12345");
    Files.createSymbolicLink(dir.resolve("d/file-link"), dir.resolve("d/target.txt"));
    Files.createSymbolicLink(dir.resolve("d/dir-link"), dir.resolve("d/realdir"));
    Files.createSymbolicLink(dir.resolve("d/dangling"), dir.resolve("d/nothing"));

    FakeConsole.Result r = console.run("ls", "-l", "d");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().map(l -> l.replaceAll("\\s+\\S+ \\S+\\s+", " ").strip()))
        .containsExactlyInAnyOrder("5 target.txt", "5 file-link", "- realdir/", "- dir-link/");
  }

  @Test
  void stat_linkToFile_showsTheFileItLeadsTo() throws Exception {
    Files.writeString(dir.resolve("target.txt"), "12345");
    Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("target.txt"));

    FakeConsole.Result r = console.run("stat", "link.txt");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("type:", "file", "size:", "5 (5 B)");
  }

  @Test
  void cp_ontoLinkToFile_writesThroughAndKeepsTheLink() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "new content");
    Files.writeString(dir.resolve("target.txt"), "old");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target.txt"));

    FakeConsole.Result r = console.run("cp", "-q", "a.txt", "link");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.isSymbolicLink(dir.resolve("link"))).isTrue();
    assertThat(Files.readString(dir.resolve("target.txt"))).isEqualTo("new content");
  }

  @Test
  void cp_ontoDanglingLink_isRefusedAndLeavesTheLinkAlone() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "content");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("missing.txt"));

    FakeConsole.Result r = console.run("cp", "-q", "a.txt", "link");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("symbolic link to a missing file");
    assertThat(Files.isSymbolicLink(dir.resolve("link"))).isTrue();
    assertThat(dir.resolve("missing.txt")).doesNotExist();
  }

  @Test
  void cp_newLocalFile_getsTheDefaultModeOfNewFiles_notAPrivateOne() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "content");
    Path reference = dir.resolve("reference");
    try (OutputStream out = Files.newOutputStream(reference)) {
      out.write(1);
    }

    FakeConsole.Result r = console.run("cp", "-q", "a.txt", "copy.txt");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.getPosixFilePermissions(dir.resolve("copy.txt")))
        .isEqualTo(Files.getPosixFilePermissions(reference))
        .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void cp_overExistingLocalFile_keepsItsPermissions() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "content");
    Path existing = dir.resolve("existing.txt");
    Files.writeString(existing, "old");
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(existing, mode);

    FakeConsole.Result r = console.run("cp", "-q", "a.txt", "existing.txt");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(existing)).isEqualTo("content");
    assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(mode);
  }

  @Test
  void mv_ontoALinkToItself_keepsTheOnlyCopy() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "only copy");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("a.txt"));

    FakeConsole.Result r = console.run("mv", "-q", "a.txt", "link");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(dir.resolve("link"))).isEqualTo("only copy");
  }

  @Test
  void rm_link_deletesTheLinkNotWhatItLeadsTo() throws Exception {
    Files.writeString(dir.resolve("target.txt"), "keep me");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target.txt"));

    FakeConsole.Result r = console.run("rm", "link");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.exists(dir.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .isFalse();
    assertThat(Files.readString(dir.resolve("target.txt"))).isEqualTo("keep me");
  }

  @Test
  void cp_toLocalFile_removesStaleTemporaryFilesOfThatDestinationOnly() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "content");
    Path stale = dir.resolve(".stowage-copy.txt.0123456789abcdef.tmp");
    Path legacy = dir.resolve(".copy.txt.4242.part");
    Path fresh = dir.resolve(".stowage-copy.txt.fedcba9876543210.tmp");
    Path otherDestination = dir.resolve(".stowage-other.txt.0123456789abcdef.tmp");
    FileTime old =
        FileTime.from(Instant.now().minus(PartFiles.STALE_AFTER).minus(Duration.ofHours(1)));
    for (Path p : new Path[] {stale, legacy, fresh, otherDestination}) {
      Files.writeString(p, "partial");
    }
    for (Path p : new Path[] {stale, legacy, otherDestination}) {
      Files.setLastModifiedTime(p, old);
    }

    FakeConsole.Result r = console.run("cp", "-q", "a.txt", "copy.txt");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(legacy).doesNotExist();
    assertThat(fresh).exists();
    assertThat(otherDestination).exists();
  }

  @Test
  void ls_localDirectory_hidesDownloadsInProgress() throws Exception {
    Files.writeString(dir.resolve("done.txt"), "x");
    Files.writeString(dir.resolve(".stowage-big.bin.0123456789abcdef.tmp"), "partial");

    FakeConsole.Result r = console.run("ls", ".");

    assertThat(r.out().lines()).containsExactly("done.txt");
  }

  @Test
  void partFiles_isPartOf_matchesOnlyThatDestinationsTemporaryNames() {
    assertThat(PartFiles.isPartOf(".stowage-a.txt.0123456789abcdef.tmp", "a.txt")).isTrue();
    assertThat(PartFiles.isPartOf(".a.txt.123.part", "a.txt")).isTrue();
    assertThat(PartFiles.isPartOf(".stowage-a.txt.0123456789abcdef.tmp", "b.txt")).isFalse();
    assertThat(PartFiles.isPartOf(".stowage-a.txt.x.tmp", "a.txt")).isFalse();
    assertThat(PartFiles.isPartOf("a.txt", "a.txt")).isFalse();
  }
}
