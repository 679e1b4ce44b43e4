package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GiB write from a stream of unknown length with the default settings, while the emulator
 * recommends B2's production 100 MB parts, in a JVM limited to 128 MiB of heap: the adapter must
 * keep its part buffers within the 64 MiB memory budget. The emulator keeps the bytes in a data
 * directory (on disk, not in this JVM's heap); the bytes read back must have the SHA-1 the child
 * computed while generating them, and the stored file carries that SHA-1 for later reads.
 */
@Tag("slow")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LargeUploadMemoryTest {
  private static final long SIZE = 2L << 30;

  @Test
  void write_2GiBUnknownLengthStreamWithDefaults_fitsIn128MiBHeap(@TempDir Path dir)
      throws Exception {
    try (B2Emulator emulator =
        B2Emulator.builder()
            .dataDirectory(dir.resolve("emulator"))
            .recommendedPartSize(100_000_000L)
            .absoluteMinimumPartSize(5_000_000)
            .start()) {
      String bucket = TestBuckets.create(emulator, "allPrivate");
      ChildJvm.Result r =
          ChildJvm.run(
              LargeUploadChild.class,
              List.of("-Xmx128m", "-Xlog:gc:stdout"),
              Map.of(
                  B2Credentials.KEY_ID_VARIABLE,
                  emulator.keyId(),
                  B2Credentials.KEY_VARIABLE,
                  emulator.applicationKey()),
              List.of(emulator.url(), bucket, "big/stream.bin", Long.toString(SIZE)),
              dir.resolve("child.log"),
              240);
      System.out.println("child JVM (-Xmx128m) output:\n" + r.output());
      assertThat(r.exitCode()).as("child exit code; output:%n%s", r.output()).isZero();
      assertThat(value(r.output(), "size")).isEqualTo(Long.toString(SIZE));
      // For the record: the heap before and after each collection (young or full; concurrent
      // cleanup pauses collect nothing), from the child's GC log.
      long before = 0;
      long after = 0;
      Matcher gc =
          Pattern.compile("Pause (?:Young|Full)[^\\n]*? (\\d+)M->(\\d+)M\\(\\d+M\\)")
              .matcher(r.output());
      while (gc.find()) {
        before = Math.max(before, Long.parseLong(gc.group(1)));
        after = Math.max(after, Long.parseLong(gc.group(2)));
      }
      System.out.println(
          "heap high-water: "
              + before
              + " MiB before a collection, "
              + after
              + " MiB live after one; upload took "
              + value(r.output(), "seconds")
              + " s");
      // The heap limit is the check: a collector fills its heap before collecting, so the peak
      // (printed for the record) says little beyond "no OutOfMemoryError".

      try (Filesystem fs =
              Filesystem.of(B2Adapter.create(TestBuckets.config(emulator, bucket).build()));
          B2Client client = TestBuckets.client(emulator)) {
        assertThat(fs.fileSize("big/stream.bin")).isEqualTo(SIZE);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = fs.readStream("big/stream.bin")) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            sha1.update(buffer, 0, n);
          }
        }
        assertThat(HexFormat.of().formatHex(sha1.digest())).isEqualTo(value(r.output(), "sha1"));
        assertThat(fs.stat("big/stream.bin").checksums().get(dev.stowage.ChecksumAlgorithm.SHA1))
            .as("the whole-file SHA-1 stored for later reads")
            .isEqualTo(value(r.output(), "sha1"));
        String bucketId = client.listBuckets(null, bucket).get(0).bucketId();
        assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files()).isEmpty();
      }
    }
  }

  private static String value(String output, String key) {
    Matcher m = Pattern.compile("(?m)^" + key + "=(\\S+)$").matcher(output);
    assertThat(m.find()).as("%s in the child's output:%n%s", key, output).isTrue();
    return m.group(1);
  }
}
