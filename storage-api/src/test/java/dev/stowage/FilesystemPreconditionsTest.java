package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.MemoryAdapter;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Everything the facade refuses, and that it refuses before any adapter call. */
class FilesystemPreconditionsTest {

  private static final Capabilities BARE =
      Capabilities.builder().maxPathBytes(64).maxSegmentBytes(16).build();

  private final MemoryAdapter memory = MemoryAdapter.create();

  private RecordingAdapter recording(Capabilities caps) {
    return new RecordingAdapter(memory, caps);
  }

  private static void assertRefused(
      RecordingAdapter adapter,
      ThrowingCallable call,
      Class<? extends StorageException> type,
      Kind kind) {
    assertThatThrownBy(call)
        .isInstanceOf(type)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(kind);
    assertThat(adapter.calls()).as("adapter calls").isEmpty();
  }

  @Test
  void mutators_withoutWrite_failUnsupportedBeforeIo() {
    RecordingAdapter a = recording(BARE);
    Filesystem fs = Filesystem.of(a);
    assertRefused(a, () -> fs.write("f", "x"), WriteFailedException.class, Kind.UNSUPPORTED);
    assertRefused(
        a, () -> fs.write("f", new byte[1]), WriteFailedException.class, Kind.UNSUPPORTED);
    assertRefused(
        a,
        () -> fs.write("f", new ByteArrayInputStream(new byte[1]), WriteOptions.DEFAULT),
        WriteFailedException.class,
        Kind.UNSUPPORTED);
    assertRefused(
        a,
        () -> fs.openOutputStream("f", WriteOptions.DEFAULT),
        WriteFailedException.class,
        Kind.UNSUPPORTED);
    assertRefused(a, () -> fs.copy("a", "b"), CopyFailedException.class, Kind.UNSUPPORTED);
    assertRefused(a, () -> fs.move("a", "b"), MoveFailedException.class, Kind.UNSUPPORTED);
    assertRefused(a, () -> fs.delete("a"), DeleteFailedException.class, Kind.UNSUPPORTED);
    assertRefused(
        a, () -> fs.createDirectory("d"), DirectoryFailedException.class, Kind.UNSUPPORTED);
    assertRefused(
        a, () -> fs.deleteDirectory("d"), DirectoryFailedException.class, Kind.UNSUPPORTED);
    assertRefused(
        a,
        () -> fs.setVisibility("a", Visibility.PUBLIC),
        VisibilityFailedException.class,
        Kind.UNSUPPORTED);
  }

  @Test
  void writeOptions_withoutTheirCapabilities_failUnsupportedBeforeIo() {
    RecordingAdapter a = recording(Capabilities.builder().add(Capability.WRITE).build());
    Filesystem fs = Filesystem.of(a);
    WriteOptions[] options = {
      WriteOptions.builder().contentType("text/plain").build(),
      WriteOptions.builder().cacheControl("no-cache").build(),
      WriteOptions.builder().contentDisposition("attachment").build(),
      WriteOptions.builder().contentEncoding("gzip").build(),
      WriteOptions.builder().userMetadata("k", "v").build(),
      WriteOptions.builder().createOnly(true).build(),
      WriteOptions.builder().visibility(Visibility.PUBLIC).build(),
    };
    for (WriteOptions o : options) {
      assertRefused(a, () -> fs.write("f", "x", o), WriteFailedException.class, Kind.UNSUPPORTED);
      assertRefused(a, () -> fs.copy("f", "g", o), CopyFailedException.class, Kind.UNSUPPORTED);
      assertRefused(a, () -> fs.move("f", "g", o), MoveFailedException.class, Kind.UNSUPPORTED);
    }
    assertRefused(
        a,
        () -> fs.createDirectory("d", Visibility.PUBLIC),
        DirectoryFailedException.class,
        Kind.UNSUPPORTED);
    assertRefused(
        a,
        () -> fs.setVisibility("f", Visibility.PUBLIC),
        VisibilityFailedException.class,
        Kind.UNSUPPORTED);
  }

