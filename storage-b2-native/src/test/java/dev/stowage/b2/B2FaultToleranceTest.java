package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2FileNamesPage;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.b2.emulator.FaultPlan;
import dev.stowage.testing.B2EmulatorExtension;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 500 uploads (small and large) and 500 downloads through an emulator that fails uploads on
 * purpose ({@code fail_some_uploads}), expires account tokens ({@code expire_some_account_authorization_tokens})
 * and injects 503, 429 and connection resets into 10 % of all calls. Everything must complete with
 * the right SHA-1, and no unfinished large file may be left behind.
 */
@Tag("fault")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class B2FaultToleranceTest {
  private static final int UPLOADS = 500;
  private static final int DOWNLOADS = 500;

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .recommendedPartSize(1024)
                      .absoluteMinimumPartSize(512)
                      .testModeFailureRate(0.2)
                      .faults(
                          FaultPlan.builder()
                              .seed(42)
                              .add("*", 0.04, Fault.serviceUnavailable())
                              .add("*", 0.03, Fault.tooManyRequests(null))
                              .add("*", 0.03, new Fault.Reset())
                              .build()))
          .bucket("tolerant")
          .perTest();

  private B2Emulator emulator;
  private String bucket;
  private Filesystem failingUploads;
  private Filesystem expiringTokens;
  private final List<B2Client> clients = new ArrayList<>();
  private final AtomicInteger retries = new AtomicInteger();

  @BeforeEach
  void setUp() {
    emulator = B2.emulator();
    bucket = "tolerant";
    // B2 takes one test mode per request: half the traffic goes through each.
    failingUploads = open("fail_some_uploads");
    expiringTokens = open("expire_some_account_authorization_tokens");
  }

  private Filesystem open(String testMode) {
    B2Client client =
        B2Client.builder()
            .endpoint(java.net.URI.create(emulator.url()))
            .credentials(TestBuckets.credentials(emulator))
            .testMode(testMode)
            .build();
    clients.add(client);
    B2Config config =
        TestBuckets.config(emulator, bucket)
            .uploadCutoff(2048)
            .concurrency(3)
            .retry(12, Duration.ofMillis(1), Duration.ofMillis(20))
            .build();
    return Filesystem.of(
        B2Adapter.create(
            client,
            config,
            delay -> {
              retries.incrementAndGet();
              Thread.sleep(delay.toMillis());
            }));
  }

  @AfterEach
  void tearDown() {
    failingUploads.close();
    expiringTokens.close();
    clients.forEach(B2Client::close);
  }

  @Test
  void uploadsAndDownloads_underInjectedFaults_allCompleteIntact() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> uploads = new ArrayList<>();
      for (int i = 0; i < UPLOADS; i++) {
        int n = i;
        uploads.add(pool.submit(() -> upload(n)));
      }
      List<String> paths = new ArrayList<>();
      for (Future<String> f : uploads) {
        paths.add(f.get());
      }
      List<Future<?>> downloads = new ArrayList<>();
      for (int i = 0; i < DOWNLOADS; i++) {
        int n = i;
        downloads.add(pool.submit(() -> download(n, paths.get(n % paths.size()))));
      }
      for (Future<?> f : downloads) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    emulator.useFaults(FaultPlan.NONE);
    assertThat(retries.get()).as("retries after injected faults").isGreaterThan(100);
    try (B2Client client = TestBuckets.client(emulator)) {
      String bucketId = client.listBuckets(null, bucket).get(0).bucketId();
      assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files())
          .as("unfinished large files")
          .isEmpty();
      B2FileNamesPage page =
          client.listFileNames(B2ListFilesRequest.of(bucketId, "f/", null, 1000));
      assertThat(page.files()).hasSize(UPLOADS);
      assertThat(page.files())
          .filteredOn(v -> "none".equals(v.contentSha1()))
          .as("large files among the uploads")
          .hasSize(UPLOADS / 4);
    }
  }

  private String upload(int n) {
    byte[] data = content(n);
    String path = "f/" + n + ".bin";
    FileAttributes a = fs(n).write(path, data);
    assertThat(a.size()).isEqualTo(data.length);
    assertThat(a.checksums().get(ChecksumAlgorithm.SHA1))
        .as("SHA-1 of %s", path)
        .isEqualTo(sha1(data));
    return path;
  }

  private void download(int n, String path) {
    int index = Integer.parseInt(path.substring(2, path.indexOf('.')));
    byte[] read = fs(n).read(path);
    assertThat(sha1(read)).as("SHA-1 of %s", path).isEqualTo(sha1(content(index)));
  }

  private Filesystem fs(int n) {
    return n % 2 == 0 ? failingUploads : expiringTokens;
  }

  /** Every fourth file is large (3 to 5 parts of 1 KiB), the rest small. */
  private static byte[] content(int n) {
    Random random = new Random(n);
    byte[] data = new byte[n % 4 == 0 ? 2048 + random.nextInt(3000) : 1 + random.nextInt(600)];
    random.nextBytes(data);
    return data;
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
