package dev.stowage.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class MemoryAdapterTest {

  private final MemoryAdapter adapter = MemoryAdapter.create();

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private List<String> list(String path, boolean deep) {
    List<String> out = new ArrayList<>();
    adapter
        .list(path, deep)
        .forEachRemaining(e -> out.add((e.isDirectory() ? "d:" : "f:") + e.path()));
    return out;
  }

  private void put(String path) {
    adapter.write(path, WriteSource.of(new byte[] {1}), WriteOptions.DEFAULT);
  }

  @Test
  void capabilities_declareTheObjectStoreFeatures() {
    assertThat(adapter.capabilities().features())
        .contains(
            Capability.WRITE,
            Capability.CREATE_ONLY,
            Capability.RANGE_READ,
            Capability.RANGE_NOT_SATISFIABLE,
            Capability.CONTENT_TYPE,
            Capability.USER_METADATA,
            Capability.ETAG,
            Capability.SERVER_SIDE_COPY,
            Capability.VISIBILITY_PER_OBJECT,
            Capability.IMPLICIT_DIRECTORIES,
            Capability.SORTED_LISTING)
        .doesNotContain(
            Capability.TEMPORARY_URL,
            Capability.PREPARE_UPLOAD,
            Capability.PUBLIC_URL,
            Capability.MULTIPART);
    assertThat(adapter.capabilities().nativeChecksums()).containsExactly(ChecksumAlgorithm.MD5);
  }

  @Test
  void list_isSortedByPathWithDirectoriesBeforeLongerNames() {
    put("a.txt");
    put("a/x");
    put("a-b");
    put("b");
    put("A");
    assertThat(list("", false)).containsExactly("f:A", "d:a", "f:a-b", "f:a.txt", "f:b");
  }

  @Test
  void list_shallowNeverShowsMarkersAsFiles() {
    adapter.createDirectory("d", null);
    adapter.createDirectory("d/sub", null);
    put("d/f");
    assertThat(list("d", false)).containsExactly("f:d/f", "d:d/sub");
    assertThat(list("", true)).containsExactly("d:d", "f:d/f", "d:d/sub");
  }

  @Test
  void list_prefixSiblingsAreNotIncluded() {
    put("ab/1");
    put("abc");
    put("a/2");
    assertThat(list("a", true)).containsExactly("f:a/2");
    assertThat(list("ab", true)).containsExactly("f:ab/1");
  }

  @Test
  void list_deepReportsEachDirectoryOnceBeforeItsContents() {
    put("x/y/z/1");
    put("x/y/2");
    put("x/3");
    put("x/y/z/4");
    assertThat(list("x", true))
        .containsExactly("f:x/3", "d:x/y", "f:x/y/2", "d:x/y/z", "f:x/y/z/1", "f:x/y/z/4");
  }

  @Test
  void list_unicodeIsInCodePointOrder() {
    put("\uffff");
    put("\ud83d\ude00");
    List<String> paths = list("", false);
    assertThat(paths).containsExactly("f:\uffff", "f:\ud83d\ude00");
  }

  @Test
  void list_concurrentDeletesDoNotBreakIteration() {
    for (int i = 0; i < 50; i++) {
      put("c/" + String.format("%02d", i));
    }
    Iterator<StorageAttributes> it = adapter.list("c", false);
    int seen = 0;
    while (it.hasNext()) {
      StorageAttributes e = it.next();
      adapter.delete(e.path());
      adapter.delete("c/49");
      seen++;
    }
    assertThat(seen).isBetween(49, 50);
  }

  @Test
  void directoryExists_forMarkersAndDescendants() {
    assertThat(adapter.directoryExists("")).isTrue();
    assertThat(adapter.directoryExists("m")).isFalse();
    adapter.createDirectory("m", Visibility.PUBLIC);
    assertThat(adapter.directoryExists("m")).isTrue();
    put("n/deep/f");
    assertThat(adapter.directoryExists("n")).isTrue();
    assertThat(adapter.directoryExists("n/deep")).isTrue();
    assertThat(adapter.directoryExists("n/deep/f")).isFalse();
    assertThat(adapter.fileExists("m")).isFalse();
  }

  @Test
  void read_rangePastEnd_isRangeNotSatisfiable() {
    put("f");
    assertThatThrownBy(() -> adapter.read("f", ByteRange.from(1)))
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).kind())
        .isEqualTo(StorageException.Kind.RANGE_NOT_SATISFIABLE);
  }

  @Test
  void write_storedBytesAreIsolatedFromTheCallersArray() throws IOException {
    byte[] data = {1, 2, 3};
    adapter.write("iso", WriteSource.of(data), WriteOptions.DEFAULT);
    data[0] = 9;
    assertThat(adapter.read("iso", null).readAllBytes()).containsExactly(1, 2, 3);
  }

  @Test
  void write_defaultsToPrivateVisibility() {
    put("p");
    assertThat(adapter.stat("p").visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void publicUrl_withBase_encodesPath() {
    MemoryAdapter withUrls =
        MemoryAdapter.builder().publicUrlBase(URI.create("https://cdn.example/files")).build();
    assertThat(withUrls.capabilities().has(Capability.PUBLIC_URL)).isTrue();
    assertThat(withUrls.publicUrl("dir/a b+c.txt"))
        .isEqualTo(URI.create("https://cdn.example/files/dir/a%20b%2Bc.txt"));
  }

  @Test
  void urls_withoutConfiguration_areUnsupported() {
    assertThatThrownBy(() -> adapter.publicUrl("x"))
        .isInstanceOfSatisfying(
            BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED));
    assertThatThrownBy(() -> adapter.temporaryUrl("x", Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED));
  }

  @Test
  void namedStores_areShared_andUnnamedAreFresh() {
    MemoryAdapter one = MemoryAdapter.builder().name("shared-test-store").build();
    MemoryAdapter two = MemoryAdapter.builder().name("shared-test-store").build();
    one.write("s", WriteSource.of(new byte[] {7}), WriteOptions.DEFAULT);
    assertThat(two.fileExists("s")).isTrue();
    assertThat(MemoryAdapter.create().fileExists("s")).isFalse();
  }

  @Test
  void multipart_largeWritesGoThroughParts(@TempDir Path dir) throws IOException {
    CountingMultipartListener parts = new CountingMultipartListener();
    MemoryAdapter adapter =
        MemoryAdapter.builder().multipart(1000, 400).multipartListener(parts).build();
    assertThat(adapter.capabilities().has(Capability.MULTIPART)).isTrue();
    assertThat(adapter.capabilities().partSize()).isEqualTo(400);
    Filesystem fs = Filesystem.of(adapter);
    fs.write("small", bytes(999));
    assertThat(parts.partsUploaded()).isZero();
    fs.write("bytes", bytes(1000));
    assertThat(parts.partsUploaded()).isEqualTo(3);
    fs.write("stream", new ByteArrayInputStream(bytes(1201)), 1201, WriteOptions.DEFAULT);
    assertThat(parts.partsUploaded()).isEqualTo(3 + 4);
    fs.write("unknown", new ByteArrayInputStream(bytes(2000)), WriteOptions.DEFAULT);
    assertThat(parts.partsUploaded()).isEqualTo(3 + 4 + 5);
    Path file = dir.resolve("f");
    Files.write(file, bytes(800 * 2 + 1));
    fs.write("file", file, WriteOptions.DEFAULT);
    assertThat(parts.partsUploaded()).isEqualTo(3 + 4 + 5 + 5);
    assertThat(fs.read("bytes")).isEqualTo(bytes(1000));
    assertThat(fs.read("stream")).isEqualTo(bytes(1201));
    assertThat(fs.read("unknown")).isEqualTo(bytes(2000));
    assertThat(fs.read("file")).isEqualTo(bytes(1601));
    assertThat(fs.checksum("unknown", "md5")).isEqualTo(fs.checksum("unknown", "md5"));
  }

  @Test
  void pendingUploads_duringAndAfterMultipartWrites_listsOnlyUnfinishedOnes() {
    CountingMultipartListener parts = new CountingMultipartListener();
    Filesystem fs =
        Filesystem.of(
            MemoryAdapter.builder().multipart(1000, 400).multipartListener(parts).build());
    List<List<String>> seenMidway = new ArrayList<>();
    java.io.InputStream failing =
        new java.io.InputStream() {
          private int position;

          @Override
          public int read() throws IOException {
            if (position == 1500) {
              seenMidway.add(parts.pendingUploads());
              throw new IOException("fails on purpose");
            }
            position++;
            return 'x';
          }
        };

    assertThatThrownBy(() -> fs.write("dir/broken.bin", failing, 3000, WriteOptions.DEFAULT))
        .isInstanceOf(StorageException.class);
    fs.write("dir/whole.bin", bytes(2000));

    assertThat(seenMidway).isNotEmpty().containsOnly(List.of("dir/broken.bin"));
    assertThat(parts.pendingUploads()).isEmpty();
    assertThat(parts.partsUploaded()).isPositive();
  }

  @Test
  void multipartListener_hearsEveryPartAndHowEachUploadEnded() {
    List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
    MultipartListener listener =
        new MultipartListener() {
          @Override
          public void partStored(long uploadId, String path, int partNumber, long bytes) {
            heard.add("part " + path + " #" + partNumber + " " + bytes);
          }

          @Override
          public void uploadEnded(long uploadId, String path, boolean completed) {
            heard.add((completed ? "completed " : "aborted ") + path);
          }
        };
    Filesystem fs =
        Filesystem.of(
            MemoryAdapter.builder()
                .multipart(1000, 400)
                .concurrency(1)
                .multipartListener(listener)
                .build());
    fs.write("ok.bin", bytes(1000));
    java.io.InputStream failing =
        new java.io.InputStream() {
          private int position;

          @Override
          public int read() throws IOException {
            if (position == 1500) {
              throw new IOException("fails on purpose");
            }
            position++;
            return 'x';
          }
        };
    assertThatThrownBy(() -> fs.write("broken.bin", failing, 3000, WriteOptions.DEFAULT))
        .isInstanceOf(StorageException.class);

    assertThat(heard).containsSubsequence("part ok.bin #1 400", "completed ok.bin");
    assertThat(heard)
        .contains("part ok.bin #2 400", "part ok.bin #3 200", "aborted broken.bin")
        .doesNotContain("completed broken.bin");
    assertThat(heard.indexOf("completed ok.bin"))
        .isGreaterThan(heard.indexOf("part ok.bin #3 200"));
  }

  @Test
  void multipart_unknownLengthBelowThreshold_isOnePut() {
    CountingMultipartListener parts = new CountingMultipartListener();
    MemoryAdapter adapter =
        MemoryAdapter.builder().multipart(1000, 400).multipartListener(parts).build();
    Filesystem.of(adapter).write("u", new ByteArrayInputStream(bytes(999)), WriteOptions.DEFAULT);
    assertThat(parts.partsUploaded()).isZero();
    assertThat(Filesystem.of(adapter).read("u")).isEqualTo(bytes(999));
  }

  @Test
  void concurrentWritesOfOnePath_leaveOneWholeVersion() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String content = String.valueOf(i).repeat(1000);
        futures.add(
            pool.submit(
                () ->
                    adapter.write(
                        "race", WriteSource.of(content.getBytes(UTF_8)), WriteOptions.DEFAULT)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    String stored = new String(adapter.read("race", null).readAllBytes(), UTF_8);
    assertThat(stored.chars().distinct().count()).isLessThanOrEqualTo(2);
    assertThat(stored.chars().mapToObj(c -> (char) c).collect(Collectors.toSet())).isNotEmpty();
  }
}
