package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} and {@code cp -r} between local directories and a named in-memory store. */
@Timeout(60)
class SyncCommandTest {

  static final Pattern SUMMARY =
      Pattern.compile(
          "transferred (\\d+) files \\([^,]+, (\\d+) bytes\\), skipped (\\d+), deleted (\\d+), failed (\\d+), elapsed");

  @TempDir Path dir;

  private final FakeConsole console = new FakeConsole();
  private String root;
  private Filesystem fs;

  @BeforeEach
  void openStore() {
    root = "memory://sync-" + UUID.randomUUID().toString().substring(0, 8);
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

  /** Returns transferred files, bytes, skipped, deleted, failed from the summary line. */
  static long[] summary(FakeConsole.Result r) {
    Matcher m = SUMMARY.matcher(r.out());
    assertThat(m.find()).as(r.toString()).isTrue();
    return new long[] {
      Long.parseLong(m.group(1)),
      Long.parseLong(m.group(2)),
      Long.parseLong(m.group(3)),
      Long.parseLong(m.group(4)),
      Long.parseLong(m.group(5))
    };
  }

  @Test
  void sync_localToMemory_copiesTheTree_andASecondRunTransfersNothing() throws Exception {
    localFile("src/a.txt", "alpha");
    localFile("src/deep/er/b.txt", "bravo!");
    localFile("src/deep/c d #?%.txt", "charlie");

    FakeConsole.Result first = console.run("sync", "-q", "src", root + "/dst");
    FakeConsole.Result second = console.run("sync", "-q", "src", root + "/dst");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(summary(first)).containsExactly(3, 18, 0, 0, 0);
    assertThat(fs.readString("dst/a.txt")).isEqualTo("alpha");
    assertThat(fs.readString("dst/deep/er/b.txt")).isEqualTo("bravo!");
    assertThat(fs.readString("dst/deep/c d #?%.txt")).isEqualTo("charlie");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(summary(second)).containsExactly(0, 0, 3, 0, 0);
  }

  @Test
  void sync_sameSizeDifferentContent_isSentAgain_becauseTheChecksumsDiffer() throws Exception {
    localFile("src/a.txt", "alpha");
    console.run("sync", "-q", "src", root + "/dst");
    localFile("src/a.txt", "ALPHA");

    FakeConsole.Result r = console.run("sync", "-q", "src", root + "/dst");

    assertThat(summary(r)).containsExactly(1, 5, 0, 0, 0);
    assertThat(fs.readString("dst/a.txt")).isEqualTo("ALPHA");
  }

  @Test
  void sync_memoryToLocal_writesTheTree_andLocalHashesMatchOnTheSecondRun() throws Exception {
    fs.write("tree/x/1.txt", "one");
    fs.write("tree/2.txt", "two");

    FakeConsole.Result first = console.run("sync", "-q", root + "/tree", "out");
    FakeConsole.Result second = console.run("sync", "-q", root + "/tree", "out");

    assertThat(summary(first)).containsExactly(2, 6, 0, 0, 0);
    assertThat(Files.readString(dir.resolve("out/x/1.txt"))).isEqualTo("one");
    assertThat(Files.readString(dir.resolve("out/2.txt"))).isEqualTo("two");
    assertThat(summary(second)).containsExactly(0, 0, 2, 0, 0);
  }

  @Test
  void sync_localToLocal_skipsBySizeAndTime_andSendsAnOlderDestination() throws Exception {
    localFile("src/a.txt", "alpha");
    localFile("src/b.txt", "bravo");
    console.run("sync", "-q", "src", "dst");
    // Same size, but the destination is older than the source: not taken as identical.
    Files.writeString(dir.resolve("dst/b.txt"), "BRAVO");
    Files.setLastModifiedTime(
        dir.resolve("dst/b.txt"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

    FakeConsole.Result r = console.run("sync", "-q", "src", "dst");

    assertThat(summary(r)).containsExactly(1, 5, 1, 0, 0);
    assertThat(Files.readString(dir.resolve("dst/b.txt"))).isEqualTo("bravo");
  }

  @Test
  void sync_checksum_comparesContentEvenWhenTheDestinationIsNewer() throws Exception {
    localFile("src/a.txt", "alpha");
    console.run("sync", "-q", "src", "dst");
    Files.writeString(dir.resolve("dst/a.txt"), "ALPHA"); // newer, same size

    FakeConsole.Result byTime = console.run("sync", "-q", "src", "dst");
    FakeConsole.Result byHash = console.run("sync", "-q", "--checksum", "src", "dst");

    assertThat(summary(byTime)).containsExactly(0, 0, 1, 0, 0);
    assertThat(summary(byHash)).containsExactly(1, 5, 0, 0, 0);
    assertThat(Files.readString(dir.resolve("dst/a.txt"))).isEqualTo("alpha");
  }

  @Test
  void sync_delete_removesDestinationFilesTheSourceLacks() throws Exception {
    localFile("src/keep.txt", "keep");
    fs.write("dst/keep.txt", "old!");
    fs.write("dst/gone/extra.txt", "extra");

    FakeConsole.Result without = console.run("sync", "-q", "src", root + "/dst");
    boolean extraAfterPlainSync = fs.fileExists("dst/gone/extra.txt");
    FakeConsole.Result with = console.run("sync", "-q", "--delete", "src", root + "/dst");

    assertThat(summary(without)).containsExactly(1, 4, 0, 0, 0);
    assertThat(extraAfterPlainSync).isTrue();
    assertThat(summary(with)).containsExactly(0, 0, 1, 1, 0);
    assertThat(fs.fileExists("dst/gone/extra.txt")).isFalse();
    assertThat(fs.readString("dst/keep.txt")).isEqualTo("keep");
  }

  @Test
  void sync_aFailedFile_exitsOne_namesIt_andDeletesNothing() throws Exception {
    String tooLong = "n".repeat(300) + ".txt";
    fs.write("tree/ok.txt", "fine");
    fs.write("tree/" + tooLong, "refused locally");
    localFile("out/stale.txt", "stale");

    FakeConsole.Result r = console.run("sync", "-q", "--delete", root + "/tree", "out");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(Stowage.FAILED);
    assertThat(summary(r)).containsExactly(1, 4, 0, 0, 1);
    assertThat(r.err())
        .contains("failed: '" + tooLong + "'", "longer than 255 bytes", "not deleting 1 files");
    assertThat(Files.readString(dir.resolve("out/ok.txt"))).isEqualTo("fine");
    assertThat(dir.resolve("out/stale.txt")).exists();
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ok.txt", "stale.txt");
    }
  }

  @Test
  void sync_dryRun_printsThePlanPerFile_andChangesNothing() throws Exception {
    localFile("src/new.txt", "new");
    localFile("src/same.txt", "same");
    localFile("src/changed.txt", "changed");
    fs.write("dst/same.txt", "same");
    fs.write("dst/changed.txt", "CHANGED!");
    fs.write("dst/extra.txt", "extra");

    FakeConsole.Result r = console.run("sync", "--dry-run", "--delete", "src", root + "/dst");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsPattern("copy\\s+3\\s+new\\.txt")
        .containsPattern("skip\\s+4\\s+same\\.txt")
        .containsPattern("update\\s+7\\s+changed\\.txt")
        .containsPattern("delete\\s+5\\s+extra\\.txt")
        .contains(
            "plan: copy 1, update 1 (2 files, 10 bytes to transfer), skip 1, delete 1",
            "dry run: nothing was changed");
    assertThat(fs.fileExists("dst/new.txt")).isFalse();
    assertThat(fs.readString("dst/changed.txt")).isEqualTo("CHANGED!");
    assertThat(fs.fileExists("dst/extra.txt")).isTrue();
  }

  @Test
  void sync_destinationInsideTheSource_isAUsageError() throws Exception {
    localFile("src/a.txt", "a");

    FakeConsole.Result local = console.run("sync", "src", "src/backup");
    FakeConsole.Result remote = console.run("sync", root + "/a", root + "/a/b");
    FakeConsole.Result same = console.run("sync", root + "/a", root + "/a/");

    assertThat(local.exitCode()).isEqualTo(Stowage.USAGE);
    assertThat(local.err()).contains("overlap");
    assertThat(remote.exitCode()).isEqualTo(Stowage.USAGE);
    assertThat(same.exitCode()).isEqualTo(Stowage.USAGE);
    assertThat(same.err()).contains("same directory");
    assertThat(dir.resolve("src/backup")).doesNotExist();
  }

  @Test
  void sync_missingSource_failsAndTouchesNothing() throws Exception {
    fs.write("dst/keep.txt", "keep");

    FakeConsole.Result local = console.run("sync", "--delete", "no-such-dir", root + "/dst");
    FakeConsole.Result remote =
        console.run("sync", "--delete", root + "/no-such-dir", root + "/dst");

    assertThat(local.exitCode()).as(local.toString()).isEqualTo(Stowage.FAILED);
    assertThat(local.err()).contains("no such directory");
    assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(Stowage.FAILED);
    assertThat(remote.err()).contains("no such directory");
    assertThat(fs.readString("dst/keep.txt")).isEqualTo("keep");
  }

  @Test
  void sync_transfersOutOfRange_isAUsageErrorNamingTheLimit() {
    FakeConsole.Result r = console.run("sync", "--transfers", "0", "a", "b");

    assertThat(r.exitCode()).isEqualTo(Stowage.USAGE);
    assertThat(r.err()).contains("--transfers", "1 to 64");
  }

  @Test
  void sync_progress_showsFileAndByteTotalsOnAPlainStream() throws Exception {
    localFile("src/a.txt", "alpha");
    long[] now = {0};
    console.nanoTime = () -> now[0] += 3_000_000_000L; // every reading is 3 s later: lines are due

    FakeConsole.Result r = console.run("sync", "src", root + "/dst");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("sync: 1/1 files, 5 B / 5 B");
  }

  @Test
  void cpRecursive_copiesTheDirectoryUnderItsName_andEveryFileEvenIdentical() throws Exception {
    localFile("site/index.html", "<p>hi</p>");
    localFile("site/css/a.css", "p{}");

    FakeConsole.Result first = console.run("cp", "-r", "-q", "site", root + "/www/");
    FakeConsole.Result again = console.run("cp", "-r", "-q", "site", root + "/www/");
    FakeConsole.Result back = console.run("cp", "-r", "-q", root + "/www/site", "copy");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(summary(first)).containsExactly(2, 12, 0, 0, 0);
    assertThat(fs.readString("www/site/index.html")).isEqualTo("<p>hi</p>");
    assertThat(fs.readString("www/site/css/a.css")).isEqualTo("p{}");
    assertThat(summary(again)).containsExactly(2, 12, 0, 0, 0);
    assertThat(Files.readString(dir.resolve("copy/css/a.css"))).isEqualTo("p{}");
  }

  @Test
  void cpRecursive_ofAFile_copiesThatFile() throws Exception {
    localFile("one.txt", "one");

    FakeConsole.Result r = console.run("cp", "-r", "-q", "one.txt", root + "/d/");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fs.readString("d/one.txt")).isEqualTo("one");
  }

  @Test
  void help_explainsTheComparison_andShowsExamples() {
    FakeConsole.Result sync = console.run("sync", "--help");
    FakeConsole.Result cp = console.run("cp", "--help");
    FakeConsole.Result overview = console.run("--help");

    assertThat(sync.exitCode()).isZero();
    assertThat(sync.out())
        .contains(
            "Usage: stowage sync",
            "--delete",
            "--dry-run",
            "--checksum",
            "--transfers",
            "at least as new",
            "Examples:",
            "stowage sync ./photos b2://my-bucket/photos");
    assertThat(cp.out()).contains("-r, -R, --recursive", "stowage cp -r ./site b2://my-bucket/");
    assertThat(overview.out()).contains("sync");
  }

  @Test
  void syncProgress_onATerminal_redrawsOneLineWithTotals_andEndsItBeforeMessages()
      throws Exception {
    java.io.StringWriter text = new java.io.StringWriter();
    long[] now = {0};
    SyncProgress p =
        new SyncProgress(
            new java.io.PrintWriter(text),
            new Terminal(true, 60),
            () -> now[0],
            false,
            "sync",
            2,
            2048);

    now[0] = 1_000_000_000L;
    dev.stowage.TransferListener file = p.fileListener();
    file.bytesTransferred(1024, 1024);
    file.bytesTransferred(1024, 1024); // a repeated report adds nothing
    file.bytesTransferred(512, 1024); // nor does a smaller one
    p.fileDone();
    p.message("stowage: failed: 'x': reason");
    p.finish();

    String out = text.toString();
    assertThat(out).startsWith("\rsync: 0/2 files, 1.0 KiB / 2.0 KiB, 1.0 KiB/s");
    assertThat(out).contains("\n" + "stowage: failed: 'x': reason\n");
    assertThat(out).contains("\rsync: 1/2 files, 1.0 KiB / 2.0 KiB");
    assertThat(out).endsWith("\n");
    for (String line : out.split("[\r\n]")) {
      assertThat(line.length()).isLessThan(60);
    }
  }

  @Test
  void treeNames_refuseWhatWouldLandElsewhere_andAcceptHostileButLegalNames() {
    assertThat(TreeNames.problem("a/b c/#?%/-x/é.txt", false, true)).isNull();
    assertThat(TreeNames.problem("a//b", false, true)).contains("empty segment");
    assertThat(TreeNames.problem("a/../b", false, false)).contains("'..'");
    assertThat(TreeNames.problem("a/./b", true, false)).contains("'.'");
    assertThat(TreeNames.problem("a\\b", true, false)).contains("'\\'");
    assertThat(TreeNames.problem("a\\b", true, true)).isNull();
    assertThat(TreeNames.problem("x".repeat(256), false, true)).contains("255 bytes");
    assertThat(TreeNames.problem("x".repeat(256), true, false)).isNull();
    assertThat(TreeNames.problem("é".repeat(128), false, true))
        .contains("255 bytes"); // 256 bytes in UTF-8
  }

  @Test
  void newerOrSame_comparesToTheSecond_andUnknownTimesAreNotIdentical() {
    Instant t = Instant.parse("2026-01-01T10:00:00.800Z");
    assertThat(ContentMatch.newerOrSame(Instant.parse("2026-01-01T10:00:00Z"), t)).isTrue();
    assertThat(ContentMatch.newerOrSame(Instant.parse("2026-01-01T09:59:59.999Z"), t)).isFalse();
    assertThat(ContentMatch.newerOrSame(null, t)).isFalse();
    assertThat(ContentMatch.newerOrSame(t, null)).isFalse();
  }
}
