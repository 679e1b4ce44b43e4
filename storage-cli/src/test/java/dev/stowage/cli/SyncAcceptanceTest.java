package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.b2.emulator.FaultPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stowage sync} of a 2,000-file tree with hostile names, local to the B2 emulator to
 * S3Proxy and back to local, through the real adapters: identical trees, second runs that send
 * nothing, a run refused mid-way that a re-run finishes, {@code --dry-run}, {@code --delete},
 * server-side copies within a bucket and {@code cp -r}.
 */
@Tag("interop")
@Timeout(300)
class SyncAcceptanceTest {

  private static final int FILES = 2000;

  /** How many uploads the emulator accepts before it refuses the rest, in the interrupted run. */
  private static final int ACCEPTED_BEFORE_REFUSAL = 1500;

  @RegisterExtension static final LoopbackBackends backends = LoopbackBackends.perClass();

  @TempDir Path dir;

  private FakeConsole console() {
    FakeConsole c = backends.credentials(new FakeConsole());
    c.workingDirectory = dir;
    return c;
  }

  /**
   * The names no tree should lose: spaces, NFC and NFD forms, '?', '#', '%', dashes, emoji, and
   * segments of 250 UTF-8 bytes, the most B2 takes per segment.
   */
  static List<String> hostileNames() {
    String cafe = "caf\u00e9.txt";
    return List.of(
        "with space.txt",
        " leading and trailing space .txt",
        Normalizer.normalize(cafe, Normalizer.Form.NFC),
        Normalizer.normalize(cafe, Normalizer.Form.NFD),
        "what?.txt",
        "a?b#c.txt",
        "hash#tag.txt",
        "100%.txt",
        "%41%2F.txt",
        "-leading-dash.txt",
        "--help",
        "-",
        "a+b=c&d;e.txt",
        "quote'and\"double.txt",
        "\u65e5\u672c\u8a9e\u306e\u540d\u524d.txt",
        "\ud83d\ude00 emoji.txt",
        "x".repeat(246) + ".txt",
        "\u00e9".repeat(124) + ".t",
        "empty-file.txt");
  }

  /** Writes the tree: hostile names at several depths, the rest spread over nested directories. */
  private static Map<String, Integer> writeTree(Path root) throws IOException {
    Map<String, Integer> sizes = new TreeMap<>();
    List<String> hostile = hostileNames();
    // 981 bytes below the bucket: B2 and S3 take keys of up to 1024 bytes, local disks 255 per
    // segment.
    String deep =
        String.join(
            "/", List.of("w".repeat(240), "x".repeat(240), "y".repeat(240), "z".repeat(240)));
    List<String> names = new ArrayList<>();
    for (String h : hostile) {
      names.add(h);
      names.add("nested/level two/" + h);
    }
    names.add(deep + "/n.txt");
    for (int i = 0; names.size() < FILES; i++) {
      names.add("d" + (i % 7) + "/e" + (i % 5) + "/f" + (i % 3) + "/file-" + i + ".bin");
    }
    Random random = new Random(42);
    for (String name : names) {
      int size =
          name.startsWith("empty") || name.endsWith("/empty-file.txt") ? 0 : random.nextInt(600);
      byte[] data = new byte[size];
      random.nextBytes(data);
      Path p = root.resolve(name);
      Files.createDirectories(p.getParent());
      Files.write(p, data);
      sizes.put(name, size);
    }
    assertThat(sizes).hasSize(FILES);
    return sizes;
  }

