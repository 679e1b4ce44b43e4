package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.spi.Timeouts;
import dev.stowage.testing.FaultKind;
import dev.stowage.testing.FaultProxy;
import dev.stowage.testing.FaultSchedule;
import dev.stowage.testing.FaultSuite;
import dev.stowage.testing.FaultSuiteReport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The fault suite against S3Proxy: all of the adapter's traffic passes a {@link FaultProxy} that
 * resets, truncates and refuses connections. The SDK pools connections, so every connection gets
 * a fault somewhere in its first 32 KiB (counted across the requests it carries): a reset, a
 * truncation, a stall or a refusal; short timeouts keep a stall to a second. Throttling is left
 * out: a slow connection never dies, so the pool would carry the whole run on it.
 */
@Tag("fault")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class S3FaultSuiteTest {

  /** Short limits, so that a stall costs a second, not the default 30 s. */
  private static final Timeouts TIMEOUTS =
      new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));

  private EmbeddedS3Proxy server;
  private String bucket;
  private FaultSchedule schedule;
  private FaultProxy proxy;
  private Filesystem proxied;
  private Filesystem direct;

  @BeforeEach
  void setUp() throws Exception {
    server = EmbeddedS3Proxy.inMemory();
    bucket = server.createBucket();
    schedule =
        FaultSchedule.seeded(10)
            .probability(1)
            .weight(FaultKind.FLIP, 0)
            // A throttled connection never dies, so with pooling it would carry the whole run.
            .weight(FaultKind.SLOW, 0)
            .maxOffset(32 * 1024)
            .build();
    proxy = FaultProxy.start("127.0.0.1", server.endpoint().getPort(), schedule);
    proxied =
        Filesystem.of(
            S3Adapter.create(
                S3Config.builder(bucket)
                    .profile(S3Profile.GENERIC)
                    .endpoint(URI.create("http://127.0.0.1:" + proxy.port()))
                    .credentials(server.accessKey(), server.secretKey())
                    .visibilityMode(dev.stowage.VisibilityMode.PER_OBJECT)
                    .createOnly(true)
                    .timeouts(TIMEOUTS)
                    .build()));
    direct = Filesystem.of(S3Adapter.create(server.config(bucket).build()));
  }

  @AfterEach
  void tearDown() {
    proxied.close();
    direct.close();
    proxy.close();
    server.close();
  }

  private List<String> unfinishedUploads() {
    return server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
        .map(MultipartUpload::key)
        .map(key -> "unfinished multipart upload " + key)
        .toList();
  }

  @Test
  void faultSuite_throughFaultProxy_isClean() {
    FaultSuiteReport report =
        FaultSuite.builder(proxied)
            .truth(direct)
            .seed(10)
            .operations(1000)
            .deadline(TIMEOUTS.operation())
            .smallSize(4 * 1024)
            .streamSize(40 * 1024, 100 * 1024)
            .leftovers(this::unfinishedUploads)
            .build()
            .run();
    System.out.println(report.summary() + "proxy: " + schedule);

    assertThat(schedule.firedTotal())
        .as("faults fired: %s", schedule)
        .isGreaterThanOrEqualTo(report.attempted() / 10);
    report.assertClean();
  }
}
