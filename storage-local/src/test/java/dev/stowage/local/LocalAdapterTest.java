package dev.stowage.local;

import static dev.stowage.local.LocalTesting.backendFailure;
import static dev.stowage.local.LocalTesting.failure;
import static dev.stowage.local.LocalTesting.mode;
import static dev.stowage.local.LocalTesting.temporaryFiles;
import static dev.stowage.local.LocalTesting.tree;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.CopyFailedException;
import dev.stowage.DeleteFailedException;
import dev.stowage.DirectoryFailedException;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.MetadataFailedException;
import dev.stowage.MoveFailedException;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageException.Kind;
import dev.stowage.UrlFailedException;
import dev.stowage.Visibility;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Unit tests of {@link LocalAdapter}: writes, reads, metadata, directories, copy and move. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalAdapterTest {

  @TempDir Path dir;
  private Path root;
  private LocalAdapter adapter;
  private Filesystem fs;

  @BeforeEach
  void setUp() {
    root = dir.resolve("root");
    adapter = LocalAdapter.of(root);
    fs = Filesystem.of(adapter);
  }

  // ---- construction and capabilities ----

  @Test
  void of_missingRoot_createsIt() {
    assertThat(root).isDirectory();
    assertThat(adapter.root()).isEqualTo(root);
  }

  @Test
  void of_missingRootWithoutCreateRoot_throwsIllegalArgument() {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(
            () -> LocalAdapter.of(LocalConfig.builder(missing).createRoot(false).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("createRoot");
    assertThat(missing).doesNotExist();
  }

  @Test
  void of_rootIsAFile_throwsIllegalArgument() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> LocalAdapter.of(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void of_rootThroughALink_resolvesItOnce() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link-to-root"), root);
    LocalAdapter viaLink = LocalAdapter.of(link);
    assertThat(viaLink.root()).isEqualTo(root.toRealPath());
    Filesystem.of(viaLink).write("a.txt", "through the configured link");
    assertThat(root.resolve("a.txt")).hasContent("through the configured link");
  }

  @Test
  void capabilities_defaults_declareLocalFeatures() {
    assertThat(adapter.capabilities().features())
        .contains(
            Capability.WRITE,
            Capability.CREATE_ONLY,
            Capability.RANGE_READ,
            Capability.RANGE_NOT_SATISFIABLE,
            Capability.LAST_MODIFIED,
            Capability.VISIBILITY_PER_OBJECT)
        .doesNotContain(
            Capability.IMPLICIT_DIRECTORIES,
            Capability.SORTED_LISTING,
            Capability.ETAG,
            Capability.VERSION_ID,
            Capability.PUBLIC_URL,
            Capability.TEMPORARY_URL,
            Capability.PREPARE_UPLOAD,
            Capability.MULTIPART);
    assertThat(adapter.capabilities().nativeChecksums()).isEmpty();
    assertThat(adapter.capabilities().maxSegmentBytes()).isEqualTo(255);
  }

  @Test
  void capabilities_xattrsWork_declareMetadata() {
    assumeTrue(LocalTesting.xattrsWork(root), "user extended attributes do not work here");
    assertThat(adapter.capabilities().features())
        .contains(
            Capability.CONTENT_TYPE,
            Capability.CACHE_CONTROL,
            Capability.CONTENT_DISPOSITION,
            Capability.CONTENT_ENCODING,
            Capability.USER_METADATA);
  }

  @Test
  void capabilities_xattrsDisabled_declareNoMetadata() {
    LocalAdapter plain =
        LocalAdapter.of(LocalConfig.builder(root).extendedAttributes(false).build());
    assertThat(plain.capabilities().features())
        .doesNotContain(
            Capability.CONTENT_TYPE,
            Capability.CACHE_CONTROL,
            Capability.CONTENT_DISPOSITION,
            Capability.CONTENT_ENCODING,
            Capability.USER_METADATA);
    Filesystem plainFs = Filesystem.of(plain);
    failure(
        WriteFailedException.class,
        Kind.UNSUPPORTED,
        () -> plainFs.write("a.txt", "x", WriteOptions.builder().cacheControl("no-cache").build()));
    assertThat(tree(root)).isEmpty();
  }

  @Test
  void capabilities_withoutPosix_haveNoVisibilityAndWritesKeepDefaultMode() {
    LocalAdapter noPosix = LocalAdapter.withFeatures(LocalConfig.of(root), false, false);
    assertThat(noPosix.capabilities().features()).doesNotContain(Capability.VISIBILITY_PER_OBJECT);
    FileAttributes written =
        noPosix.write(
            "a.txt",
            WriteSource.of(new byte[] {1}),
            WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    noPosix.write(
        "b.txt",
        WriteSource.of(new byte[] {1}),
        WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    assertThat(written.visibility()).isNull();
    assertThat(mode(root.resolve("a.txt")))
        .as("modes are left to the platform")
        .isEqualTo(mode(root.resolve("b.txt")));
    backendFailure(Kind.UNSUPPORTED, () -> noPosix.setVisibility("a.txt", Visibility.PUBLIC));
  }

  @Test
  void capabilities_maxPathBytes_leavesRoomForRootAndTemporaryName() {
    int rootBytes = root.toString().getBytes(UTF_8).length;
    assertThat(adapter.capabilities().maxPathBytes()).isEqualTo(4064 - rootBytes);
  }

  // ---- writes ----

  @Test
  void write_bytes_readBackIdentical() {
    FileAttributes a = fs.write("a/b/c.bin", new byte[] {0, 1, 2, (byte) 255});
    assertThat(fs.read("a/b/c.bin")).containsExactly(0, 1, 2, 255);
    assertThat(a.path()).isEqualTo("a/b/c.bin");
    assertThat(a.size()).isEqualTo(4);
    assertThat(a.lastModified()).isNotNull();
    assertThat(a.etag()).isNull();
    assertThat(a.version()).isNull();
  }

  @Test
  void write_streamOfUnknownLength_storesEverything() {
    byte[] data = new byte[300_000];
    new java.util.Random(1).nextBytes(data);
    fs.write("big.bin", new ByteArrayInputStream(data), WriteOptions.DEFAULT);
    assertThat(fs.read("big.bin")).isEqualTo(data);
  }

  @Test
  void write_fromLocalFile_copiesIt() throws IOException {
    Path source = Files.writeString(dir.resolve("source.txt"), "from a local file");
    fs.write("copy.txt", source, WriteOptions.DEFAULT);
    assertThat(fs.readString("copy.txt")).isEqualTo("from a local file");
  }

  @Test
  void write_missingParents_createsThemWithPublicDirectoryMode() {
    fs.write("x/y/z.txt", "deep", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(mode(root.resolve("x"))).isEqualTo("755");
    assertThat(mode(root.resolve("x/y"))).isEqualTo("755");
    assertThat(mode(root.resolve("x/y/z.txt"))).isEqualTo("600");
  }

  @Test
  void write_directoryVisibilityPrivate_createsPrivateParents() {
    Filesystem privateDirs =
        Filesystem.of(
            LocalAdapter.of(
                LocalConfig.builder(root).directoryVisibility(Visibility.PRIVATE).build()));
    privateDirs.write("p/q.txt", "x");
    assertThat(mode(root.resolve("p"))).isEqualTo("700");
  }

  @Test
  void write_visibility_setsConfiguredModesRegardlessOfUmask() {
    Filesystem custom =
        Filesystem.of(
            LocalAdapter.of(
                LocalConfig.builder(root)
                    .filePermissions(Visibility.PUBLIC, 0664)
                    .filePermissions(Visibility.PRIVATE, 0640)
                    .build()));
    custom.write("pub.txt", "p", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    custom.write("priv.txt", "p", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(mode(root.resolve("pub.txt"))).isEqualTo("664");
    assertThat(mode(root.resolve("priv.txt"))).isEqualTo("640");
    assertThat(custom.visibility("pub.txt")).isEqualTo(Visibility.PUBLIC);
    assertThat(custom.visibility("priv.txt")).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void write_overwrite_replacesContentAndVisibility() {
    fs.write("a.txt", "first", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs.write("a.txt", "second", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    assertThat(fs.readString("a.txt")).isEqualTo("second");
    assertThat(fs.visibility("a.txt")).isEqualTo(Visibility.PRIVATE);
    assertThat(tree(root)).containsExactly("a.txt");
  }

  @Test
  void write_sourceFailsHalfWay_leavesNeitherTargetNorTemporaryFile() {
    WriteFailedException e =
        failure(
            WriteFailedException.class,
            Kind.UNEXPECTED,
            () -> fs.write("d/new.bin", new FailingInputStream(200_000), WriteOptions.DEFAULT));
    assertThat(e.path()).isEqualTo("d/new.bin");
    assertThat(root.resolve("d/new.bin")).doesNotExist();
    assertThat(temporaryFiles(root)).isEmpty();
  }

  @Test
  void write_sourceFailsHalfWayOverExistingFile_keepsTheOldContent() {
    fs.write("keep.txt", "old content");
    failure(
        WriteFailedException.class,
        Kind.UNEXPECTED,
        () -> fs.write("keep.txt", new FailingInputStream(100_000), 500_000, WriteOptions.DEFAULT));
    assertThat(fs.readString("keep.txt")).isEqualTo("old content");
    assertThat(temporaryFiles(root)).isEmpty();
  }

  @Test
  void write_adapterDirectlyWithFailingSource_leavesNothing() {
    assertThatThrownBy(
            () ->
                adapter.write(
                    "direct.bin",
                    WriteSource.of(new FailingInputStream(70_000), -1),
                    WriteOptions.DEFAULT))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("reading the source failed")
        .hasRootCauseMessage("connection reset by the test");
    assertThat(tree(root)).isEmpty();
  }

  @Test
  void write_streamShorterThanDeclared_failsWithInvalidInputAndLeavesNothing() {
    failure(
        WriteFailedException.class,
        Kind.INVALID_INPUT,
        () ->
            fs.write(
                "short.txt", new ByteArrayInputStream(new byte[10]), 20, WriteOptions.DEFAULT));
    backendFailure(
        Kind.INVALID_INPUT,
        () ->
            adapter.write(
                "short2.txt",
                WriteSource.of(new ByteArrayInputStream(new byte[10]), 20),
                WriteOptions.DEFAULT));
    assertThat(tree(root)).isEmpty();
  }

  @Test
  void write_streamLongerThanDeclared_storesDeclaredLength() {
    adapter.write(
        "exact.txt",
        WriteSource.of(new ByteArrayInputStream("0123456789".getBytes(UTF_8)), 4),
        WriteOptions.DEFAULT);
    assertThat(fs.readString("exact.txt")).isEqualTo("0123");
  }

  @Test
  void write_threadInterrupted_leavesNoTemporaryFileAndKeepsTheInterrupt() {
    InputStream interrupting =
        new InputStream() {
          private int reads;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (reads++ == 1) {
              Thread.currentThread().interrupt();
            }
            return reads > 50 ? -1 : len;
          }
        };
    try {
      assertThatThrownBy(
              () ->
                  adapter.write(
                      "interrupted.bin", WriteSource.of(interrupting, -1), WriteOptions.DEFAULT))
          .isInstanceOf(BackendException.class)
          .hasRootCauseInstanceOf(java.nio.channels.ClosedByInterruptException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(tree(root)).isEmpty();
  }

  @Test
  void write_whereDirectoryExists_throwsIsADirectory() {
    fs.createDirectory("taken");
    failure(WriteFailedException.class, Kind.IS_A_DIRECTORY, () -> fs.write("taken", "x"));
    backendFailure(
        Kind.IS_A_DIRECTORY,
        () -> adapter.write("taken", WriteSource.of(new byte[1]), WriteOptions.DEFAULT));
    assertThat(tree(root)).containsExactly("taken");
  }

  @Test
  void write_belowAFile_throwsPreconditionFailed() {
    fs.write("file", "x");
    failure(
        WriteFailedException.class, Kind.PRECONDITION_FAILED, () -> fs.write("file/child", "y"));
    assertThat(tree(root)).containsExactly("file");
  }

  @Test
  void write_createOnly_failsWhenPresentAndKeepsTheFile() {
    WriteOptions createOnly = WriteOptions.builder().createOnly(true).build();
    fs.write("once.txt", "first", createOnly);
    failure(
        WriteFailedException.class,
        Kind.ALREADY_EXISTS,
        () -> fs.write("once.txt", "second", createOnly));
    assertThat(fs.readString("once.txt")).isEqualTo("first");
    assertThat(tree(root)).containsExactly("once.txt");
  }

  @Test
  void write_createOnlyRace_exactlyOneWins() throws Exception {
    WriteOptions createOnly = WriteOptions.builder().createOnly(true).build();
    int writers = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String content = "writer " + i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  fs.write("race.txt", content, createOnly);
                  return true;
                } catch (WriteFailedException e) {
                  assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS);
                  return false;
                }
              }));
    }
    start.countDown();
    int winners = 0;
    for (java.util.concurrent.Future<Boolean> r : results) {
      winners += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
    assertThat(fs.readString("race.txt")).startsWith("writer ");
    assertThat(tree(root)).containsExactly("race.txt");
  }

  @Test
  void write_reservedTemporaryName_throwsInvalidInput() {
    failure(
        WriteFailedException.class, Kind.INVALID_INPUT, () -> fs.write(".stowage-abc.tmp", "x"));
    failure(
        WriteFailedException.class,
        Kind.INVALID_INPUT,
        () -> fs.write(".stowage-x.tmp/a.txt", "x"));
    failure(
        DirectoryFailedException.class,
        Kind.INVALID_INPUT,
        () -> fs.createDirectory(".stowage-d.tmp"));
    assertThat(tree(root)).isEmpty();
  }

  @Test
  void write_metadata_storedInUserAttributes() {
    assumeTrue(adapter.capabilities().has(Capability.USER_METADATA), "no extended attributes here");
    WriteOptions options =
        WriteOptions.builder()
            .contentType("text/csv")
            .cacheControl("max-age=60")
            .contentDisposition("attachment")
            .contentEncoding("identity")
            .userMetadata(Map.of("owner", "ünïcode", "team", "b"))
            .build();
    FileAttributes written = fs.write("m.csv", "a,b", options);
    Path file = root.resolve("m.csv");
    assertThat(LocalTesting.xattrNames(file))
        .containsExactly(
            "stowage.cache-control",
            "stowage.content-disposition",
            "stowage.content-encoding",
            "stowage.content-type",
            "stowage.meta.owner",
            "stowage.meta.team");
    assertThat(LocalTesting.xattr(file, "stowage.meta.owner")).isEqualTo("ünïcode");
    FileAttributes stat = fs.stat("m.csv");
    assertThat(stat).isEqualTo(written);
    assertThat(stat.contentType()).isEqualTo("text/csv");
    assertThat(stat.cacheControl()).isEqualTo("max-age=60");
    assertThat(stat.contentDisposition()).isEqualTo("attachment");
    assertThat(stat.contentEncoding()).isEqualTo("identity");
    assertThat(stat.userMetadata()).isEqualTo(Map.of("owner", "ünïcode", "team", "b"));
  }

  @Test
  void write_metadataTooLargeForTheFilesystem_failsAndLeavesNothing() {
    assumeTrue(adapter.capabilities().has(Capability.USER_METADATA), "no extended attributes here");
    WriteOptions huge = WriteOptions.builder().userMetadata("big", "v".repeat(70_000)).build();
    BackendException e =
        backendFailure(
            Kind.INVALID_INPUT, () -> adapter.write("huge.txt", WriteSource.of(new byte[1]), huge));
    assertThat(e.getMessage()).contains("refused the metadata");
    assertThat(tree(root)).isEmpty();
  }

  // ---- reads ----

  @Test
  void read_ranges_returnExactlyThoseBytes() throws IOException {
    fs.write("r.txt", "0123456789");
    assertThat(readAll(fs.readStream("r.txt", ByteRange.of(2, 4)))).isEqualTo("234");
    assertThat(readAll(fs.readStream("r.txt", ByteRange.from(7)))).isEqualTo("789");
    assertThat(readAll(fs.readStream("r.txt", ByteRange.last(3)))).isEqualTo("789");
    assertThat(readAll(fs.readStream("r.txt", ByteRange.of(8, 100)))).isEqualTo("89");
    assertThat(readAll(fs.readStream("r.txt", ByteRange.last(50)))).isEqualTo("0123456789");
  }

  @Test
  void read_rangePastTheEnd_throwsRangeNotSatisfiable() {
    fs.write("r.txt", "0123456789");
    failure(
        ReadFailedException.class,
        Kind.RANGE_NOT_SATISFIABLE,
        () -> fs.readStream("r.txt", ByteRange.from(10)));
    backendFailure(Kind.RANGE_NOT_SATISFIABLE, () -> adapter.read("r.txt", ByteRange.of(20, 30)));
  }

  @Test
  void read_rangeSkip_staysInsideTheRange() throws IOException {
    fs.write("r.txt", "0123456789");
    try (InputStream in = fs.readStream("r.txt", ByteRange.of(2, 6))) {
      assertThat(in.skip(2)).isEqualTo(2);
      assertThat(in.available()).isEqualTo(3);
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("456");
      assertThat(in.skip(5)).isZero();
    }
  }

  @Test
  void read_missingOrDirectory_throwsTypedErrors() {
    fs.createDirectory("dir");
    failure(ReadFailedException.class, Kind.NOT_FOUND, () -> fs.read("nope.txt"));
    failure(ReadFailedException.class, Kind.NOT_FOUND, () -> fs.read("nope/deeper.txt"));
    failure(ReadFailedException.class, Kind.IS_A_DIRECTORY, () -> fs.read("dir"));
    backendFailure(Kind.IS_A_DIRECTORY, () -> adapter.read("dir", null));
  }

  @Test
  void read_belowAFile_throwsNotFound() {
    fs.write("file", "x");
    failure(ReadFailedException.class, Kind.NOT_FOUND, () -> fs.read("file/child"));
    assertThat(fs.fileExists("file/child")).isFalse();
  }

  @Test
  void read_streamOpen_survivesReplacementOfTheFile() throws IOException {
    fs.write("swap.txt", "old bytes");
    try (InputStream in = fs.readStream("swap.txt")) {
      fs.write("swap.txt", "new bytes, longer");
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("old bytes");
    }
  }

  /**
   * Permission bits do not restrict root, and the build runs as root here and in CI; so as root
   * the case runs in a child JVM as user 65534 (see {@link Unprivileged}), otherwise in this JVM.
   */
  @Test
  void read_unreadableDirectory_throwsPermissionDenied() throws Exception {
    List<String> outcomes;
    if (LocalTesting.runningAsRoot()) {
      StringBuilder why = new StringBuilder();
      Optional<List<String>> switcher = Unprivileged.switcher(why);
      org.junit.jupiter.api.Assumptions.assumeTrue(
          switcher.isPresent(),
          "running as root and cannot switch to an unprivileged user: " + why);
      LocalTesting.chmod(dir, "rwx--x--x");
      Path scratch = Files.createDirectory(dir.resolve("unprivileged"));
      Unprivileged.Result child =
          Unprivileged.run(
              switcher.get(),
              scratch,
              PermissionProbe.class,
              List.of(
                  Filesystem.class,
                  LocalAdapter.class,
                  org.slf4j.LoggerFactory.class,
                  org.apache.tika.Tika.class),
              scratch.resolve("root").toString());
      assertThat(child.exitCode()).as("child exit; stderr: %s", child.stderr()).isZero();
      outcomes = child.stdout();
      assertThat(outcomes.get(0)).as("the child's user").isNotEqualTo("user root");
    } else {
      outcomes = PermissionProbe.run(root);
      assertThat(outcomes.get(0)).as("this JVM's user").isNotEqualTo("user root");
    }
    assertThat(outcomes.subList(1, outcomes.size()))
        .containsExactly(
            "readBefore ok",
            "read ReadFailedException PERMISSION_DENIED",
            "write WriteFailedException PERMISSION_DENIED",
            "readAfter ok");
  }

  // ---- metadata ----

  @Test
  void stat_reportsSizeTimeAndVisibility() {
    Instant before = Instant.now().minusSeconds(30);
    fs.write("s.txt", "12345", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    FileAttributes a = fs.stat("s.txt");
    assertThat(a.size()).isEqualTo(5);
    assertThat(a.lastModified()).isAfter(before);
    assertThat(a.visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void stat_foreignModes_mapToTheNearestVisibility() throws IOException {
    Path file = Files.writeString(root.resolve("foreign.txt"), "made elsewhere");
    LocalTesting.chmod(file, "rw-r-----");
    assertThat(fs.visibility("foreign.txt")).isEqualTo(Visibility.PUBLIC);
    LocalTesting.chmod(file, "r--------");
    assertThat(fs.visibility("foreign.txt")).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void stat_directory_throwsIsADirectory() {
    fs.createDirectory("d");
    failure(MetadataFailedException.class, Kind.IS_A_DIRECTORY, () -> fs.stat("d"));
    backendFailure(Kind.IS_A_DIRECTORY, () -> adapter.stat("d"));
    failure(MetadataFailedException.class, Kind.NOT_FOUND, () -> fs.stat("missing"));
  }

  @Test
  void setVisibility_roundTrips() {
    fs.write("v.txt", "x", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs.setVisibility("v.txt", Visibility.PRIVATE);
    assertThat(mode(root.resolve("v.txt"))).isEqualTo("600");
    fs.setVisibility("v.txt", Visibility.PUBLIC);
    assertThat(mode(root.resolve("v.txt"))).isEqualTo("644");
    failure(
        dev.stowage.VisibilityFailedException.class,
        Kind.NOT_FOUND,
        () -> fs.setVisibility("missing.txt", Visibility.PUBLIC));
  }

  @Test
  void checksum_isStreamedByTheFacade() {
    fs.write("c.txt", "foobar");
    assertThat(adapter.checksum("c.txt", dev.stowage.ChecksumAlgorithm.MD5)).isEmpty();
    assertThat(fs.checksum("c.txt").hex()).isEqualTo("3858f62230ac3c915f300c664312c63f");
  }

  // ---- directories and delete ----

  @Test
  void createDirectory_isIdempotentAndKeepsAnExistingMode() {
    fs.createDirectory("d", Visibility.PRIVATE);
    fs.createDirectory("d", Visibility.PUBLIC);
    assertThat(mode(root.resolve("d"))).isEqualTo("700");
    assertThat(fs.directoryExists("d")).isTrue();
  }

  @Test
  void createDirectory_nested_givesEveryCreatedLevelTheVisibility() {
    fs.createDirectory("a/b/c", Visibility.PRIVATE);
    assertThat(mode(root.resolve("a"))).isEqualTo("700");
    assertThat(mode(root.resolve("a/b/c"))).isEqualTo("700");
  }

  @Test
  void createDirectory_whereAFileIs_throwsAlreadyExists() {
    fs.write("f", "x");
    failure(DirectoryFailedException.class, Kind.ALREADY_EXISTS, () -> fs.createDirectory("f"));
    backendFailure(Kind.ALREADY_EXISTS, () -> adapter.createDirectory("f", Visibility.PUBLIC));
    failure(
        DirectoryFailedException.class,
        Kind.PRECONDITION_FAILED,
        () -> fs.createDirectory("f/sub"));
    assertThat(tree(root)).containsExactly("f");
  }

  @Test
  void delete_lastFile_keepsItsDirectory() {
    fs.write("d/only.txt", "x");
    fs.delete("d/only.txt");
    assertThat(fs.directoryExists("d")).isTrue();
    assertThat(tree(root)).containsExactly("d");
  }

  @Test
  void delete_missingFile_succeeds() {
    fs.delete("never.txt");
    fs.delete("never/deeper.txt");
    assertThat(tree(root)).isEmpty();
  }

  @Test
  void delete_directory_throwsIsADirectory() {
    fs.write("d/x.txt", "x");
    failure(DeleteFailedException.class, Kind.IS_A_DIRECTORY, () -> fs.delete("d"));
    backendFailure(Kind.IS_A_DIRECTORY, () -> adapter.delete("d"));
    assertThat(tree(root)).containsExactly("d", "d/x.txt");
  }

  @Test
  void deleteDirectory_removesTheWholeTreeButNotItsSibling() {
    fs.write("a/1.txt", "1");
    fs.write("a/b/2.txt", "2");
    fs.createDirectory("a/empty");
    fs.write("ab/3.txt", "3");
    fs.deleteDirectory("a");
    assertThat(tree(root)).containsExactly("ab", "ab/3.txt");
  }

  @Test
  void deleteDirectory_missingOrAFile_doesNothing() {
    fs.write("f.txt", "x");
    fs.deleteDirectory("missing");
    fs.deleteDirectory("f.txt");
    assertThat(tree(root)).containsExactly("f.txt");
  }

  @Test
  void deleteDirectory_root_isRefused() {
    fs.write("x.txt", "x");
    backendFailure(Kind.INVALID_INPUT, () -> adapter.deleteDirectory(""));
    assertThat(tree(root)).containsExactly("x.txt");
  }

  @Test
  void deleteDirectory_deepTree_succeeds() {
    StringBuilder path = new StringBuilder("deep");
    for (int i = 0; i < 60; i++) {
      path.append("/l").append(i);
    }
    fs.write(path + "/leaf.txt", "leaf");
    fs.deleteDirectory("deep");
    assertThat(tree(root)).isEmpty();
  }

  // ---- copy and move ----

  @Test
  void copy_keepsModeAndMetadataUnlessOverridden() {
    WriteOptions.Builder options = WriteOptions.builder().visibility(Visibility.PRIVATE);
    boolean metadata = adapter.capabilities().has(Capability.USER_METADATA);
    if (metadata) {
      options.contentType("text/x-kept").userMetadata("k", "v");
    }
    fs.write("src.txt", "copy me", options.build());
    FileAttributes kept = fs.copy("src.txt", "new/dir/kept.txt");
    assertThat(kept.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(fs.readString("new/dir/kept.txt")).isEqualTo("copy me");
    assertThat(fs.readString("src.txt")).isEqualTo("copy me");
    WriteOptions.Builder override = WriteOptions.builder().visibility(Visibility.PUBLIC);
    if (metadata) {
      assertThat(kept.contentType()).isEqualTo("text/x-kept");
      assertThat(kept.userMetadata()).isEqualTo(Map.of("k", "v"));
      override.contentType("text/x-new").userMetadata("n", "w");
    }
    FileAttributes changed = fs.copy("src.txt", "changed.txt", override.build());
    assertThat(changed.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(mode(root.resolve("changed.txt"))).isEqualTo("644");
    if (metadata) {
      assertThat(changed.contentType()).isEqualTo("text/x-new");
      assertThat(changed.userMetadata()).isEqualTo(Map.of("n", "w"));
    }
    assertThat(temporaryFiles(root)).isEmpty();
  }

  @Test
  void copy_ontoItself_keepsTheFile() {
    fs.write("same.txt", "same");
    adapter.copy("same.txt", "same.txt", WriteOptions.DEFAULT);
    assertThat(fs.readString("same.txt")).isEqualTo("same");
    assertThat(tree(root)).containsExactly("same.txt");
  }

  @Test
  void copy_missingSourceOrDirectory_throwsTypedErrors() {
    fs.createDirectory("d");
    failure(CopyFailedException.class, Kind.NOT_FOUND, () -> fs.copy("missing", "x"));
    failure(CopyFailedException.class, Kind.IS_A_DIRECTORY, () -> fs.copy("d", "x"));
    fs.write("f", "x");
    backendFailure(Kind.IS_A_DIRECTORY, () -> adapter.copy("f", "d", WriteOptions.DEFAULT));
    backendFailure(
        Kind.ALREADY_EXISTS,
        () -> adapter.copy("f", "f", WriteOptions.builder().createOnly(true).build()));
    assertThat(tree(root)).containsExactly("d", "f");
  }

  @Test
  void move_renamesTheSameFile() throws IOException {
    fs.write("from.txt", "moving", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    Object key =
        Files.readAttributes(
                root.resolve("from.txt"), java.nio.file.attribute.BasicFileAttributes.class)
            .fileKey();
    FileAttributes moved = fs.move("from.txt", "to/here.txt");
    assertThat(moved.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(
            Files.readAttributes(
                    root.resolve("to/here.txt"), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey())
        .as("same inode")
        .isEqualTo(key);
    assertThat(tree(root)).containsExactly("to", "to/here.txt");
  }

  @Test
  void move_withOptions_overridesBeforePublishing() {
    fs.write("from.txt", "x", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    WriteOptions.Builder options = WriteOptions.builder().visibility(Visibility.PUBLIC);
    boolean metadata = adapter.capabilities().has(Capability.CONTENT_TYPE);
    if (metadata) {
      options.contentType("text/x-moved");
    }
    FileAttributes moved = fs.move("from.txt", "to.txt", options.build());
    assertThat(moved.visibility()).isEqualTo(Visibility.PUBLIC);
    if (metadata) {
      assertThat(moved.contentType()).isEqualTo("text/x-moved");
    }
    assertThat(tree(root)).containsExactly("to.txt");
  }

  @Test
  void move_createOnlyOntoExisting_failsAndKeepsBoth() {
    fs.write("a.txt", "a");
    fs.write("b.txt", "b");
    failure(
        MoveFailedException.class,
        Kind.ALREADY_EXISTS,
        () -> fs.move("a.txt", "b.txt", WriteOptions.builder().createOnly(true).build()));
    assertThat(fs.readString("a.txt")).isEqualTo("a");
    assertThat(fs.readString("b.txt")).isEqualTo("b");
    assertThat(tree(root)).containsExactly("a.txt", "b.txt");
  }

  @Test
  void move_ontoDirectoryOrBelowFile_failsAndKeepsTheSource() {
    fs.write("a.txt", "a");
    fs.write("file", "f");
    fs.createDirectory("dir");
    backendFailure(Kind.IS_A_DIRECTORY, () -> adapter.move("a.txt", "dir", WriteOptions.DEFAULT));
    failure(
        MoveFailedException.class, Kind.PRECONDITION_FAILED, () -> fs.move("a.txt", "file/a.txt"));
    failure(MoveFailedException.class, Kind.NOT_FOUND, () -> fs.move("missing", "x"));
    assertThat(tree(root)).containsExactly("a.txt", "dir", "file");
  }

  @Test
  void move_ontoItself_keepsTheFile() {
    fs.write("same.txt", "same");
    adapter.move("same.txt", "same.txt", WriteOptions.DEFAULT);
    assertThat(fs.readString("same.txt")).isEqualTo("same");
    assertThat(tree(root)).containsExactly("same.txt");
  }

  // ---- URLs and paths ----

  @Test
  void publicUrl_percentEncodesEachSegment() {
    LocalAdapter withUrls =
        LocalAdapter.of(
            LocalConfig.builder(root)
                .publicUrlBase(URI.create("https://cdn.example.com/files"))
                .build());
    assertThat(withUrls.capabilities().has(Capability.PUBLIC_URL)).isTrue();
    assertThat(Filesystem.of(withUrls).publicUrl("a b/ü?#%.txt"))
        .isEqualTo(URI.create("https://cdn.example.com/files/a%20b/%C3%BC%3F%23%25.txt"));
  }

  @Test
  void urls_unsupported_throwUnsupported() {
    failure(UrlFailedException.class, Kind.UNSUPPORTED, () -> fs.publicUrl("a.txt"));
    backendFailure(Kind.UNSUPPORTED, () -> adapter.publicUrl("a.txt"));
    backendFailure(Kind.UNSUPPORTED, () -> adapter.temporaryUrl("a.txt", Duration.ofMinutes(1)));
    backendFailure(
        Kind.UNSUPPORTED, () -> adapter.prepareUpload("a.txt", Duration.ofMinutes(1), null));
  }

  @Test
  void adapter_unnormalisedPaths_areRejectedBeforeAnyIo() throws IOException {
    Files.writeString(dir.resolve("outside.txt"), "outside");
    for (String bad :
        new String[] {
          "../outside.txt", "/etc/passwd", "a//b", "a/./b", "a/../../outside.txt", "a/"
        }) {
      backendFailure(Kind.INVALID_INPUT, () -> adapter.read(bad, null));
      backendFailure(
          Kind.INVALID_INPUT,
          () -> adapter.write(bad, WriteSource.of(new byte[1]), WriteOptions.DEFAULT));
      backendFailure(Kind.INVALID_INPUT, () -> adapter.delete(bad));
    }
    assertThat(tree(root)).isEmpty();
    assertThat(dir.resolve("outside.txt")).hasContent("outside");
  }

  @Test
  void adapter_nameTooLongForTheDisk_throwsInvalidInput() {
    String longName = "n".repeat(300);
    backendFailure(
        Kind.INVALID_INPUT,
        () -> adapter.write(longName, WriteSource.of(new byte[1]), WriteOptions.DEFAULT));
    assertThat(tree(root)).isEmpty();
  }

  @Test
  void toString_namesRootAndPolicy() {
    assertThat(adapter.toString()).contains(root.toString()).contains("SKIP");
  }

  private static String readAll(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }
}