  /** Returns the SHA-256 of every file below {@code root}, by relative path. */
  private static Map<String, String> hashes(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
          sha.update(in.readAllBytes());
        }
        out.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha.digest()));
      }
    }
    return out;
  }

  /** Returns how many versions (uploads and server-side copies) the emulator holds below {@code prefix}. */
  private static int b2Versions(String prefix) {
    String bucketId = backends.b2().store().bucket(LoopbackBackends.BUCKET).bucketId();
    return backends.b2().store().versions(bucketId, prefix, null, Integer.MAX_VALUE).size();
  }

  @Test
  void sync_localToB2ToS3ToLocal_leavesIdenticalTrees_resumesAfterARefusal_andRerunsSendNothing()
      throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Map<String, Integer> sizes = writeTree(src);
    long totalBytes = sizes.values().stream().mapToLong(Integer::longValue).sum();
    FakeConsole c = console();
    String b2 = backends.uri("b2", "accept/tree");
    String s3 = backends.uri("s3", "accept/tree");

    // Local -> B2, refused after a number of uploads (as when an account hits its storage cap).
    backends
        .b2()
        .useFaults(
            FaultPlan.builder()
                .after(
                    "b2_upload_file",
                    ACCEPTED_BEFORE_REFUSAL,
                    new Fault.Status(403, "storage_cap_exceeded", null))
                .build());
    FakeConsole.Result refused;
    try {
      refused = c.run("sync", "-q", "--transfers", "8", "src", b2);
    } finally {
      backends.b2().useFaults(FaultPlan.NONE);
    }
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(Stowage.FAILED);
    long[] cut = SyncCommandTest.summary(refused);
    assertThat(cut[0]).isEqualTo(ACCEPTED_BEFORE_REFUSAL);
    assertThat(cut[4]).isEqualTo(FILES - ACCEPTED_BEFORE_REFUSAL);
    assertThat(refused.err())
        .contains("failed: '", "storage_cap_exceeded")
        .doesNotContain(backends.b2().applicationKey());
    assertThat(b2Versions("accept/tree/")).isEqualTo(ACCEPTED_BEFORE_REFUSAL);

    FakeConsole.Result resumed = c.run("sync", "-q", "--transfers", "8", "src", b2);
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(SyncCommandTest.summary(resumed))
        .containsExactly(
            FILES - ACCEPTED_BEFORE_REFUSAL, totalBytes - cut[1], ACCEPTED_BEFORE_REFUSAL, 0, 0);
    assertThat(b2Versions("accept/tree/")).as("each file uploaded exactly once").isEqualTo(FILES);

    FakeConsole.Result again = c.run("sync", "-q", "--transfers", "8", "src", b2);
    assertThat(SyncCommandTest.summary(again)).containsExactly(0, 0, FILES, 0, 0);
    assertThat(b2Versions("accept/tree/")).isEqualTo(FILES);

    // B2 -> S3, and again.
    FakeConsole.Result toS3 = c.run("sync", "-q", "--transfers", "8", b2, s3);
    assertThat(toS3.exitCode()).as(toS3.toString()).isZero();
    assertThat(SyncCommandTest.summary(toS3)).containsExactly(FILES, totalBytes, 0, 0, 0);
    assertThat(SyncCommandTest.summary(c.run("sync", "-q", "--transfers", "8", b2, s3)))
        .containsExactly(0, 0, FILES, 0, 0);

    // S3 -> local, and again.
    FakeConsole.Result down = c.run("sync", "-q", "--transfers", "8", s3, "back");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(SyncCommandTest.summary(down)).containsExactly(FILES, totalBytes, 0, 0, 0);
    assertThat(SyncCommandTest.summary(c.run("sync", "-q", "--transfers", "8", s3, "back")))
        .containsExactly(0, 0, FILES, 0, 0);

    Map<String, String> original = hashes(src);
    assertThat(original).hasSize(FILES);
    assertThat(hashes(dir.resolve("back"))).isEqualTo(original);

    // --dry-run and --delete, S3 holding one file too many.
    try (Filesystem fs = backends.open("s3")) {
      fs.write("accept/tree/nested/stray.txt", "not in the source");
    }
    FakeConsole.Result plan = c.run("sync", "--dry-run", "--delete", b2, s3);
    assertThat(plan.out())
        .containsPattern("delete\\s+17\\s+nested/stray\\.txt")
        .contains(
            "plan: copy 0, update 0 (0 files, 0 bytes to transfer), skip " + FILES + ", delete 1");
    try (Filesystem fs = backends.open("s3")) {
      assertThat(fs.fileExists("accept/tree/nested/stray.txt"))
          .as("a dry run changes nothing")
          .isTrue();
    }
    FakeConsole.Result mirrored = c.run("sync", "-q", "--delete", b2, s3);
    assertThat(SyncCommandTest.summary(mirrored)).containsExactly(0, 0, FILES, 1, 0);
    try (Filesystem fs = backends.open("s3")) {
      assertThat(fs.fileExists("accept/tree/nested/stray.txt")).isFalse();
    }
  }

  @Test
  void sync_interruptedBySigint_exitsNonZero_andTheRerunSendsEachMissingFileOnce()
      throws Exception {
    int files = 200;
    Path src = dir.resolve("sigint");
    for (int i = 0; i < files; i++) {
      Path p = src.resolve("d" + (i % 5)).resolve("f" + i + ".txt");
      Files.createDirectories(p.getParent());
      Files.writeString(p, "file " + i);
    }
    String b2 = backends.uri("b2", "sigint");
    Map<String, String> env =
        Map.of(
            "B2_APPLICATION_KEY_ID",
            backends.b2().keyId(),
            "B2_APPLICATION_KEY",
            backends.b2().applicationKey());
    // Slow uploads keep the run going long enough to be interrupted in the middle: the 180 files
    // left when the signal is sent would need about 14 s more, far beyond the 2 s grace period.
    backends
        .b2()
        .useFaults(
            FaultPlan.builder()
                .add("b2_upload_file", 1.0, new Fault.Delay(java.time.Duration.ofMillis(300)))
                .build());
    int status;
    String childErr;
    try (ChildCli child = ChildCli.start(dir, env, "sync", "-q", "sigint", b2)) {
      child.await(
          () -> b2Versions("sigint/") >= 20, java.time.Duration.ofSeconds(60), "20 files uploaded");
      child.signal("INT");
      status = child.waitFor(java.time.Duration.ofSeconds(30));
      childErr = child.err();
    } finally {
      backends.b2().useFaults(FaultPlan.NONE);
    }
    int arrived = b2Versions("sigint/");

    FakeConsole.Result rerun = console().run("sync", "-q", "sigint", b2);

    assertThat(status).as(childErr).isNotZero();
    assertThat(arrived).as("interrupted before the end").isLessThan(files);
    assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
    long[] s = SyncCommandTest.summary(rerun);
    assertThat(s[0] + s[2]).isEqualTo(files);
    assertThat(s[0]).isLessThanOrEqualTo(files - arrived);
    assertThat(b2Versions("sigint/"))
        .as("each file uploaded exactly once over both runs")
        .isEqualTo(files);
  }

  @Test
  void sync_withinOneBucket_copiesServerSide_withNoUploadThroughTheClient() throws Exception {
    try (Filesystem fs = backends.open("b2")) {
      for (int i = 0; i < 40; i++) {
        fs.write("same/src/" + (i % 4) + "/f" + i + "?#%.txt", "content " + i);
      }
    }
    FaultPlan noUploads =
        FaultPlan.builder()
            .add("b2_upload_file", 1.0, new Fault.Status(403, "access_denied", null))
            .add("b2_upload_part", 1.0, new Fault.Status(403, "access_denied", null))
            .build();
    backends.b2().useFaults(noUploads);
    FakeConsole.Result r;
    try {
      r =
          console()
              .run("sync", "-q", backends.uri("b2", "same/src"), backends.uri("b2", "same/copy"));
    } finally {
      backends.b2().useFaults(FaultPlan.NONE);
    }

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(SyncCommandTest.summary(r)[0]).isEqualTo(40);
    assertThat(b2Versions("same/copy/")).isEqualTo(40);
    try (Filesystem fs = backends.open("b2")) {
      assertThat(fs.readString("same/copy/3/f7?#%.txt")).isEqualTo("content 7");
    }
  }

  @Test
  void sync_aNameTheDestinationCannotHold_failsThatFileByName_andSendsTheRest() throws Exception {
    Path src = dir.resolve("names");
    String tooLongForB2 =
        "x".repeat(251) + ".txt"; // fine on local disk (255 bytes), B2 takes 250 per segment
    Files.createDirectories(src.resolve("sub"));
    Files.writeString(src.resolve("sub").resolve(tooLongForB2), "long");
    Files.writeString(src.resolve("ok.txt"), "ok");

    FakeConsole.Result r = console().run("sync", "-q", "names", backends.uri("b2", "names"));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(Stowage.FAILED);
    assertThat(SyncCommandTest.summary(r)).containsExactly(1, 2, 0, 0, 1);
    assertThat(r.err()).contains("failed: 'sub/" + tooLongForB2 + "'", "longer than 250");
    assertThat(b2Versions("names/")).isEqualTo(1);
  }

  @Test
  void cpRecursive_fromB2ToS3_copiesEveryFileUnderTheSourceName() throws Exception {
    try (Filesystem fs = backends.open("b2")) {
      fs.write("cpr/photos/a.jpg", "a");
      fs.write("cpr/photos/2026/b c.jpg", "bb");
    }

    FakeConsole.Result r =
        console()
            .run(
                "cp", "-r", "-q", backends.uri("b2", "cpr/photos"), backends.uri("s3", "cpr/out/"));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(SyncCommandTest.summary(r)).containsExactly(2, 3, 0, 0, 0);
    try (Filesystem fs = backends.open("s3")) {
      assertThat(fs.readString("cpr/out/photos/a.jpg")).isEqualTo("a");
      assertThat(fs.readString("cpr/out/photos/2026/b c.jpg")).isEqualTo("bb");
    }
  }
}