  @Test
  void visibility_onBucketLevelAdapter_isPassedToTheAdapter() {
    Capabilities bucket =
        memory.capabilities().toBuilder()
            .remove(Capability.VISIBILITY_PER_OBJECT)
            .add(Capability.VISIBILITY_BUCKET_LEVEL)
            .build();
    RecordingAdapter a = recording(bucket);
    Filesystem.of(a).write("f", "x", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    assertThat(a.calls()).contains("write f");
  }

  @Test
  void urls_withoutTheirCapabilities_failUnsupportedBeforeIo() {
    RecordingAdapter a = recording(BARE);
    Filesystem fs = Filesystem.of(a);
    assertRefused(a, () -> fs.publicUrl("f"), UrlFailedException.class, Kind.UNSUPPORTED);
    assertRefused(
        a,
        () -> fs.temporaryUrl("f", Duration.ofMinutes(1)),
        UrlFailedException.class,
        Kind.UNSUPPORTED);
    assertRefused(
        a,
        () -> fs.prepareUpload("f", Duration.ofMinutes(1), UploadConstraints.NONE),
        UrlFailedException.class,
        Kind.UNSUPPORTED);
  }

  @Test
  void temporaryUrl_badLifetimes_failInvalidInputBeforeIo() {
    RecordingAdapter a =
        recording(
            Capabilities.builder()
                .add(Capability.TEMPORARY_URL, Capability.PREPARE_UPLOAD)
                .maxTemporaryUrlTtl(Duration.ofHours(1))
                .build());
    Filesystem fs = Filesystem.of(a);
    for (Duration ttl :
        new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMinutes(61), null}) {
      assertRefused(
          a, () -> fs.temporaryUrl("f", ttl), UrlFailedException.class, Kind.INVALID_INPUT);
      assertRefused(
          a,
          () -> fs.prepareUpload("f", ttl, UploadConstraints.NONE),
          UrlFailedException.class,
          Kind.INVALID_INPUT);
    }
  }

  @Test
  void rangeRead_withoutRangeCapability_failsUnsupportedBeforeIo() {
    RecordingAdapter a = recording(BARE);
    assertRefused(
        a,
        () -> Filesystem.of(a).readStream("f", ByteRange.of(0, 1)),
        ReadFailedException.class,
        Kind.UNSUPPORTED);
  }

