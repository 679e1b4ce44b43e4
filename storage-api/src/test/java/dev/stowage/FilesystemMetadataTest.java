package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.ForwardingAdapter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FilesystemMetadataTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final MemoryAdapter memory =
      MemoryAdapter.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private final Filesystem fs = Filesystem.of(memory);

  private static Kind kindOf(Throwable e) {
    return ((StorageException) e).kind();
  }

  @Test
  void existence_followsWritesAndDeletes() {
    assertThat(fs.fileExists("a/b")).isFalse();
    fs.write("a/b", "x");
    assertThat(fs.fileExists("a/b")).isTrue();
    assertThat(fs.fileExists("a")).isFalse();
    assertThat(fs.directoryExists("a")).isTrue();
    assertThat(fs.directoryExists("a/b")).isFalse();
    assertThat(fs.exists("a")).isTrue();
    assertThat(fs.exists("a/b")).isTrue();
    fs.delete("a/b");
    assertThat(fs.fileExists("a/b")).isFalse();
    assertThat(fs.exists("a")).isFalse();
  }

  @Test
  void existence_ofRoot() {
    assertThat(fs.fileExists("")).isFalse();
    assertThat(fs.directoryExists("/")).isTrue();
    assertThat(fs.exists("")).isTrue();
  }

  @Test
  void stat_reportsSizeTimeAndChecksum() {
    fs.write("f", "foobar");
    FileAttributes a = fs.stat("f");
    assertThat(a.size()).isEqualTo(6);
    assertThat(a.lastModified()).isEqualTo(NOW);
    assertThat(fs.lastModified("f")).isEqualTo(NOW);
    assertThat(fs.fileSize("f")).isEqualTo(6);
    assertThat(a.etag()).isEqualTo("3858f62230ac3c915f300c664312c63f");
  }

  @Test
  void stat_ofDirectory_throwsIsADirectory() {
    fs.write("d/f", "x");
    assertThatThrownBy(() -> fs.stat("d"))
        .isInstanceOf(MetadataFailedException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThatThrownBy(() -> fs.fileSize("d"))
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
  }

  @Test
  void metadata_ofMissingFile_throwsNotFound() {
    for (Runnable call :
        new Runnable[] {
          () -> fs.stat("m"),
          () -> fs.fileSize("m"),
          () -> fs.lastModified("m"),
          () -> fs.mimeType("m"),
          () -> fs.visibility("m")
        }) {
      assertThatThrownBy(call::run)
          .isInstanceOf(MetadataFailedException.class)
          .extracting(FilesystemMetadataTest::kindOf)
          .isEqualTo(Kind.NOT_FOUND);
    }
  }

  @Test
  void lastModified_notReported_throwsUnsupported() {
    Filesystem f =
        Filesystem.of(
            new ForwardingAdapter(memory) {
              @Override
              public FileAttributes stat(String path) {
                FileAttributes a = super.stat(path);
                return FileAttributes.of(a.path(), a.size());
              }
            });
    f.write("f", "x");
    assertThatThrownBy(() -> f.lastModified("f"))
        .isInstanceOf(MetadataFailedException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.UNSUPPORTED);
  }

  @Test
  void visibility_roundTrips() {
    fs.write("v", "x", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    assertThat(fs.visibility("v")).isEqualTo(Visibility.PUBLIC);
    fs.setVisibility("v", Visibility.PRIVATE);
    assertThat(fs.visibility("v")).isEqualTo(Visibility.PRIVATE);
    fs.setVisibility("v", Visibility.PUBLIC);
    assertThat(fs.visibility("v")).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void setVisibility_ofMissingFile_throwsNotFound() {
    assertThatThrownBy(() -> fs.setVisibility("none", Visibility.PUBLIC))
        .isInstanceOf(VisibilityFailedException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void stat_adapterRuntimeFailure_isWrapped() {
    Filesystem f =
        Filesystem.of(new FailingAdapter(memory).failOn("stat", () -> new NullPointerException()));
    assertThatThrownBy(() -> f.stat("x"))
        .isInstanceOf(MetadataFailedException.class)
        .hasCauseInstanceOf(NullPointerException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.UNEXPECTED);
  }

  @Test
  void fileExists_adapterFailure_isMetadataFailure() {
    Filesystem f =
        Filesystem.of(
            new FailingAdapter(memory).failOn("fileExists", () -> new IllegalStateException("x")));
    assertThatThrownBy(() -> f.fileExists("x"))
        .isInstanceOf(MetadataFailedException.class)
        .extracting(e -> ((StorageException) e).operation())
        .isEqualTo(Operation.EXISTS);
  }

  @Test
  void checksum_defaultIsMd5_andOthersAreStreamed() {
    fs.write("f", "foobar");
    assertThat(fs.checksum("f"))
        .isEqualTo(new Checksum(ChecksumAlgorithm.MD5, "3858f62230ac3c915f300c664312c63f"));
    assertThat(fs.checksum("f", "sha1").hex())
        .isEqualTo("8843d7f92416211de9ebb963ff4ce28125932878");
    assertThat(fs.checksum("f", "SHA-256").hex())
        .isEqualTo("c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2");
    assertThat(fs.checksum("f", ChecksumAlgorithm.CRC32C).hex()).hasSize(8);
  }

  @Test
  void checksum_configuredDefault_isUsed() {
    Filesystem f =
        Filesystem.builder(memory).defaultChecksumAlgorithm(ChecksumAlgorithm.SHA1).build();
    f.write("f", "foobar");
    assertThat(f.checksum("f").algorithm()).isEqualTo(ChecksumAlgorithm.SHA1);
  }

  @Test
  void checksum_missingOrDirectory_failsWithChecksumFailure() {
    fs.write("d/f", "x");
    assertThatThrownBy(() -> fs.checksum("nope"))
        .isInstanceOf(ChecksumFailedException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
    assertThatThrownBy(() -> fs.checksum("nope", "sha256"))
        .isInstanceOf(ChecksumFailedException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.NOT_FOUND);
    assertThatThrownBy(() -> fs.checksum("d", "sha256"))
        .isInstanceOf(ChecksumFailedException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
    assertThatThrownBy(() -> fs.checksum("d"))
        .isInstanceOf(ChecksumFailedException.class)
        .extracting(FilesystemMetadataTest::kindOf)
        .isEqualTo(Kind.IS_A_DIRECTORY);
  }

  @Test
  void checksum_nativeEmpty_fallsBackToStreaming() {
    Filesystem f =
        Filesystem.of(
            new ForwardingAdapter(memory) {
              @Override
              public java.util.Optional<Checksum> checksum(
                  String path, ChecksumAlgorithm algorithm) {
                return java.util.Optional.empty();
              }
            });
    f.write("f", "foobar");
    assertThat(f.checksum("f").hex()).isEqualTo("3858f62230ac3c915f300c664312c63f");
  }
}
