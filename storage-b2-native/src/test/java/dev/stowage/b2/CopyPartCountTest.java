package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * B2 refuses to finish a large file of fewer than 2 parts, so a copy above the copy cutoff that
 * would fit in one part goes through {@code b2_copy_file} instead of a one-part large file.
 */
@Timeout(30)
class CopyPartCountTest {
  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () -> B2Emulator.builder().recommendedPartSize(1000).absoluteMinimumPartSize(1000))
          .bucket("copy-parts")
          .perTest();

  private B2Emulator emulator;
  private Filesystem fs;
  private B2Client client;
  private String bucket;

  @BeforeEach
  void start() {
    emulator = B2.emulator();
    bucket = "copy-parts";
    fs =
        Filesystem.of(
            B2Adapter.create(TestBuckets.config(emulator, bucket).copyCutoff(10).build()));
    client = TestBuckets.client(emulator);
  }

  @AfterEach
  void stop() {
    client.close();
    fs.close();
  }

  private B2FileVersion newest(String name) {
    String bucketId = client.listBuckets(null, bucket).get(0).bucketId();
    return client
        .listFileVersions(new B2ListFilesRequest(bucketId, name, null, name, null, 10))
        .files()
        .get(0);
  }

  @Test
  void copy_aboveCutoffButWithinOnePart_usesCopyFile() {
    byte[] data = new byte[800];
    new Random(4).nextBytes(data);
    fs.write("one-part.bin", data);
    fs.copy("one-part.bin", "copied.bin");
    assertThat(fs.read("copied.bin")).isEqualTo(data);
    B2FileVersion copied = newest("copied.bin");
    assertThat(copied.action()).isEqualTo("upload");
    assertThat(copied.contentSha1()).isNotEqualTo("none");
    assertThat(copied.fileId()).contains("_f1");
  }

  @Test
  void copy_twoParts_stillUsesCopyPart() {
    byte[] data = new byte[1500];
    new Random(5).nextBytes(data);
    fs.write("two-parts.bin", data);
    fs.copy("two-parts.bin", "copied.bin");
    assertThat(fs.read("copied.bin")).isEqualTo(data);
    B2FileVersion copied = newest("copied.bin");
    assertThat(copied.contentSha1()).isEqualTo("none");
    assertThat(copied.fileId()).contains("_f2");
  }
}