  @Test
  void rangeRead_invalidRanges_failInvalidInputBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.of(a);
    for (ByteRange r :
        new ByteRange[] {
          ByteRange.of(5, 4), ByteRange.of(-1, 3), ByteRange.from(-2), ByteRange.last(-1)
        }) {
      assertRefused(a, () -> fs.readStream("f", r), ReadFailedException.class, Kind.INVALID_INPUT);
    }
  }

  @Test
  void userMetadata_badKeysOrValues_failInvalidInputBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.of(a);
    String[][] bad = {
      {"", "v"},
      {"with space", "v"},
      {"ümlaut", "v"},
      {"dot.key", "v"},
      {"k", "line\nbreak"},
      {"k", "tab\there"},
      {"colon:", "v"}
    };
    for (String[] kv : bad) {
      WriteOptions o = WriteOptions.builder().userMetadata(kv[0], kv[1]).build();
      assertRefused(a, () -> fs.write("f", "x", o), WriteFailedException.class, Kind.INVALID_INPUT);
    }
    assertThat(memory.fileExists("f")).isFalse();
  }

  @Test
  void userMetadata_upperCaseKeys_areLowercasedAndAccepted() {
    Filesystem fs = Filesystem.of(memory);
    fs.write("f", "x", WriteOptions.builder().userMetadata("Camel-Key_1", "value ü").build());
    assertThat(fs.stat("f").userMetadata()).containsEntry("camel-key_1", "value ü");
  }

  @Test
  void headers_withControlCharacters_failInvalidInputBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.of(a);
    assertRefused(
        a,
        () -> fs.write("f", "x", WriteOptions.builder().contentType("text/plain\r\nX: y").build()),
        WriteFailedException.class,
        Kind.INVALID_INPUT);
    assertRefused(
        a,
        () -> fs.write("f", "x", WriteOptions.builder().cacheControl("").build()),
        WriteFailedException.class,
        Kind.INVALID_INPUT);
  }

  @Test
  void contentType_malformed_failsInvalidInputBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.of(a);
    for (String bad : new String[] {"no-slash", "text/", "/plain", "text plain/x", "a/b/c"}) {
      assertRefused(
          a,
          () -> fs.write("f", "x", WriteOptions.builder().contentType(bad).build()),
          WriteFailedException.class,
          Kind.INVALID_INPUT);
    }
    fs.write("ok", "x", WriteOptions.builder().contentType("text/plain; charset=utf-8").build());
    assertThat(fs.stat("ok").contentType()).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void prepareUpload_badConstraints_failBeforeIo() {
    RecordingAdapter a = recording(Capabilities.builder().add(Capability.PREPARE_UPLOAD).build());
    Filesystem fs = Filesystem.of(a);
    assertRefused(
        a,
        () ->
            fs.prepareUpload(
                "f", Duration.ofMinutes(5), UploadConstraints.contentType("a\r\nb: c")),
        UrlFailedException.class,
        Kind.INVALID_INPUT);
    assertRefused(
        a,
        () ->
            fs.prepareUpload(
                "f", Duration.ofMinutes(5), new UploadConstraints(null, -1, Visibility.PUBLIC)),
        UrlFailedException.class,
        Kind.UNSUPPORTED);
  }

  @Test
  void checksum_unknownAlgorithmName_failsInvalidInputBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    assertRefused(
        a,
        () -> Filesystem.of(a).checksum("f", "whirlpool"),
        ChecksumFailedException.class,
        Kind.INVALID_INPUT);
  }

  @Test
  void write_negativeLength_failsInvalidInputBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    assertRefused(
        a,
        () ->
            Filesystem.of(a)
                .write("f", new ByteArrayInputStream(new byte[0]), -1, WriteOptions.DEFAULT),
        WriteFailedException.class,
        Kind.INVALID_INPUT);
  }

  @Test
  void paths_overTheAdapterLimits_areRejectedBeforeIo() {
    RecordingAdapter a = recording(BARE);
    Filesystem fs = Filesystem.of(a);
    assertRefused(
        a, () -> fs.fileExists("x".repeat(17)), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(
        a,
        () -> fs.read("a/".repeat(30) + "b".repeat(10)),
        PathRejectedException.class,
        Kind.INVALID_INPUT);
  }

  @Test
  void paths_traversalAndControlCharacters_areRejectedBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.of(a);
    assertRefused(
        a, () -> fs.write("../escape", "x"), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(a, () -> fs.read("a/../../b"), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(
        a, () -> fs.write("nul\u0000", "x"), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(a, () -> fs.list("bad\ud800"), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(
        a, () -> fs.copy("ok", "../../x"), PathRejectedException.class, Kind.INVALID_INPUT);
  }

  @Test
  void fileOperations_onTheRoot_areRejected() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.of(a);
    assertRefused(a, () -> fs.read(""), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(a, () -> fs.stat("/"), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(a, () -> fs.delete("."), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(a, () -> fs.checksum("a/.."), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(a, () -> fs.write("", "x"), PathRejectedException.class, Kind.INVALID_INPUT);
    assertRefused(a, () -> fs.copy("", "x"), PathRejectedException.class, Kind.INVALID_INPUT);
    assertThatThrownBy(() -> fs.read("")).hasMessageContaining("the root is not a file");
  }

  @Test
  void writeDestination_endingWithSlash_failsIsADirectoryBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.of(a);
    assertRefused(a, () -> fs.write("dir/", "x"), WriteFailedException.class, Kind.IS_A_DIRECTORY);
    assertRefused(a, () -> fs.write("dir\\", "x"), WriteFailedException.class, Kind.IS_A_DIRECTORY);
    assertRefused(a, () -> fs.write("/", "x"), WriteFailedException.class, Kind.IS_A_DIRECTORY);
    assertRefused(
        a,
        () -> fs.openOutputStream("dir/", WriteOptions.DEFAULT),
        WriteFailedException.class,
        Kind.IS_A_DIRECTORY);
    assertRefused(a, () -> fs.copy("f", "dir/"), CopyFailedException.class, Kind.IS_A_DIRECTORY);
    assertRefused(a, () -> fs.move("f", "dir/"), MoveFailedException.class, Kind.IS_A_DIRECTORY);
  }

  @Test
  void samePathPolicyFail_copyToItself_failsPreconditionBeforeIo() {
    RecordingAdapter a = recording(memory.capabilities());
    Filesystem fs = Filesystem.builder(a).samePathPolicy(SamePathPolicy.FAIL).build();
    assertRefused(
        a, () -> fs.copy("a/f", "/a//f"), CopyFailedException.class, Kind.PRECONDITION_FAILED);
    assertRefused(
        a, () -> fs.move("a/f", "a/./f"), MoveFailedException.class, Kind.PRECONDITION_FAILED);
  }

  @Test
  void visibilityRead_onAdapterWithoutVisibility_reportsNull() {
    Capabilities none = memory.capabilities().without(Capability.VISIBILITY_PER_OBJECT);
    MemoryAdapter base = MemoryAdapter.create();
    Filesystem.of(base).write("f", "x");
    Filesystem fs =
        Filesystem.of(
            new RecordingAdapter(
                new dev.stowage.spi.ForwardingAdapter(base) {
                  @Override
                  public FileAttributes stat(String path) {
                    return super.stat(path).withVisibility(null);
                  }
                },
                none));
    // VisibilityMode.NONE: the backend has no notion of visibility, so reads report null.
    assertThat(fs.visibility("f")).isNull();
  }

  @Test
  void builder_settingTwice_fails() {
    FilesystemBuilder b = Filesystem.builder(memory).samePathPolicy(SamePathPolicy.TRY);
    assertThatThrownBy(() -> b.samePathPolicy(SamePathPolicy.FAIL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set to TRY");
  }
}
