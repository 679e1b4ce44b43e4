package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Capability;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code b2} profile against S3Proxy, which checks every signature and Content-MD5: the
 * replaced checksum headers still produce valid requests, and bucket-level visibility behaves
 * as declared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class B2ProfileS3ProxyTest {

  private EmbeddedS3Proxy server;
  private final RecordingInterceptor recorder = new RecordingInterceptor();
  private Filesystem fs;

  @BeforeAll
  void start() throws Exception {
    server = EmbeddedS3Proxy.inMemory();
    fs =
        Filesystem.of(
            S3Adapter.create(
                server
                    .plainConfig(server.createBucket(), S3Profile.B2)
                    .region("us-west-004")
                    .partSize(5 << 20)
                    .interceptor(recorder)
                    .build()));
  }

  @AfterAll
  void stop() {
    fs.close();
    server.close();
  }

  @Test
  void deleteDirectory_b2Profile_batchDeleteWithContentMd5Accepted() {
    IntStream.range(0, 5).forEach(i -> fs.write("batch/f" + i + ".txt", "x"));
    recorder.clear();

    fs.deleteDirectory("batch");

    assertThat(recorder.sent("DeleteObjects"))
        .singleElement()
        .satisfies(s -> assertThat(s.hasHeader("Content-MD5")).isTrue())
        .satisfies(s -> assertThat(s.hasHeader("x-amz-sdk-checksum-algorithm")).isFalse());
    assertThat(fs.directoryExists("batch")).isFalse();
  }

  @Test
  void write_b2ProfileMultipart_signedAndComplete() {
    byte[] data = S3AdapterTest.random(11 << 20);

    fs.write("mp.bin", new ByteArrayInputStream(data), WriteOptions.DEFAULT);

    assertThat(fs.read("mp.bin")).isEqualTo(data);
  }

  @Test
  void visibility_b2Profile_isTheBucketsAndOtherIsUnsupported() {
    fs.write("v.txt", "x", WriteOptions.builder().visibility(Visibility.PRIVATE).build());

    assertThat(fs.capabilities().has(Capability.VISIBILITY_BUCKET_LEVEL)).isTrue();
    assertThat(fs.capabilities().has(Capability.CREATE_ONLY)).isFalse();
    assertThat(fs.visibility("v.txt")).isEqualTo(Visibility.PRIVATE);
    fs.setVisibility("v.txt", Visibility.PRIVATE);
    assertThatThrownBy(() -> fs.setVisibility("v.txt", Visibility.PUBLIC))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
    assertThat(recorder.sent()).noneMatch(s -> s.hasHeader("x-amz-acl"));
  }
}
