package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadScope;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateKeyRequest;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2Key;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.b2.client.B2StartLargeFileRequest;
import dev.stowage.b2.client.B2UploadUrl;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.b2.emulator.FaultPlan;
import dev.stowage.spi.Timeouts;
import dev.stowage.testing.B2EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** B2-specific behaviour beyond the compatibility kit, against the emulator. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class B2AdapterTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () -> B2Emulator.builder().recommendedPartSize(1024).absoluteMinimumPartSize(256))
          .bucket("adapter-bucket")
          .publicBucket("adapter-public")
          .perTest();

  private B2Client client;
  private String bucket;
  private String bucketId;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void setUp() {
    client = TestBuckets.client(B2.emulator());
    bucket = "adapter-bucket";
    bucketId = client.listBuckets(null, bucket).get(0).bucketId();
  }

  @AfterEach
  void tearDown() throws Exception {
    B2.emulator().useFaults(FaultPlan.NONE);
    for (AutoCloseable c : toClose) {
      c.close();
    }
    client.close();
  }

  private Filesystem open(B2Config.Builder config) {
    Filesystem fs = Filesystem.of(B2Adapter.create(config.build()));
    toClose.add(fs);
    return fs;
  }

  private Filesystem open() {
    return open(TestBuckets.config(B2.emulator(), bucket));
  }

  private List<B2FileVersion> versions(String prefix) {
    return client.listFileVersions(B2ListFilesRequest.of(bucketId, prefix, null, 1000)).files();
  }

  @Test
  void capabilities_privateBucket_declaresB2FeaturesOnceKnown() {
    B2Adapter adapter = B2Adapter.create(TestBuckets.config(B2.emulator(), bucket).build());
    toClose.add(adapter);
    assertThat(adapter.directoryExists("")).isTrue(); // authorises and finds the bucket
    var caps = adapter.capabilities();
    assertThat(caps.has(Capability.VISIBILITY_BUCKET_LEVEL)).isTrue();
    assertThat(caps.has(Capability.PUBLIC_URL)).isFalse();
    assertThat(caps.has(Capability.CREATE_ONLY)).isFalse();
    assertThat(caps.has(Capability.RANGE_NOT_SATISFIABLE)).isTrue();
    assertThat(caps.nativeChecksums()).containsExactly(ChecksumAlgorithm.SHA1);
    assertThat(caps.partSize()).isEqualTo(1024);
    assertThat(caps.multipartThreshold()).isEqualTo(2048);
    assertThat(caps.maxPathBytes()).isEqualTo(1024);
  }

  @Test
  void capabilities_beforeFirstOperation_areStaticAndPublicUrlOfPrivateBucketIsUnsupported() {
    Filesystem fs = open(); // no network call: capabilities are declared statically
    var caps = fs.capabilities();
    assertThat(caps.has(Capability.PUBLIC_URL)).isTrue();
    assertThat(caps.partSize() * 5)
        .as("B2's 100 MB recommendation within the 64 MiB budget")
        .isLessThanOrEqualTo(64L << 20);
    fs.write("p.txt", "p");
    assertThatThrownBy(() -> fs.publicUrl("p.txt"))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
  }

  @Test
  void write_withPrefix_storesUnderPrefixWithMetadata() {
    Filesystem fs = open(TestBuckets.config(B2.emulator(), bucket).prefix("/top/dir/"));
    fs.write(
        "a b/ü.txt",
        "x",
        WriteOptions.builder()
            .contentType("text/plain")
            .cacheControl("max-age=60")
            .contentDisposition("attachment")
            .contentEncoding("identity")
            .userMetadata("Colour", "blau ü")
            .build());
    B2FileVersion v = versions("").get(0);
    assertThat(v.fileName()).isEqualTo("top/dir/a b/ü.txt");
    assertThat(v.fileInfo())
        .containsEntry("colour", "blau ü")
        .containsEntry("b2-cache-control", "max-age=60");
    FileAttributes a = fs.stat("a b/ü.txt");
    assertThat(a.userMetadata()).containsExactly(Map.entry("colour", "blau ü"));
    assertThat(a.cacheControl()).isEqualTo("max-age=60");
    assertThat(a.contentDisposition()).isEqualTo("attachment");
    assertThat(a.contentEncoding()).isEqualTo("identity");
    assertThat(a.version()).isEqualTo(v.fileId());
    StorageAttributes listed = fs.list("a b").toList().get(0);
    assertThat(((FileAttributes) listed).userMetadata()).containsEntry("colour", "blau ü");
  }

  @Test
  void write_reservedMetadataKey_isRejectedAndNothingWritten() {
    Filesystem fs = open();
    assertThatThrownBy(
            () ->
                fs.write(
                    "x.txt",
                    "x",
                    WriteOptions.builder().userMetadata("large_file_sha1", "1").build()))
        .isInstanceOfSatisfying(
            WriteFailedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT));
    assertThat(versions("")).isEmpty();
  }

  @Test
  void write_unknownLengthStreamOverOnePart_isLargeFileWithParts() {
    Filesystem fs = open();
    byte[] data = random(5000, 1);
    FileAttributes a = fs.write("big.bin", new ByteArrayInputStream(data), WriteOptions.DEFAULT);
    // Sent in parts, then copied onto itself with large_file_sha1 so that reads can verify it.
    assertThat(versions("big")).hasSize(1);
    B2FileVersion v = versions("big").get(0);
    assertThat(v.fileInfo()).containsEntry("large_file_sha1", B2FaultToleranceTest.sha1(data));
    assertThat(a.size()).isEqualTo(5000);
    assertThat(fs.read("big.bin")).isEqualTo(data);
  }

  @Test
  void write_bytesAboveCutoff_storesLargeFileSha1() {
    Filesystem fs = open();
    byte[] data = random(3000, 2);
    fs.write("sum.bin", data);
    assertThat(versions("sum").get(0).fileInfo())
        .containsEntry("large_file_sha1", B2FaultToleranceTest.sha1(data));
    assertThat(fs.checksum("sum.bin", ChecksumAlgorithm.SHA1).hex())
        .isEqualTo(B2FaultToleranceTest.sha1(data));
  }

  @Test
  void write_localFile_usesModificationTimeAndPartsByPosition(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("f.bin");
    byte[] data = random(4500, 3);
    Files.write(file, data);
    Instant mtime = Instant.parse("2020-05-06T07:08:09Z");
    Files.setLastModifiedTime(file, FileTime.from(mtime));
    Filesystem fs = open();
    FileAttributes a = fs.write("f.bin", file, WriteOptions.DEFAULT);
    assertThat(a.lastModified()).isEqualTo(mtime);
    assertThat(versions("f.bin").get(0).contentSha1()).isEqualTo("none");
    assertThat(fs.read("f.bin")).isEqualTo(data);
  }

  @Test
  void write_streamFailingAfterParts_cancelsTheLargeFile() {
    Filesystem fs = open();
    InputStream failing =
        new InputStream() {
          private int n;

          @Override
          public int read() throws IOException {
            if (++n > 3000) {
              throw new IOException("source broke");
            }
            return n & 0xff;
          }
        };
    assertThatThrownBy(() -> fs.write("broken.bin", failing, WriteOptions.DEFAULT))
        .isInstanceOf(WriteFailedException.class);
    assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files()).isEmpty();
    assertThat(versions("")).isEmpty();
  }

  @Test
  void write_storageCapExceeded_failsWithQuotaExceededAndWritesNothing() {
    Filesystem fs = open();
    B2.emulator()
        .useFaults(
            FaultPlan.builder()
                .add("b2_get_upload_url", 1.0, new Fault.Status(403, "storage_cap_exceeded", null))
                .build());
    assertThatThrownBy(() -> fs.write("x.txt", "x"))
        .isInstanceOfSatisfying(
            WriteFailedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED));
    B2.emulator().useFaults(FaultPlan.NONE);
    assertThat(versions("")).isEmpty();
  }

  @Test
  void firstOperation_forceCapExceededTestMode_failsWithQuotaExceeded() {
    Filesystem fs =
        open(TestBuckets.config(B2.emulator(), bucket).testMode("force_cap_exceeded")); // no I/O
    assertThatThrownBy(() -> fs.list("docs").toList())
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED));
  }

  @Test
  void write_rateLimited_waitsAtLeastRetryAfter() {
    List<Duration> waits = new ArrayList<>();
    B2.emulator()
        .useFaults(
            FaultPlan.builder()
                .add("b2_get_upload_url", 1.0, Fault.tooManyRequests(Duration.ofSeconds(3)))
                .build());
    B2Adapter adapter =
        B2Adapter.create(
            client,
            TestBuckets.config(B2.emulator(), bucket).build(),
            d -> {
              waits.add(d);
              B2.emulator().useFaults(FaultPlan.NONE);
            });
    toClose.add(adapter);
    Filesystem.of(adapter).write("slow.txt", "x");
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void read_largeFileWithWrongSha1_failsWithIntegrityAtEnd() throws IOException {
    byte[] data = random(2000, 4);
    var started =
        client.startLargeFile(
            new B2StartLargeFileRequest(
                bucketId,
                "corrupt.bin",
                "b2/x-auto",
                Map.of("large_file_sha1", B2FaultToleranceTest.sha1(new byte[] {1}))));
    B2UploadUrl url = client.getUploadPartUrl(started.fileId());
    String p1 =
        client
            .uploadPart(url, 1, 1000, null, new ByteArrayInputStream(data, 0, 1000))
            .contentSha1();
    String p2 =
        client
            .uploadPart(url, 2, 1000, null, new ByteArrayInputStream(data, 1000, 1000))
            .contentSha1();
    client.finishLargeFile(started.fileId(), List.of(p1, p2));
    Filesystem fs = open();
    assertThatThrownBy(() -> fs.read("corrupt.bin"))
        .isInstanceOfSatisfying(
            ReadFailedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INTEGRITY));
    try (InputStream in = fs.readStream("corrupt.bin")) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(
              ReadFailedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INTEGRITY));
    }
    // A range that covers the whole file is checked like a whole read.
    try (InputStream in = fs.readStream("corrupt.bin", dev.stowage.ByteRange.of(0, 1999))) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(
              ReadFailedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INTEGRITY));
    }
    // A part of it is not (B2's SHA-1 covers the whole file) and returns the stored bytes.
    assertThat(fs.readStream("corrupt.bin", dev.stowage.ByteRange.of(0, 1998)))
        .hasBinaryContent(java.util.Arrays.copyOf(data, 1999));
  }

  @Test
  void read_connectionDropsMidBody_resumesSameVersionFromOffset() {
    Filesystem fs = open(TestBuckets.config(B2.emulator(), bucket).uploadCutoff(1_000_000));
    byte[] data = random(300_000, 6);
    fs.write("resume.bin", data);
    B2.emulator()
        .useFaults(
            FaultPlan.builder().add("b2_download_file_by_name", 1.0, new Fault.Truncate()).build());
    assertThat(fs.read("resume.bin")).isEqualTo(data);
    assertThat(fs.readStream("resume.bin", dev.stowage.ByteRange.of(1000, 250_000)))
        .hasBinaryContent(java.util.Arrays.copyOfRange(data, 1000, 250_001));
    Filesystem once =
        open(TestBuckets.config(B2.emulator(), bucket).retry(1, Duration.ZERO, Duration.ZERO));
    assertThatThrownBy(() -> once.read("resume.bin"))
        .isInstanceOfSatisfying(
            ReadFailedException.class,
            e ->
                assertThat(e.kind())
                    .isEqualTo(Kind.UNAVAILABLE)); // without resuming, the cut shows
  }

  @Test
  void read_range_returnsExactBytesAndPastEndIsUnsatisfiable() {
    Filesystem fs = open();
    fs.write("r.txt", "0123456789");
    assertThat(fs.readStream("r.txt", dev.stowage.ByteRange.of(3, 5)))
        .hasBinaryContent("345".getBytes());
    assertThatThrownBy(() -> fs.readStream("r.txt", dev.stowage.ByteRange.from(10)).read())
        .isInstanceOfSatisfying(
            ReadFailedException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.RANGE_NOT_SATISFIABLE));
  }

  @Test
  void delete_defaultMode_removesEveryVersion() {
    Filesystem fs = open();
    for (int i = 0; i < 3; i++) {
      fs.write("v.txt", "version " + i);
    }
    assertThat(versions("v.txt")).hasSize(3);
    fs.delete("v.txt");
    assertThat(versions("v.txt")).isEmpty();
  }

  @Test
  void delete_hideMode_hidesAndKeepsVersions() {
    Filesystem fs = open(TestBuckets.config(B2.emulator(), bucket).deleteMode(B2DeleteMode.HIDE));
    fs.write("h.txt", "one");
    fs.write("h.txt", "two");
    fs.delete("h.txt");
    assertThat(fs.fileExists("h.txt")).isFalse();
    assertThat(versions("h.txt"))
        .extracting(B2FileVersion::action)
        .containsExactly("hide", "upload", "upload");
    fs.delete("h.txt"); // already hidden: nothing to do, and no second hide marker
    assertThat(fs.fileExists("h.txt")).isFalse();
    assertThat(versions("h.txt"))
        .extracting(B2FileVersion::action)
        .containsExactly("hide", "upload", "upload");
  }

  @Test
  void deleteDirectory_removesAllVersionsAndUnfinishedFiles() {
    Filesystem fs = open();
    fs.write("d/a.txt", "a");
    fs.write("d/a.txt", "a2");
    fs.write("d/sub/b.txt", "b");
    fs.write("keep.txt", "k");
    client.startLargeFile(
        new B2StartLargeFileRequest(bucketId, "d/unfinished.bin", "b2/x-auto", Map.of()));
    fs.deleteDirectory("d");
    assertThat(versions("d/")).isEmpty();
    assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files()).isEmpty();
    assertThat(fs.fileExists("keep.txt")).isTrue();
  }

  @Test
  void createDirectory_writesBzEmptyMarkerHiddenFromListings() {
    Filesystem fs = open();
    fs.createDirectory("made");
    assertThat(versions("")).extracting(B2FileVersion::fileName).containsExactly("made/.bzEmpty");
    assertThat(fs.directoryExists("made")).isTrue();
    assertThat(fs.list("made").toList()).isEmpty();
    assertThat(fs.list("", true).toList())
        .extracting(StorageAttributes::path)
        .containsExactly("made");
  }

  @Test
  void copy_aboveCopyCutoff_usesPartsAndKeepsMetadata() {
    Filesystem fs = open(TestBuckets.config(B2.emulator(), bucket).copyCutoff(1000));
    byte[] data = random(2500, 5);
    fs.write(
        "src.bin",
        data,
        WriteOptions.builder().contentType("application/x-test").userMetadata("k", "v").build());
    FileAttributes copied = fs.copy("src.bin", "dst.bin");
    assertThat(fs.read("dst.bin")).isEqualTo(data);
    B2FileVersion v = versions("dst").get(0);
    assertThat(v.contentSha1()).isEqualTo("none");
    assertThat(v.contentType()).isEqualTo("application/x-test");
    assertThat(v.fileInfo())
        .containsEntry("k", "v")
        .containsEntry("large_file_sha1", B2FaultToleranceTest.sha1(data));
    assertThat(copied.checksums())
        .containsEntry(ChecksumAlgorithm.SHA1, B2FaultToleranceTest.sha1(data));
  }

  @Test
  void copy_withOptions_replacesOnlyWhatIsSet() {
    Filesystem fs = open();
    fs.write(
        "s.txt",
        "s",
        WriteOptions.builder()
            .contentType("text/plain")
            .cacheControl("no-cache")
            .userMetadata("a", "1")
            .build());
    fs.copy("s.txt", "t.txt", WriteOptions.builder().userMetadata("b", "2").build());
    FileAttributes t = fs.stat("t.txt");
    assertThat(t.userMetadata()).containsExactly(Map.entry("b", "2"));
    assertThat(t.cacheControl()).isEqualTo("no-cache");
    assertThat(t.contentType()).isEqualTo("text/plain");
  }

  @Test
  void move_removesEverySourceVersion() {
    Filesystem fs = open();
    fs.write("m.txt", "1");
    fs.write("m.txt", "2");
    fs.move("m.txt", "n.txt");
    assertThat(versions("m.txt")).isEmpty();
    assertThat(fs.readString("n.txt")).isEqualTo("2");
  }

  @Test
  void visibility_privateBucket_refusesPublicAndWritesNothing() {
    Filesystem fs = open();
    assertThat(fs.write("p.txt", "p").visibility()).isEqualTo(Visibility.PRIVATE);
    assertThatThrownBy(
            () ->
                fs.write(
                    "q.txt", "q", WriteOptions.builder().visibility(Visibility.PUBLIC).build()))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
    assertThatThrownBy(() -> fs.setVisibility("p.txt", Visibility.PUBLIC))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
    fs.setVisibility("p.txt", Visibility.PRIVATE);
    assertThat(versions("q")).isEmpty();
  }

  @Test
  void publicUrl_publicBucket_isFetchableAnonymously() throws IOException {
    String pub = "adapter-public";
    Filesystem fs = open(TestBuckets.config(B2.emulator(), pub).prefix("p"));
    assertThat(fs.capabilities().has(Capability.PUBLIC_URL)).isTrue();
    fs.write("dir/hello wörld+.txt", "public!");
    assertThat(fs.visibility("dir/hello wörld+.txt")).isEqualTo(Visibility.PUBLIC);
    URI url = fs.publicUrl("dir/hello wörld+.txt");
    assertThat(url.toString()).endsWith("/file/" + pub + "/p/dir/hello%20w%C3%B6rld%2B.txt");
    try (InputStream in = url.toURL().openStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("public!");
    }
  }

  @Test
  void temporaryUrl_readsOnlyFilesStartingWithItsName() throws IOException {
    Filesystem fs = open();
    fs.write("secret.txt", "s");
    fs.write("other.txt", "o");
    URI url = fs.temporaryUrl("secret.txt", Duration.ofMinutes(5));
    assertThat(status(url)).isEqualTo(200);
    URI other = URI.create(url.toString().replace("secret.txt", "other.txt"));
    assertThat(status(other)).isGreaterThanOrEqualTo(400);
  }

  @Test
  void temporaryUrl_defaultPrefixScope_alsoOpensNamesThatExtendIt() throws IOException {
    Filesystem fs = open();
    fs.write("share/report", "report");
    fs.write("share/report-confidential.txt", "confidential");
    URI url = fs.temporaryUrl("share/report", Duration.ofMinutes(5));
    assertThat(status(url)).isEqualTo(200);
    // B2 scopes the token by name prefix: the same token opens the longer name too (documented).
    URI longer =
        URI.create(url.toString().replace("share/report?", "share/report-confidential.txt?"));
    assertThat(longer).isNotEqualTo(url);
    assertThat(status(longer)).isEqualTo(200);
  }

  @Test
  void temporaryUrl_exactScope_isRefusedAsUnsupported() {
    Filesystem fs =
        open(
            TestBuckets.config(B2.emulator(), bucket)
                .temporaryUrlScope(B2Config.TemporaryUrlScope.EXACT));
    fs.write("share/report", "report");
    assertThatThrownBy(() -> fs.temporaryUrl("share/report", Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
              assertThat(e.getMessage()).contains("prefix");
            });
  }

  @Test
  void anyOperation_noCredentials_failsPermissionDeniedNamingTheVariables() {
    Filesystem fs =
        open(
            TestBuckets.config(B2.emulator(), bucket)
                .credentials(() -> B2Credentials.fromEnvironment(Map.of())));
    assertThatThrownBy(() -> fs.stat("a.txt"))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
              assertThat(e.getMessage())
                  .contains("a.txt")
                  .contains("B2_APPLICATION_KEY_ID")
                  .contains("B2_APPLICATION_KEY");
            });
  }

  @Test
  void abort_onInterruptedThread_cancelsTheLargeFileAndKeepsTheInterrupt() {
    B2Config config = TestBuckets.config(B2.emulator(), bucket).build();
    java.util.function.Function<Duration, dev.stowage.spi.Retrier> retriers =
        d -> dev.stowage.spi.Retrier.builder().maxAttempts(3).deadline(d).build();
    B2Context ctx =
        new B2Context(
            client,
            config,
            new Retries(retriers.apply(Duration.ofSeconds(10)), retriers),
            java.time.Clock.systemUTC());
    LargeFileSession session =
        LargeFileSession.start(ctx, "i.bin", null, "i.bin", "b2/x-auto", new java.util.HashMap<>());
    assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files()).hasSize(1);
    Thread.currentThread().interrupt();
    try {
      session.abort();
      assertThat(Thread.currentThread().isInterrupted()).as("interrupt restored").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files()).isEmpty();
  }

  @Test
  void write_interruptedWhileTheLargeFileIsBeingStarted_leavesNoUnfinishedFile() throws Exception {
    // b2_start_large_file creates the file, then its answer stalls and is cut off: every attempt
    // leaves a started file whose id the client never learns, and the writer is interrupted
    // while it waits. Once the writer has returned, no unfinished large file may remain.
    B2.emulator()
        .useFaults(
            FaultPlan.builder()
                .add("b2_start_large_file", 1.0, new Fault.Stall(Duration.ofMillis(500)))
                .build());
    Filesystem fs =
        open(
            TestBuckets.config(B2.emulator(), bucket)
                .timeouts(
                    new Timeouts(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))));
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    byte[] data = new byte[8 * 1024];
    new Random(5).nextBytes(data);
    Thread writer =
        new Thread(
            () -> {
              try {
                fs.write(
                    "started.bin", new java.io.ByteArrayInputStream(data), WriteOptions.DEFAULT);
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "start-writer");
    writer.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (client.listUnfinishedLargeFiles(bucketId, null, null, 100).files().isEmpty()) {
      assertThat(System.nanoTime()).as("a large file was started").isLessThan(until);
      Thread.sleep(5);
    }
    writer.interrupt(); // B2 has the file; the writer is still waiting for its id
    writer.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(writer.isAlive()).isFalse();
    B2.emulator().useFaults(FaultPlan.NONE);
    assertThat(failure.get()).as("the write fails").isNotNull();
    assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files())
        .as("unfinished large files")
        .isEmpty();
    assertThat(fs.fileExists("started.bin")).isFalse();
  }

  @Test
  void write_threadInterruptedMidStream_cancelsTheLargeFile() throws Exception {
    Filesystem fs = open();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    InputStream endless =
        new InputStream() {
          private final Random random = new Random(9);

          @Override
          public int read() {
            return random.nextInt(256);
          }

          @Override
          public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
              b[off + i] = (byte) random.nextInt(256);
            }
            return len;
          }
        };
    Thread writer =
        new Thread(
            () -> {
              try {
                fs.write("endless.bin", endless, WriteOptions.DEFAULT);
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "endless-writer");
    writer.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (client.listUnfinishedLargeFiles(bucketId, null, null, 100).files().isEmpty()) {
      assertThat(System.nanoTime()).as("a large file was started").isLessThan(until);
      Thread.sleep(5);
    }
    writer.interrupt();
    writer.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(writer.isAlive()).isFalse();
    assertThat(failure.get()).as("the interrupted write fails").isNotNull();
    assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files())
        .as("unfinished large files")
        .isEmpty();
    assertThat(fs.fileExists("endless.bin")).isFalse();
  }

  @Test
  void prepareUpload_ticket_isBucketScopedForADay() throws IOException {
    Filesystem fs = open();
    UploadTicket t =
        fs.prepareUpload(
            "up/ü.txt", Duration.ofMinutes(5), UploadConstraints.contentType("text/plain"));
    assertThat(t.method()).isEqualTo("POST");
    assertThat(t.scope()).isEqualTo(UploadScope.BUCKET);
    assertThat(t.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    assertThat(t.headers())
        .containsEntry("X-Bz-File-Name", "up/%C3%BC.txt")
        .containsEntry("X-Bz-Content-Sha1", "do_not_verify")
        .containsEntry("Content-Type", "text/plain");
    assertThat(t.toString()).doesNotContain(t.headers().get("Authorization"));
    HttpURLConnection c = (HttpURLConnection) t.url().toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    t.headers().forEach(c::setRequestProperty);
    c.getOutputStream().write("from a browser".getBytes(StandardCharsets.UTF_8));
    assertThat(c.getResponseCode()).isEqualTo(200);
    assertThat(fs.readString("up/ü.txt")).isEqualTo("from a browser");
  }

  @Test
  void bucketRestrictedKey_withoutListBuckets_readsAndWrites() {
    B2Key key =
        client.createKey(
            new B2CreateKeyRequest(
                "narrow",
                List.of("listFiles", "readFiles", "writeFiles", "deleteFiles"),
                null,
                bucketId,
                null));
    Filesystem fs =
        open(
            TestBuckets.config(B2.emulator(), bucket)
                .credentials(new B2Credentials(key.applicationKeyId(), key.applicationKey())));
    fs.write("n/x.txt", "x");
    assertThat(fs.readString("n/x.txt")).isEqualTo("x");
    assertThat(fs.list("n").toList()).hasSize(1);
    fs.delete("n/x.txt");
    assertThat(fs.fileExists("n/x.txt")).isFalse();
  }

  @Test
  void namePrefixKey_listsOnlyInsideItsPrefix() {
    B2Key key =
        client.createKey(
            new B2CreateKeyRequest(
                "prefixed",
                List.of("listBuckets", "listFiles", "readFiles", "writeFiles", "deleteFiles"),
                null,
                bucketId,
                "team/a/"));
    Filesystem fs =
        open(
            TestBuckets.config(B2.emulator(), bucket)
                .credentials(new B2Credentials(key.applicationKeyId(), key.applicationKey())));
    fs.write("team/a/doc.txt", "d");
    assertThat(fs.list("").toList()).extracting(StorageAttributes::path).containsExactly("team");
    assertThat(fs.list("team").toList())
        .extracting(StorageAttributes::path)
        .containsExactly("team/a");
    assertThat(fs.list("", true).toList())
        .extracting(StorageAttributes::path)
        .containsExactly("team", "team/a", "team/a/doc.txt");
    assertThat(fs.directoryExists("team")).isTrue();
    assertThatThrownBy(() -> fs.write("elsewhere.txt", "e"))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED));
  }

  @Test
  void firstOperation_wrongCredentials_failsWithPermissionDeniedWithoutTheKey() {
    Filesystem fs =
        open(
            TestBuckets.config(B2.emulator(), bucket)
                .credentials(new B2Credentials(B2.emulator().keyId(), "not-the-key"))); // no I/O
    assertThatThrownBy(() -> fs.list("docs").toList())
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
              assertThat(e.getMessage()).contains("list 'docs'");
              assertThat(e.getMessage())
                  .doesNotContain("not-the-key")
                  .doesNotContain(B2.emulator().keyId());
            });
  }

  @Test
  void firstOperation_missingBucket_failsWithBucketNotFoundNamingItsPath() {
    Filesystem fs = open(TestBuckets.config(B2.emulator(), "no-such-bucket-anywhere")); // no I/O
    assertThatThrownBy(() -> fs.write("reports/q1.txt", "x"))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND);
              assertThat(e.getMessage())
                  .contains("reports/q1.txt")
                  .contains("bucket not found (no bucket named no-such-bucket-anywhere");
            });
  }

  @Test
  void listAndRead_missingBucket_failInsteadOfReadingAsEmpty() {
    Filesystem fs = open(TestBuckets.config(B2.emulator(), "no-such-bucket-anywhere"));
    assertThatThrownBy(() -> fs.list("").iterator().hasNext())
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND));
    assertThatThrownBy(() -> fs.read("a.txt"))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND));
    assertThatThrownBy(() -> fs.delete("a.txt"))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND));
  }

  private static int status(URI url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }
}
