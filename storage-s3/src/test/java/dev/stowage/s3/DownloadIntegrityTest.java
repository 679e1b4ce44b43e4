package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ByteRange;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Flipped bytes in a stored single-part object are caught: S3Proxy's filesystem store keeps the
 * ETag (the MD5 of what was uploaded) beside the file, so a byte changed on disk afterwards is
 * served under the old ETag, and whole-object reads must fail with INTEGRITY naming both digests.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DownloadIntegrityTest {

  private static final byte[] CONTENT =
      "the quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path store;

  private EmbeddedS3Proxy server;
  private String bucket;
  private Filesystem fs;

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedS3Proxy.onDisk(store);
    bucket = server.createBucket();
    fs = Filesystem.of(S3Adapter.create(server.config(bucket).build()));
  }

  @AfterEach
  void stop() {
    fs.close();
    server.close();
  }

  @Test
  void read_intactSinglePartObject_returnsBytes() throws Exception {
    fs.write("doc.txt", CONTENT);

    assertThat(fs.read("doc.txt")).isEqualTo(CONTENT);
    try (InputStream in = fs.readStream("doc.txt", ByteRange.from(0))) {
      assertThat(in.readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void read_byteFlippedOnServer_integrityNamingBothDigests() throws Exception {
    String md5 = fs.write("doc.txt", CONTENT).etag();
    flipByte("doc.txt", 4);
    assertThat(fs.stat("doc.txt").etag())
        .as("the server still vouches for the old MD5")
        .isEqualTo(md5);

    assertThatThrownBy(() -> fs.read("doc.txt"))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INTEGRITY);
              // The adapter's verdict travels as the cause (the facade words its own message).
              assertThat(messages(e)).contains("expected md5 " + md5 + " (the S3 ETag), got ");
            });
  }

  @Test
  void readStream_rangeFromZeroOfByteFlippedObject_integrity() throws Exception {
    fs.write("doc.txt", CONTENT);
    flipByte("doc.txt", CONTENT.length - 1);

    assertThatThrownBy(
            () -> {
              try (InputStream in = fs.readStream("doc.txt", ByteRange.from(0))) {
                in.readAllBytes();
              }
            })
        .satisfies(e -> assertThat(integrity(e)).as("INTEGRITY in " + e).isTrue());
  }

  @Test
  void readStream_partialRangeOfByteFlippedObject_notVerified() throws Exception {
    fs.write("doc.txt", CONTENT);
    flipByte("doc.txt", 4);

    // S3 keeps no digest of a slice: a part of the object cannot be checked (see S3Integrity).
    try (InputStream in = fs.readStream("doc.txt", ByteRange.of(0, 9))) {
      assertThat(in.readAllBytes()).hasSize(10).isNotEqualTo(java.util.Arrays.copyOf(CONTENT, 10));
    }
  }

  @Test
  void wholeObject_contentRanges_onlyFullSpanCounts() {
    assertThat(S3Integrity.wholeObject("bytes 0-42/43")).isTrue();
    assertThat(S3Integrity.wholeObject("bytes 0-41/43")).isFalse();
    assertThat(S3Integrity.wholeObject("bytes 1-42/43")).isFalse();
    assertThat(S3Integrity.wholeObject("bytes 0-42/*")).isFalse();
    assertThat(S3Integrity.wholeObject(null)).isFalse();
  }

  @Test
  void expected_encryptionHeaders_trustedOnlyWhereTheEtagIsAnMd5() {
    String md5 = "0123456789abcdef0123456789abcdef";
    GetObjectResponse plain = GetObjectResponse.builder().eTag("\"" + md5 + "\"").build();
    GetObjectResponse sseS3 =
        plain.toBuilder().serverSideEncryption(ServerSideEncryption.AES256).build();
    GetObjectResponse kms =
        plain.toBuilder().serverSideEncryption(ServerSideEncryption.AWS_KMS).build();
    GetObjectResponse sseC = plain.toBuilder().sseCustomerAlgorithm("AES256").build();
    GetObjectResponse multipart = GetObjectResponse.builder().eTag("\"" + md5 + "-3\"").build();

    assertThat(S3Integrity.expected(plain, null, S3Profile.GENERIC).hex()).isEqualTo(md5);
    assertThat(S3Integrity.expected(sseS3, null, S3Profile.AWS).hex()).isEqualTo(md5);
    assertThat(S3Integrity.expected(sseS3, null, S3Profile.B2)).isNull();
    assertThat(S3Integrity.expected(kms, null, S3Profile.AWS)).isNull();
    assertThat(S3Integrity.expected(sseC, null, S3Profile.AWS)).isNull();
    assertThat(S3Integrity.expected(multipart, null, S3Profile.AWS)).isNull();
    assertThat(S3Integrity.expected(plain, ByteRange.from(0), S3Profile.AWS))
        .as("a range answer without Content-Range")
        .isNull();
  }

  /** Changes one byte of the stored file in place, keeping its extended attributes (the ETag). */
  private void flipByte(String key, long offset) throws IOException {
    Path file = store.resolve(bucket).resolve(key);
    assertThat(Files.isRegularFile(file)).as("S3Proxy keeps " + file).isTrue();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x01);
    }
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static boolean integrity(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof StorageException && ((StorageException) c).kind() == Kind.INTEGRITY) {
        return true;
      }
    }
    return false;
  }
}
