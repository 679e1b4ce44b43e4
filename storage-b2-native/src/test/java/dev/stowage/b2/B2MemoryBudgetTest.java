package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.emulator.B2Emulator;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A streamed upload keeps its part buffers ({@code partSize × (concurrency + 1)}) within the
 * memory budget whatever the server recommends: the part sizes and the parts in flight are
 * observed on the wire, with the emulator recommending B2's production 100 MB parts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class B2MemoryBudgetTest {
  private final List<Long> partSizes = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private B2Emulator emulator;
  private B2Client client;

  private Filesystem open(
      long minimumPart, java.util.function.UnaryOperator<B2Config.Builder> settings) {
    emulator =
        B2Emulator.builder()
            .recommendedPartSize(100_000_000L)
            .absoluteMinimumPartSize(minimumPart)
            .start();
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  boolean part = chain.request().url().encodedPath().contains("b2_upload_part");
                  if (!part) {
                    return chain.proceed(chain.request());
                  }
                  long body = chain.request().body().contentLength();
                  // hex_digits_at_end: the part's SHA-1 follows its bytes as 40 hex digits
                  boolean trailer =
                      "hex_digits_at_end".equals(chain.request().header("X-Bz-Content-Sha1"));
                  partSizes.add(trailer ? body - 40 : body);
                  maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  try {
                    return chain.proceed(chain.request());
                  } finally {
                    inFlight.decrementAndGet();
                  }
                })
            .build();
    client =
        B2Client.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(TestBuckets.credentials(emulator))
            .httpClient(http)
            .build();
    String bucket = TestBuckets.create(emulator, "allPrivate");
    return Filesystem.of(
        B2Adapter.create(client, settings.apply(TestBuckets.config(emulator, bucket)).build()));
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void write_unknownLengthStreamWithDefaults_keepsPartBuffersWithin64MiB() throws Exception {
    long size = 30_000_000L;
    try (Filesystem fs = open(5_000_000L, c -> c)) {
      LargeUploadChild.Generated source = new LargeUploadChild.Generated(size);
      assertThat(fs.write("big.bin", source, WriteOptions.DEFAULT).size()).isEqualTo(size);
      assertThat(partSizes).as("parts sent").hasSizeGreaterThan(1);
      long part = partSizes.get(0);
      assertThat(partSizes.subList(0, partSizes.size() - 1))
          .as("every part but the last")
          .containsOnly(part);
      assertThat(part).as("part size").isGreaterThanOrEqualTo(5_000_000L).isLessThan(100_000_000L);
      assertThat(part * (4 + 1))
          .as("part buffers at the default concurrency 4")
          .isLessThanOrEqualTo(64L << 20);
      assertThat(maxInFlight.get()).isLessThanOrEqualTo(4);
      assertThat(sha1(fs.readStream("big.bin"))).isEqualTo(source.hex());
    }
  }

  @Test
  void write_configuredPartSizeOverBudget_keepsItAndLowersConcurrency() throws Exception {
    long size = 7_000_000L;
    try (Filesystem fs =
        open(500_000L, c -> c.partSize(2_000_000).concurrency(4).memoryBudget(4L << 20))) {
      LargeUploadChild.Generated source = new LargeUploadChild.Generated(size);
      fs.write("budget.bin", source, WriteOptions.DEFAULT);
      assertThat(partSizes.get(0)).isEqualTo(2_000_000L);
      assertThat(partSizes).hasSize(4);
      assertThat(maxInFlight.get()).as("parts in flight within 4 MiB of 2 MB parts").isEqualTo(1);
    }
  }

  private static String sha1(java.io.InputStream in) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-1");
    try (in) {
      byte[] b = new byte[1 << 16];
      for (int n; (n = in.read(b)) > 0; ) {
        d.update(b, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
