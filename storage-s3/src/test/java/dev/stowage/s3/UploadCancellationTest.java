package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import dev.stowage.testing.S3ProxyExtension;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
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
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Interrupting a multipart upload (the way a caller cancels one) leaves no multipart upload
 * behind: the abort runs although the uploading thread is interrupted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UploadCancellationTest {

  private static final int MIB = 1 << 20;

  @RegisterExtension
  static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("cancelled").perTest();

  private S3Client client;

  @BeforeEach
  void start() {
    client = EmbeddedS3Proxy.client(S3.server());
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void write_threadInterruptedMidMultipartUpload_abortedAndNothingLeft() throws Exception {
    String bucket = "cancelled";
    CountDownLatch partSent = new CountDownLatch(1);
    try (Filesystem fs =
        Filesystem.of(
            S3Adapter.create(
                EmbeddedS3Proxy.config(S3.server(), bucket)
                    .partSize(5 * MIB)
                    .multipartThreshold(5 * MIB)
                    .concurrency(2)
                    .interceptor(afterPart(partSent))
                    .build()))) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicBoolean interruptKept = new AtomicBoolean();
      Thread writer =
          new Thread(
              () -> {
                try {
                  fs.write("cancelled.bin", new StallingStream(6 * MIB), WriteOptions.DEFAULT);
                } catch (Throwable t) {
                  failure.set(t);
                  interruptKept.set(Thread.currentThread().isInterrupted());
                }
              });
      writer.start();
      assertThat(partSent.await(30, TimeUnit.SECONDS)).as("part 1 uploaded").isTrue();
      assertThat(uploads(bucket)).as("an upload is under way").isEqualTo(1);

      writer.interrupt();
      writer.join(TimeUnit.SECONDS.toMillis(20));

      assertThat(writer.isAlive()).isFalse();
      assertThat(failure.get()).isInstanceOf(StorageException.class);
      assertThat(interruptKept).as("the interrupt flag is kept for the caller").isTrue();
      assertThat(uploads(bucket)).isZero();
      assertThat(fs.fileExists("cancelled.bin")).isFalse();
    }
  }

  @Test
  void openOutputStream_writerInterruptedMidMultipartUpload_nothingLeft() throws Exception {
    String bucket = "cancelled";
    CountDownLatch partSent = new CountDownLatch(1);
    try (Filesystem fs =
        Filesystem.of(
            S3Adapter.create(
                EmbeddedS3Proxy.config(S3.server(), bucket)
                    .partSize(5 * MIB)
                    .multipartThreshold(5 * MIB)
                    .concurrency(2)
                    .interceptor(afterPart(partSent))
                    .build()))) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = fs.openOutputStream("streamed.bin", WriteOptions.DEFAULT)) {
                  for (int i = 0; i < 6 * 16; i++) {
                    out.write(chunk);
                  }
                  partSent.await();
                  Thread.currentThread().interrupt(); // cancelled while writing the rest
                  for (int i = 0; i < 16; i++) {
                    out.write(chunk);
                  }
                } catch (Throwable t) {
                  failure.set(t);
                }
              });
      writer.start();
      writer.join(TimeUnit.SECONDS.toMillis(30));

      assertThat(failure.get()).isNotNull();
      // The adapter's upload runs on the stream's own thread; the interrupted write waits for
      // its abort, so nothing is left by the time the writer has returned.
      assertThat(writer.isAlive()).isFalse();
      assertThat(uploads(bucket)).isZero();
      assertThat(fs.fileExists("streamed.bin")).isFalse();
    }
  }

  private int uploads(String bucket) {
    return client.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
  }

  private static ExecutionInterceptor afterPart(CountDownLatch latch) {
    return new ExecutionInterceptor() {
      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof UploadPartRequest) {
          latch.countDown();
        }
      }
    };
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
