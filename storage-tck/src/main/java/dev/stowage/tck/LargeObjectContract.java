package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.UploadStream;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Large objects and multipart writes (G1, G3, G5 and R13): sizes at the declared
 * threshold and part boundaries, through every write form, read back with matching SHA-256.
 */
@ContractGroup("large objects")
@Requires(Capability.MULTIPART)
public interface LargeObjectContract extends KitFixture {

  /** G1, G3, R13: a file at a multipart boundary reads back byte for byte. */
  @ParameterizedTest(name = "[{index}] {0} bytes via {1}")
  @ArgumentsSource(LargeSizes.class)
  default void write_atPartBoundary_readsBackIdentical(long size, WriteContract.Source source)
      throws IOException {
    assumeTrue(
        size <= largeObjectLimit(),
        () -> "requires sizes up to " + size + " bytes (raise stowage.tck.maxLargeBytes)");
    String path = newDirectory("g1") + "/large.bin";
    byte[] data = KitData.bytes(Math.toIntExact(size));
    FileAttributes written = WriteSupport.write(fs(), path, data, source, WriteOptions.DEFAULT);
    assertThat(written.size()).isEqualTo(size);
    assertThat(fs().fileSize(path)).isEqualTo(size);
    assertThat(KitData.hex("SHA-256", fs().readStream(path)))
        .as("SHA-256 read back")
        .isEqualTo(KitData.hex("SHA-256", data));
    WriteSupport.assertNoPendingUploads(this, "after the completed write of " + path);
  }

  /** K2 on multipart files: the checksum is the whole file's digest, not a multipart ETag. */
  @Test
  default void checksum_multipartFile_isWholeFileDigest() {
    long size = multipartSize();
    String path = newDirectory("g1") + "/large.bin";
    byte[] data = KitData.bytes(Math.toIntExact(size));
    fs().write(path, data);
    assertThat(fs().checksum(path, ChecksumAlgorithm.MD5).hex())
        .isEqualTo(KitData.hex("MD5", data));
    assertThat(fs().checksum(path, ChecksumAlgorithm.SHA256).hex())
        .isEqualTo(KitData.hex("SHA-256", data));
  }

  /** R13: a range across a part boundary returns exactly those bytes. */
  @Test
  @Requires(Capability.RANGE_READ)
  default void readStream_rangeAcrossPartBoundary_returnsExactBytes() {
    long size = multipartSize();
    int boundary = Math.toIntExact(capabilities().partSize());
    String path = newDirectory("r13") + "/large.bin";
    byte[] data = KitData.bytes(Math.toIntExact(size));
    fs().write(path, data);
    assertThat(KitData.readAll(fs().readStream(path, ByteRange.of(boundary - 10, boundary + 9))))
        .isEqualTo(Arrays.copyOfRange(data, boundary - 10, boundary + 10));
  }

  /**
   * G5: a large upload whose source fails after some parts leaves nothing behind: no file, nothing
   * in listings, and no pending multipart upload where {@link #pendingUploads()} can see them.
   */
  @Test
  default void write_largeSourceFailsAfterParts_leavesNothing() {
    long size = multipartSize();
    String d = newDirectory("g5");
    byte[] data = KitData.bytes(Math.toIntExact(size));
    int failAt = Math.toIntExact(Math.min(size - 1, capabilities().partSize() + 17));
    for (boolean known : new boolean[] {true, false}) {
      InputStream failing = WriteSupport.failingAfter(data, failAt);
      Throwable thrown =
          catchThrowable(
              () -> {
                if (known) {
                  fs().write(d + "/broken.bin", failing, size, WriteOptions.DEFAULT);
                } else {
                  fs().write(d + "/broken.bin", failing, WriteOptions.DEFAULT);
                }
              });
      assertThat(thrown).as("known length: %s", known).isInstanceOf(WriteFailedException.class);
      WriteSupport.assertLeftNothing(this, d, "broken.bin");
    }
  }

  /**
   * G5: an output stream aborted after more than a part's worth of bytes leaves nothing behind,
   * and no pending multipart upload where {@link #pendingUploads()} can see them.
   */
  @Test
  default void openOutputStream_abortedAfterParts_leavesNothing() throws IOException {
    long size = multipartSize();
    String d = newDirectory("g5");
    byte[] data = KitData.bytes(Math.toIntExact(size));
    UploadStream out = fs().openOutputStream(d + "/aborted.bin", WriteOptions.DEFAULT);
    out.write(data, 0, data.length - 1);
    out.abort();
    WriteSupport.assertLeftNothing(this, d, "aborted.bin");
  }

  /** Returns a size that is multipart (two full parts and a bit), within the kit's limit. */
  private long multipartSize() {
    long size = Math.max(capabilities().multipartThreshold(), 2 * capabilities().partSize()) + 1;
    assumeTrue(
        size <= largeObjectLimit(),
        () -> "requires sizes up to " + size + " bytes (raise stowage.tck.maxLargeBytes)");
    return size;
  }
}
