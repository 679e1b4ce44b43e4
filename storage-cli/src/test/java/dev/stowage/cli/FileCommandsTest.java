package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file commands over a named in-memory store (shared within the JVM) and the local disk. */
@Timeout(60)
class FileCommandsTest {

  @TempDir Path dir;

  private final FakeConsole console = new FakeConsole();
  private String root;
  private Filesystem fs;

  @BeforeEach
  void openStore() {
    root = "memory://cli-" + UUID.randomUUID().toString().substring(0, 8);
    fs = Filesystems.open(URI.create(root), Map.of());
    console.workingDirectory = dir;
  }

  @AfterEach
  void closeStore() {
    fs.close();
  }

  private Path localFile(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void cp_localToRemoteAndBack_roundTripsTheBytes() throws Exception {
    localFile("notes.txt", "hello, bucket");

    FakeConsole.Result up = console.run("cp", "notes.txt", root + "/docs/notes.txt");
    FakeConsole.Result down = console.run("cp", root + "/docs/notes.txt", "copy.txt");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(fs.readString("docs/notes.txt")).isEqualTo("hello, bucket");
    assertThat(Files.readString(dir.resolve("copy.txt"))).isEqualTo("hello, bucket");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("notes.txt", "copy.txt");
    }
  }

  @Test
  void cp_destinationWithTrailingSlash_keepsTheSourceName() throws Exception {
    localFile("photo.jpg", "jpeg");

    FakeConsole.Result r = console.run("cp", "photo.jpg", root + "/albums/2026/");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fs.readString("albums/2026/photo.jpg")).isEqualTo("jpeg");
  }

  @Test
  void cp_intoExistingLocalDirectory_keepsTheSourceName() throws Exception {
    fs.write("a/b.txt", "b");
    Files.createDirectory(dir.resolve("out"));

    FakeConsole.Result r = console.run("cp", root + "/a/b.txt", "out");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(dir.resolve("out/b.txt"))).isEqualTo("b");
  }

  @Test
  void cp_stdinToRemote_andRemoteToStdout() {
    console.stdin = "from a pipe".getBytes(StandardCharsets.UTF_8);

    FakeConsole.Result up = console.run("cp", "-", root + "/piped.txt");
    FakeConsole.Result down = console.run("cp", root + "/piped.txt", "-");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(fs.readString("piped.txt")).isEqualTo("from a pipe");
    assertThat(down.out()).isEqualTo("from a pipe");
  }

  @Test
  void cp_withContentType_storesIt() throws Exception {
    localFile("data", "{}");

    FakeConsole.Result r =
        console.run("cp", "--content-type", "application/json", "data", root + "/data.bin");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fs.stat("data.bin").contentType()).isEqualTo("application/json");
  }

  @Test
  void cp_missingLocalSource_exitsOneNamingTheFile_andWritesNothing() {
    FakeConsole.Result r = console.run("cp", "absent.txt", root + "/x.txt");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("stowage: '" + dir.resolve("absent.txt") + "': no such file or directory")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(fs.fileExists("x.txt")).isFalse();
  }

  @Test
  void cp_missingRemoteSource_exitsOneWithTheStorageMessage_andCreatesNoFile() {
    FakeConsole.Result r = console.run("cp", root + "/absent.txt", "here.txt");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("stowage: ").contains("'absent.txt'").contains("not found");
    assertThat(dir.resolve("here.txt")).doesNotExist();
  }

  @Test
  void cp_withDebug_printsTheStackTrace() {
    FakeConsole.Result r = console.run("cp", "--debug", root + "/absent.txt", "here.txt");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("not found").contains("\tat ");
  }

  @Test
  void cp_bothStdio_isAUsageError() {
    FakeConsole.Result r = console.run("cp", "-", "-");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("use cat");
  }

  @Test
  void cp_localDirectorySource_exitsOne() throws Exception {
    Files.createDirectory(dir.resolve("folder"));

    FakeConsole.Result r = console.run("cp", "folder", root + "/folder");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("is a directory");
    assertThat(fs.exists("folder")).isFalse();
  }

  @Test
  void ls_directory_listsChildrenWithSlashesOnDirectories() {
    fs.write("docs/a.txt", "a");
    fs.write("docs/b.txt", "bb");
    fs.write("docs/sub/c.txt", "ccc");

    FakeConsole.Result r = console.run("ls", root + "/docs");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).containsExactlyInAnyOrder("a.txt", "b.txt", "sub/");
  }

  @Test
  void ls_longAndRecursive_showsSizesAndEveryDescendant() {
    fs.write("docs/a.txt", "a");
    fs.write("docs/sub/c.txt", "ccc");

    FakeConsole.Result r = console.run("ls", "-lR", root + "/docs/");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().map(String::strip))
        .anyMatch(l -> l.matches("1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  a\\.txt"))
        .anyMatch(l -> l.matches("3  .*  sub/c\\.txt"))
        .anyMatch(l -> l.endsWith("sub/"));
  }

  @Test
  void ls_file_showsJustThatFile() {
    fs.write("one.txt", "1");

    FakeConsole.Result r = console.run("ls", root + "/one.txt");

    assertThat(r.out()).isEqualTo("one.txt" + System.lineSeparator());
  }

  @Test
  void ls_missingPath_exitsOne() {
    FakeConsole.Result r = console.run("ls", root + "/nothing/here");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "stowage: '"
                + root
                + "/nothing/here': no such file or directory"
                + System.lineSeparator());
  }

  @Test
  void ls_localDirectory_goesThroughTheFileAdapter() throws Exception {
    localFile("tree/x.txt", "x");
    Files.createDirectories(dir.resolve("tree/y"));

    FakeConsole.Result r = console.run("ls", "tree");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).containsExactlyInAnyOrder("x.txt", "y/");
  }

  @Test
  void cat_severalFiles_concatenatesTheirBytes() {
    fs.write("a", "first ");
    fs.write("b", new byte[] {(byte) 0xff, 0, 'z'});

    FakeConsole.Result r = console.run("cat", root + "/a", root + "/b");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).containsExactly('f', 'i', 'r', 's', 't', ' ', 0xff, 0, 'z');
  }

  @Test
  void mv_withinOneFilesystem_movesTheFile() {
    fs.write("inbox/a.pdf", "pdf");

    FakeConsole.Result r = console.run("mv", root + "/inbox/a.pdf", root + "/archive/");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fs.fileExists("inbox/a.pdf")).isFalse();
    assertThat(fs.readString("archive/a.pdf")).isEqualTo("pdf");
  }

  @Test
  void mv_localToRemote_deletesTheLocalFileAfterTheCopy() throws Exception {
    Path report = localFile("report.pdf", "pdf");

    FakeConsole.Result r = console.run("mv", "-q", "report.pdf", root + "/reports/");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(report).doesNotExist();
    assertThat(fs.readString("reports/report.pdf")).isEqualTo("pdf");
  }

  @Test
  void rm_file_deletesIt() {
    fs.write("old.log", "x");

    FakeConsole.Result r = console.run("rm", root + "/old.log");

    assertThat(r.exitCode()).isZero();
    assertThat(fs.fileExists("old.log")).isFalse();
  }

  @Test
  void rm_directoryWithoutRecursive_exitsOneAndDeletesNothing() {
    fs.write("tmp/a", "a");

    FakeConsole.Result r = console.run("rm", root + "/tmp");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("is a directory; use rm -r");
    assertThat(fs.fileExists("tmp/a")).isTrue();
  }

  @Test
  void rm_recursive_deletesTheDirectoryAndEverythingBelow() {
    fs.write("tmp/a", "a");
    fs.write("tmp/b/c", "c");
    fs.write("keep", "k");

    FakeConsole.Result r = console.run("rm", "-r", root + "/tmp/");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fs.exists("tmp")).isFalse();
    assertThat(fs.fileExists("keep")).isTrue();
  }

  @Test
  void rm_missing_exitsOne_unlessForced() {
    assertThat(console.run("rm", root + "/ghost").exitCode()).isEqualTo(1);
    assertThat(console.run("rm", "-f", root + "/ghost").exitCode()).isZero();
  }

  @Test
  void rm_root_isRefusedAsAUsageError() {
    fs.write("precious", "p");

    FakeConsole.Result r = console.run("rm", "-r", root);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(fs.fileExists("precious")).isTrue();
  }

  @Test
  void stat_file_printsItsAttributes() {
    fs.write("s.txt", "12345");

    FakeConsole.Result r = console.run("stat", root + "/s.txt");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("path:", "s.txt", "size:", "5 (5 B)", "type:", "file");
  }

  @Test
  void stat_directory_saysSo() {
    fs.write("d/f", "f");

    FakeConsole.Result r = console.run("stat", root + "/d");

    assertThat(r.out()).contains("d/").contains("directory");
  }

  @Test
  void url_onAStoreWithoutUrls_exitsOneSayingUnsupported() {
    fs.write("f", "f");

    FakeConsole.Result r = console.run("url", root + "/f");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("stowage: ").contains("unsupported");
  }

  @Test
  void uploadTicket_withoutContentType_isAUsageError() {
    FakeConsole.Result r = console.run("upload-ticket", root + "/f");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--content-type");
  }
}
