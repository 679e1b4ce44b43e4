package dev.stowage.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.TransferListener;
import dev.stowage.TransferRetry;
import dev.stowage.WriteOptions;
import dev.stowage.b2.B2Adapter;
import dev.stowage.b2.B2Config;
import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateBucketRequest;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.b2.emulator.FaultPlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Retries the B2 adapter reports reach {@code stowage.retries} through the decorator's own transfer
 * listener, composed with the caller's: one injected 503 per test, lifted by the caller's listener
 * when it hears the retry, so each injected fault fails exactly one attempt.
 */
@Timeout(60)
class ObservedRetriesTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private B2Emulator emulator;
  private B2Client client;
  private B2Adapter adapter;

  @BeforeEach
  void setUp() {
    emulator = B2Emulator.builder().start();
    B2Credentials credentials = new B2Credentials(emulator.keyId(), emulator.applicationKey());
    client =
        B2Client.builder().endpoint(URI.create(emulator.url())).credentials(credentials).build();
    B2Bucket bucket =
        client.createBucket(
            new B2CreateBucketRequest("observed-retries", "allPrivate", null, null, null));
    adapter =
        B2Adapter.create(
            B2Config.builder(bucket.bucketName())
                .endpoint(URI.create(emulator.url()))
                .credentials(credentials)
                .retry(10, Duration.ofMillis(5), Duration.ofMillis(100))
                .build());
  }

  @AfterEach
  void tearDown() {
    adapter.close();
    client.close();
    emulator.close();
  }

  private ObservedFilesystem observed() {
    return ObservedFilesystem.builder(Filesystem.of(adapter), meters)
        .adapter("b2")
        .name("retries")
        .build();
  }

  private double retries(String operation, String kind) {
    Counter counter =
        meters
            .find(ObservationNames.RETRIES)
            .tag("operation", operation)
            .tag("error.kind", kind)
            .tag("adapter", "b2")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private void failOnce(String b2Operation) {
    emulator.useFaults(
        FaultPlan.builder().add(b2Operation, 1.0, Fault.serviceUnavailable()).build());
  }

  @Test
  void write_oneInjected503_countsOneRetryWithItsKindAndTheCallersListenerHearsEverything() {
    Heard heard = new Heard(emulator, false);
    try (ObservedFilesystem fs = observed()) {
      failOnce("b2_upload_file");
      fs.write("small.txt", new byte[100], WriteOptions.builder().listener(heard).build());

      assertThat(retries("write", "UNAVAILABLE")).isEqualTo(1);
      assertThat(heard.retries).hasSize(1);
      assertThat(heard.retries.get(0).kind()).isEqualTo(StorageException.Kind.UNAVAILABLE);
      assertThat(heard.events).containsExactly("started 100", "finished 100");
      assertThat(fs.fileSize("small.txt")).isEqualTo(100);
    }
  }

  @Test
  void write_callersListenerThrowsOnRetry_retryStillCountedAndWriteSucceeds() {
    Heard heard = new Heard(emulator, true);
    try (ObservedFilesystem fs = observed()) {
      failOnce("b2_upload_file");
      fs.write("small.txt", new byte[10], WriteOptions.builder().listener(heard).build());

      assertThat(heard.retries).hasSize(1);
      assertThat(retries("write", "UNAVAILABLE")).isEqualTo(1);
      assertThat(fs.fileSize("small.txt")).isEqualTo(10);
    }
  }

  @Test
  void write_countingFails_callersListenerStillHearsTheRetry() {
    meters
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                if (id.getName().equals(ObservationNames.RETRIES)) {
                  throw new IllegalStateException("meter registry refuses");
                }
                return id;
              }
            });
    Heard heard = new Heard(emulator, false);
    try (ObservedFilesystem fs = observed()) {
      failOnce("b2_upload_file");
      fs.write("small.txt", new byte[10], WriteOptions.builder().listener(heard).build());

      assertThat(heard.retries).hasSize(1);
      assertThat(heard.events).containsExactly("started 10", "finished 10");
      assertThat(fs.fileSize("small.txt")).isEqualTo(10);
    }
  }

  @Test
  void copy_oneInjected503_countsOneCopyRetry() {
    Heard heard = new Heard(emulator, false);
    try (ObservedFilesystem fs = observed()) {
      fs.write("a.txt", "abc");
      failOnce("b2_copy_file");
      fs.copy("a.txt", "b.txt", WriteOptions.builder().listener(heard).build());

      assertThat(retries("copy", "UNAVAILABLE")).isEqualTo(1);
      assertThat(heard.retries).hasSize(1);
      assertThat(fs.readString("b.txt")).isEqualTo("abc");
    }
  }

  @Test
  void readStream_withCallersListener_callerHearsTheReadAndBytesAreCounted() throws IOException {
    Heard heard = new Heard(emulator, false);
    try (ObservedFilesystem fs = observed()) {
      fs.write("r.txt", "hello");
      try (InputStream in = fs.readStream("r.txt", null, heard, null)) {
        assertThat(in.readAllBytes()).hasSize(5);
      }
      assertThat(heard.events).contains("finished 5");
      assertThat(meters.get(ObservationNames.BYTES_READ).counter().count()).isEqualTo(5);
      assertThat(
              meters
                  .find(ObservationNames.OPERATION_OBSERVATION)
                  .tag("operation", "read_stream")
                  .tag("outcome", "success")
                  .timer()
                  .count())
          .isEqualTo(1);
    }
  }

  /** The caller's own listener: records what it hears, lifts the faults on a retry, may throw then. */
  private static final class Heard implements TransferListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<TransferRetry> retries = new CopyOnWriteArrayList<>();
    private final B2Emulator emulator;
    private final boolean throwOnRetry;

    Heard(B2Emulator emulator, boolean throwOnRetry) {
      this.emulator = emulator;
      this.throwOnRetry = throwOnRetry;
    }

    @Override
    public void started(long totalBytes) {
      events.add("started " + totalBytes);
    }

    @Override
    public void retrying(TransferRetry retry) {
      retries.add(retry);
      emulator.useFaults(FaultPlan.NONE);
      if (throwOnRetry) {
        throw new IllegalStateException("caller's listener fails");
      }
    }

    @Override
    public void finished(long bytes) {
      events.add("finished " + bytes);
    }

    @Override
    public void failed(StorageException failure) {
      events.add("failed " + failure.kind());
    }
  }
}
