package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import dev.stowage.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One streamed upload buffers within the memory budget: part size × (parts in flight + 1), and a
 * head of at most one part, whatever the configured part size and concurrency.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryBudgetTest {

  private static final long MIB = 1L << 20;

  @Test
  void sizes_defaultSettings_fitSixtyFourMiB() {
    S3Config c = S3Config.builder("bucket").build();

    long part = c.partSizeFor(-1, S3Writer.MAX_PARTS);
    int concurrency = c.concurrencyFor(part);

    assertThat(c.memoryBudget()).isEqualTo(64 * MIB);
    assertThat(part).isEqualTo(10 * MIB);
    assertThat(concurrency).isEqualTo(4);
    assertThat(part * (concurrency + 2)).isLessThanOrEqualTo(c.memoryBudget());
  }

  @Test
  void sizes_smallestBudget_fivePartsOfS3MinimumOneInFlight() {
    S3Config c = S3Config.builder("bucket").memoryBudget(15 * MIB).partSize(100 * MIB).build();

    long part = c.partSizeFor(-1, S3Writer.MAX_PARTS);

    assertThat(part).isEqualTo(5 * MIB);
    assertThat(c.concurrencyFor(part)).isEqualTo(1);
  }

  @Test
  void sizes_largeBudget_keepConfiguredPartSizeAndConcurrency() {
    S3Config c =
        S3Config.builder("bucket")
            .memoryBudget(1L << 30)
            .partSize(100 * MIB)
            .concurrency(8)
            .build();

    long part = c.partSizeFor(-1, S3Writer.MAX_PARTS);

    assertThat(part).isEqualTo(100 * MIB);
    assertThat(c.concurrencyFor(part)).isEqualTo(8);
  }

  @Test
  void sizes_knownLengthNeedsLargerParts_partsFitTenThousandAndConcurrencyDrops() {
    S3Config c = S3Config.builder("bucket").build();
    long length = 200L << 30;

    long part = c.partSizeFor(length, S3Writer.MAX_PARTS);
    int concurrency = c.concurrencyFor(part);

    assertThat(part * S3Writer.MAX_PARTS).isGreaterThanOrEqualTo(length);
    assertThat(part % MIB).isZero();
    assertThat(part * (concurrency + 2)).isLessThanOrEqualTo(c.memoryBudget());
  }

  @Test
  void memoryBudget_uriSettingAndTooSmallValue_parsedOrRefusedByName() {
    S3Config c =
        S3Provider.config(
            URI.create("s3://bucket?endpoint=http://127.0.0.1:9&memoryBudget=32MiB"), Map.of());

    assertThat(c.memoryBudget()).isEqualTo(32 * MIB);
    assertThatThrownBy(() -> S3Config.builder("bucket").memoryBudget(MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memoryBudget");
  }

  @Test
  void write_unknownLengthStreamWithSmallBudget_partsOfFiveMiBOneAtATime() throws Exception {
    RecordingInterceptor recorder = new RecordingInterceptor();
    byte[] data = S3AdapterTest.random((int) (23 * MIB));
    try (S3ProxyServer server = S3ProxyServer.builder().bucket("budget").start()) {
      try (Filesystem fs =
          Filesystem.of(
              S3Adapter.create(
                  EmbeddedS3Proxy.config(server, "budget")
                      .memoryBudget(15 * MIB)
                      .partSize(64 * MIB)
                      .multipartThreshold(1L << 30)
                      .interceptor(recorder)
                      .build()))) {

        fs.write("budget.bin", new ByteArrayInputStream(data), WriteOptions.DEFAULT);

        List<RecordingInterceptor.Sent> parts = recorder.sent("UploadPart");
        assertThat(parts).hasSize(5);
        // The body travels unsigned and unencoded: its length is the part's.
        assertThat(parts.get(0).headers().get("Content-Length"))
            .containsExactly(Long.toString(5 * MIB));
        assertThat(recorder.sent("PutObject")).isEmpty();
        assertThat(fs.read("budget.bin")).isEqualTo(data);
      }
    }
  }
}
