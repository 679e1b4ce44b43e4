package dev.stowage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimeDetectionTest {

  private static final String SVG =
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>";
  private static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1a,
    '\n',
    0,
    0,
    0,
    13,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    6,
    0,
    0,
    0
  };

  private final MemoryAdapter adapter = MemoryAdapter.create();
  private final Filesystem fs = Filesystem.of(adapter);

  private static byte[] randomBytes() {
    byte[] b = new byte[512];
    new Random(7).nextBytes(b);
    b[0] = 0;
    b[1] = (byte) 0xff;
    return b;
  }

  @Test
  void tika_svgNameAndContent_isImageSvg() {
    assertThat(MimeDetector.tika().detect("logo.svg", SVG.getBytes(UTF_8)))
        .isEqualTo("image/svg+xml");
  }

  @Test
  void tika_svgContentWithoutExtension_isImageSvg() {
    assertThat(MimeDetector.tika().detect("logo", SVG.getBytes(UTF_8))).isEqualTo("image/svg+xml");
  }

  @Test
  void tika_txt_isTextPlain() {
    assertThat(MimeDetector.tika().detect("notes.txt", "hello".getBytes(UTF_8)))
        .isEqualTo("text/plain");
  }

  @Test
  void tika_emptyTxt_isTextPlainFromExtension() {
    assertThat(MimeDetector.tika().detect("empty.txt", new byte[0])).isEqualTo("text/plain");
  }

  @Test
  void tika_pngMagicWithoutExtension_isPng() {
    assertThat(MimeDetector.tika().detect("picture", PNG)).isEqualTo("image/png");
  }

  @Test
  void tika_unknownBinaryAndUnknownName_isNull() {
    assertThat(MimeDetector.tika().detect("blob.unknownext", randomBytes())).isNull();
  }

  @Test
  void tika_emptyWithoutExtension_isNull() {
    assertThat(MimeDetector.tika().detect("nothing", new byte[0])).isNull();
  }

  @Test
  void write_svgBytes_storesDetectedType() {
    FileAttributes a = fs.write("img/logo.svg", SVG);
    assertThat(a.contentType()).isEqualTo("image/svg+xml");
    assertThat(fs.stat("img/logo.svg").contentType()).isEqualTo("image/svg+xml");
    assertThat(fs.mimeType("img/logo.svg")).isEqualTo("image/svg+xml");
  }

  @Test
  void write_unknownContent_storesNoType() {
    fs.write("blob.unknownext", randomBytes());
    assertThat(fs.stat("blob.unknownext").contentType()).isNull();
  }

  @Test
  void mimeType_unknownContentAndName_throwsInsteadOfGuessing() {
    fs.write("blob.unknownext", randomBytes());
    assertThatThrownBy(() -> fs.mimeType("blob.unknownext"))
        .isInstanceOf(MetadataFailedException.class)
        .hasMessageContaining("MIME type could not be detected")
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(StorageException.Kind.UNEXPECTED);
  }

  @Test
  void mimeType_missingFile_throwsNotFound() {
    assertThatThrownBy(() -> fs.mimeType("missing.txt"))
        .isInstanceOf(MetadataFailedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(StorageException.Kind.NOT_FOUND);
  }

  @Test
  void write_explicitType_winsOverDetection() {
    fs.write("logo.svg", SVG, WriteOptions.builder().contentType("application/x-custom").build());
    assertThat(fs.mimeType("logo.svg")).isEqualTo("application/x-custom");
  }

  @Test
  void mimeType_genericStoredType_isDetectedInstead() {
    fs.write(
        "notes.txt", "hi", WriteOptions.builder().contentType("application/octet-stream").build());
    assertThat(fs.stat("notes.txt").contentType()).isEqualTo("application/octet-stream");
    assertThat(fs.mimeType("notes.txt")).isEqualTo("text/plain");
  }

  @Test
  void write_streamOfUnknownLength_detectsFromExtensionAndContent() {
    FileAttributes a =
        fs.write("s/logo.svg", new ByteArrayInputStream(SVG.getBytes(UTF_8)), WriteOptions.DEFAULT);
    assertThat(a.contentType()).isEqualTo("image/svg+xml");
    assertThat(fs.readString("s/logo.svg")).isEqualTo(SVG);
  }

  @Test
  void write_streamOfKnownLength_detectsAndKeepsAllBytes() {
    byte[] data = SVG.getBytes(UTF_8);
    fs.write("k/logo.svg", new ByteArrayInputStream(data), data.length, WriteOptions.DEFAULT);
    assertThat(fs.read("k/logo.svg")).isEqualTo(data);
    assertThat(fs.stat("k/logo.svg").contentType()).isEqualTo("image/svg+xml");
  }

  @Test
  void write_localFile_detectsFromItsHead(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("upload.bin.tmp");
    Files.write(png, PNG);
    fs.write("pic", png, WriteOptions.DEFAULT);
    assertThat(fs.stat("pic").contentType()).isEqualTo("image/png");
  }

  @Test
  void openOutputStream_detectsTypeFromFirstBytes() throws Exception {
    try (OutputStream out = fs.openOutputStream("o/logo.svg", WriteOptions.DEFAULT)) {
      out.write(SVG.getBytes(UTF_8));
    }
    assertThat(fs.stat("o/logo.svg").contentType()).isEqualTo("image/svg+xml");
  }

  @Test
  void builder_customDetector_isUsed() {
    Filesystem custom =
        Filesystem.builder(MemoryAdapter.create())
            .mimeDetector((path, head) -> path.endsWith(".webp") ? "image/webp" : null)
            .build();
    custom.write("a.webp", new byte[] {1, 2, 3});
    assertThat(custom.mimeType("a.webp")).isEqualTo("image/webp");
  }

  @Test
  void builder_throwingDetector_isTreatedAsUnknown() {
    Filesystem custom =
        Filesystem.builder(MemoryAdapter.create())
            .mimeDetector(
                (path, head) -> {
                  throw new IllegalStateException("boom");
                })
            .build();
    assertThat(custom.write("a.txt", "x").contentType()).isNull();
  }

  @Test
  void tika_knownExtension_decidesWithoutTheContent() {
    // The name decides when Tika knows its extension: content is not sniffed (and may disagree).
    assertThat(MimeDetector.tika().detect("notes.txt", PNG)).isEqualTo("text/plain");
    assertThat(MimeDetector.tika().detect("data.json", new byte[0])).isEqualTo("application/json");
  }

  @Test
  void tika_extensionRegisteredAsBinary_isNullWithoutSniffing() {
    assertThat(MimeDetector.tika().detect("blob.bin", PNG)).isNull();
    assertThat(MimeDetector.tika().needsHead("dir/blob.bin")).isFalse();
  }

  @Test
  void tika_unknownOrMissingExtension_stillSniffsTheContent() {
    assertThat(MimeDetector.tika().detect("picture.qqzx", PNG)).isEqualTo("image/png");
    assertThat(MimeDetector.tika().needsHead("a/picture.qqzx")).isTrue();
    assertThat(MimeDetector.tika().needsHead("a/picture")).isTrue();
    assertThat(MimeDetector.tika().needsHead("a/.htaccess")).isTrue();
    assertThat(MimeDetector.tika().needsHead("a/ends-with-dot.")).isTrue();
    assertThat(MimeDetector.tika().needsHead("a/logo.svg")).isFalse();
  }

  @Test
  void tika_extensionsDifferingInCase_keepTheirOwnTypes() {
    assertThat(MimeDetector.tika().detect("a.c", new byte[0])).isEqualTo("text/x-csrc");
    assertThat(MimeDetector.tika().detect("b.C", new byte[0])).isEqualTo("text/x-c++src");
    assertThat(MimeDetector.tika().detect("c.PNG", new byte[0])).isEqualTo("image/png");
  }

  @Test
  void tika_multiPartSuffixes_areAnsweredByTheWholeName() {
    assertThat(MimeDetector.tika().detect("crawl.warc.gz", new byte[0]))
        .isEqualTo("application/warc+gz");
    assertThat(MimeDetector.tika().detect("plain.gz", new byte[0])).isEqualTo("application/gzip");
    assertThat(MimeDetector.tika().detect("archive.v2.bin", PNG)).isNull();
    assertThat(MimeDetector.tika().detect("upload.bin.qqzx", PNG)).isEqualTo("image/png");
  }

  @Test
  void write_streamWithKnownExtension_isNotReadAheadBeforeTheAdapter() {
    byte[] json = ("{\"k\": \"" + "v".repeat(20_000) + "\"}").getBytes(UTF_8);
    AtomicLong consumed = new AtomicLong();
    List<Long> consumedWhenWriting = new ArrayList<>();
    Filesystem watched =
        Filesystem.of(
            new ForwardingAdapter(MemoryAdapter.create()) {
              @Override
              public FileAttributes write(String path, WriteSource source, WriteOptions options) {
                consumedWhenWriting.add(consumed.get());
                return super.write(path, source, options);
              }
            });
    InputStream counting =
        new FilterInputStream(new ByteArrayInputStream(json)) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            consumed.addAndGet(b < 0 ? 0 : 1);
            return b;
          }

          @Override
          public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            consumed.addAndGet(Math.max(n, 0));
            return n;
          }
        };

    FileAttributes written = watched.write("s/big.json", counting, WriteOptions.DEFAULT);

    assertThat(consumedWhenWriting).containsExactly(0L);
    assertThat(written.contentType()).isEqualTo("application/json");
    assertThat(watched.read("s/big.json")).isEqualTo(json);
  }

  @Test
  void mimeType_storedGenericWithKnownExtension_readsNoContent() {
    RecordingAdapter recording = new RecordingAdapter(MemoryAdapter.create());
    Filesystem watched = Filesystem.of(recording);
    watched.write(
        "notes.txt", "hi", WriteOptions.builder().contentType("application/octet-stream").build());
    recording.clear();

    assertThat(watched.mimeType("notes.txt")).isEqualTo("text/plain");
    assertThat(recording.calls()).containsExactly("stat notes.txt");
  }

  @Test
  void write_detectorNotNeedingHead_getsNoHeadReadOrCopied(@TempDir Path dir) throws Exception {
    List<Integer> heads = new ArrayList<>();
    MimeDetector nameOnly =
        new MimeDetector() {
          @Override
          public String detect(String path, byte[] head) {
            heads.add(head.length);
            return "text/plain";
          }

          @Override
          public boolean needsHead(String path) {
            return false;
          }
        };
    Filesystem custom = Filesystem.builder(MemoryAdapter.create()).mimeDetector(nameOnly).build();
    Path local = dir.resolve("local.txt");
    Files.write(local, PNG);

    custom.write("a", new byte[MimeDetector.HEAD_LIMIT + 1]); // a small array is its own head
    custom.write("b", new ByteArrayInputStream(PNG), WriteOptions.DEFAULT);
    custom.write("c", new ByteArrayInputStream(PNG), PNG.length, WriteOptions.DEFAULT);
    custom.write("d", local, WriteOptions.DEFAULT);

    assertThat(heads).containsExactly(0, 0, 0, 0);
    assertThat(custom.read("b")).isEqualTo(PNG);
    assertThat(custom.read("c")).isEqualTo(PNG);
    assertThat(custom.stat("d").contentType()).isEqualTo("text/plain");
  }

  @Test
  void builder_detectorThrowingFromNeedsHead_isGivenTheHead() {
    List<Integer> heads = new ArrayList<>();
    MimeDetector odd =
        new MimeDetector() {
          @Override
          public String detect(String path, byte[] head) {
            heads.add(head.length);
            return null;
          }

          @Override
          public boolean needsHead(String path) {
            throw new IllegalStateException("boom");
          }
        };
    Filesystem custom = Filesystem.builder(MemoryAdapter.create()).mimeDetector(odd).build();

    custom.write("x", new ByteArrayInputStream(PNG), WriteOptions.DEFAULT);

    assertThat(heads).containsExactly(PNG.length);
    assertThat(custom.read("x")).isEqualTo(PNG);
  }
}
