package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.CancellationToken;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.TransferListener;
import dev.stowage.WriteOptions;
import dev.stowage.testing.S3ProxyExtension;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Parts and cancellation of multipart writes to S3Proxy through a listener and a
 * {@link CancellationToken}: a cancelled write aborts its multipart upload and leaves no object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3TransferListenerTest {

  private static final int MIB = 1 << 20;

  @RegisterExtension
  static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("listened").perTest();

  private S3Client client;

  @BeforeEach
  void start() {
    client = EmbeddedS3Proxy.client(S3.server());
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private Filesystem open(String bucket) {
    return Filesystem.of(
        S3Adapter.create(
            EmbeddedS3Proxy.config(S3.server(), bucket)
                .partSize(5 * MIB)
                .multipartThreshold(5 * MIB)
                .concurrency(2)
                .build()));
  }

  @Test
  void write_bytesInParts_listenerHearsEveryPlannedPartAndTheSize() {
    String bucket = "listened";
    Set<Integer> parts = new TreeSet<>();
    List<Long> bytes = new CopyOnWriteArrayList<>();
    TransferListener listener =
        new TransferListener() {
          @Override
          public void partCompleted(int partNumber, long partBytes) {
            synchronized (parts) {
              parts.add(partNumber);
            }
          }

          @Override
          public void bytesTransferred(long bytesDone, long totalBytes) {
            bytes.add(bytesDone);
          }
        };
    try (Filesystem fs = open(bucket)) {
      fs.write("parts.bin", new byte[11 * MIB], WriteOptions.builder().listener(listener).build());

      assertThat(parts).containsExactly(1, 2, 3);
      assertThat(bytes).isSorted().doesNotHaveDuplicates();
      assertThat(bytes.get(bytes.size() - 1)).isEqualTo(11L * MIB);
      assertThat(fs.fileSize("parts.bin")).isEqualTo(11L * MIB);
    }
  }

  @Test
  void write_cancelledFromAnotherThreadAfterFirstPart_failsCancelledAndLeavesNothing()
      throws Exception {
    String bucket = "listened";
    CountDownLatch partSent = new CountDownLatch(1);
    CancellationToken token = CancellationToken.create();
    TransferListener listener =
        new TransferListener() {
          @Override
          public void partCompleted(int partNumber, long partBytes) {
            partSent.countDown();
          }
        };
    try (Filesystem fs = open(bucket)) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicBoolean interrupted = new AtomicBoolean(true);
      Thread writer =
          new Thread(
              () -> {
                try {
                  fs.write(
                      "cancelled.bin",
                      new StallingStream(6 * MIB),
                      WriteOptions.builder().listener(listener).cancellation(token).build());
                } catch (Throwable t) {
                  failure.set(t);
                }
                interrupted.set(Thread.currentThread().isInterrupted());
              });
      writer.start();
      assertThat(partSent.await(30, TimeUnit.SECONDS)).as("part 1 uploaded").isTrue();
      assertThat(uploads(bucket)).as("an upload is under way").isEqualTo(1);

      token.cancel();
      writer.join(TimeUnit.SECONDS.toMillis(20));

      assertThat(writer.isAlive()).isFalse();
      assertThat(failure.get()).isInstanceOf(StorageException.class);
      assertThat(((StorageException) failure.get()).kind())
          .isEqualTo(StorageException.Kind.CANCELLED);
      assertThat(interrupted).as("a cancel leaves no interrupt behind").isFalse();
      assertThat(uploads(bucket)).isZero();
      assertThat(fs.fileExists("cancelled.bin")).isFalse();
    }
  }

  private int uploads(String bucket) {
    return client.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
  }

  /** Yields {@code size} bytes, then blocks until interrupted, as a stalled pipe would. */
  private static final class StallingStream extends InputStream {
    private final long size;
    private long position;

    StallingStream(long size) {
      this.size = size;
    }

    @Override
    public int read() throws InterruptedIOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws InterruptedIOException {
      if (position >= size) {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("the source was interrupted");
        }
      }
      int n = (int) Math.min(len, size - position);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      position += n;
      return n;
    }
  }
}
