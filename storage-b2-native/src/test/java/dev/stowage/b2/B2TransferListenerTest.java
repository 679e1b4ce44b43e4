package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.CancellationToken;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.TransferListener;
import dev.stowage.TransferRetry;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.Fault;
import dev.stowage.b2.emulator.FaultPlan;
import dev.stowage.testing.B2EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Progress, parts, retries and cancellation of writes to the B2 emulator, heard through a listener. */
@Timeout(60)
class B2TransferListenerTest {

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () -> B2Emulator.builder().recommendedPartSize(1024).absoluteMinimumPartSize(512))
          .bucket("listened")
          .perTest();

  private static final int SIZE = 5000; // large: above the 2048-byte cutoff

  private B2Emulator emulator;
  private B2Client client;
  private String bucket;
  private Filesystem fs;
  private final Recorder listener = new Recorder();
  private final byte[] data = new byte[SIZE];

  @BeforeEach
  void setUp() {
    new Random(7).nextBytes(data);
    emulator = B2.emulator();
    bucket = "listened";
    client = TestBuckets.client(emulator);
    B2Config config =
        TestBuckets.config(emulator, bucket).uploadCutoff(2048).concurrency(3).build();
    // Before a retry, the faults stop: each injected fault fails exactly one attempt.
    fs =
        Filesystem.of(
            B2Adapter.create(
                TestBuckets.client(emulator), config, delay -> emulator.useFaults(FaultPlan.NONE)));
  }

  @AfterEach
  void tearDown() {
    fs.close();
    client.close();
  }

  @Test
  void write_largeFile_reportsMonotonicBytesToTheSizeAndEveryPlannedPart(@TempDir Path dir)
      throws Exception {
    Path file = Files.write(dir.resolve("big.bin"), data);

    fs.write("big.bin", file, WriteOptions.builder().listener(listener).build());

    assertThat(fs.read("big.bin")).isEqualTo(data);
    assertThat(listener.events).containsExactly("started " + SIZE, "finished " + SIZE);
    assertThat(listener.bytesStrictlyGrow()).isTrue();
    assertThat(listener.bytes.get(listener.bytes.size() - 1)).isEqualTo(SIZE);
    Map<Integer, Long> parts = listener.parts();
    long partSize = parts.get(1);
    int planned = (int) ((SIZE + partSize - 1) / partSize);
    assertThat(planned).isGreaterThan(1);
    assertThat(parts.keySet()).hasSize(planned).allMatch(n -> n >= 1 && n <= planned);
    assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SIZE);
  }

  @Test
  void write_oneInjectedUploadFailure_reportsOneRetryWithItsKind() {
    emulator.useFaults(
        FaultPlan.builder().add("b2_upload_file", 1.0, Fault.serviceUnavailable()).build());

    fs.write("small.txt", new byte[100], WriteOptions.builder().listener(listener).build());

    assertThat(listener.retries).hasSize(1);
    TransferRetry retry = listener.retries.get(0);
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE);
    assertThat(listener.events).containsExactly("started 100", "finished 100");
    assertThat(fs.fileSize("small.txt")).isEqualTo(100);
  }

  @Test
  void write_cancelledAfterFirstPart_failsCancelledAndLeavesNoLargeFileNorTarget() {
    CancellationToken token = CancellationToken.create();
    listener.cancelOnPart = token;

    assertThatThrownBy(
            () ->
                fs.write(
                    "cancelled.bin",
                    data,
                    WriteOptions.builder().listener(listener).cancellation(token).build()))
        .isInstanceOf(StorageException.class)
        .satisfies(
            e ->
                assertThat(((StorageException) e).kind())
                    .isEqualTo(StorageException.Kind.CANCELLED));

    String bucketId = client.listBuckets(null, bucket).get(0).bucketId();
    assertThat(client.listUnfinishedLargeFiles(bucketId, null, null, 100).files()).isEmpty();
    assertThat(fs.fileExists("cancelled.bin")).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(listener.events).containsExactly("started " + SIZE, "failed CANCELLED");
  }

  /** Records what a transfer reports. */
  private static final class Recorder implements TransferListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Long> bytes = new CopyOnWriteArrayList<>();
    final List<TransferRetry> retries = new CopyOnWriteArrayList<>();
    private final Map<Integer, Long> parts = new TreeMap<>();
    volatile CancellationToken cancelOnPart;

    @Override
    public void started(long totalBytes) {
      events.add("started " + totalBytes);
    }

    @Override
    public void bytesTransferred(long bytesDone, long totalBytes) {
      bytes.add(bytesDone);
    }

    @Override
    public void partCompleted(int partNumber, long partBytes) {
      synchronized (parts) {
        parts.put(partNumber, partBytes);
      }
      if (cancelOnPart != null) {
        cancelOnPart.cancel();
      }
    }

    @Override
    public void retrying(TransferRetry retry) {
      retries.add(retry);
    }

    @Override
    public void finished(long size) {
      events.add("finished " + size);
    }

    @Override
    public void failed(StorageException e) {
      events.add("failed " + e.kind());
    }

    boolean bytesStrictlyGrow() {
      for (int i = 1; i < bytes.size(); i++) {
        if (bytes.get(i) <= bytes.get(i - 1)) {
          return false;
        }
      }
      return !bytes.isEmpty();
    }

    Map<Integer, Long> parts() {
      synchronized (parts) {
        return new TreeMap<>(parts);
      }
    }
  }
}
