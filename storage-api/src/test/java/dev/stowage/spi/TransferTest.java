package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.CancellationToken;
import dev.stowage.StorageException;
import dev.stowage.TransferListener;
import dev.stowage.TransferRetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TransferTest {

  private final List<TransferRetry> retries = new CopyOnWriteArrayList<>();
  private final List<Long> bytes = new CopyOnWriteArrayList<>();
  private final TransferListener listener =
      new TransferListener() {
        @Override
        public void retrying(TransferRetry retry) {
          retries.add(retry);
        }

        @Override
        public void bytesTransferred(long bytesDone, long totalBytes) {
          bytes.add(bytesDone);
        }
      };

  @Test
  void retryHook_oneTransientFailure_reportsTheRetryWithItsKindAndCauseType() throws IOException {
    Retrier retrier = Retrier.builder().maxAttempts(3).baseDelay(Duration.ZERO).build();
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger ownHook = new AtomicInteger();
    Transfer transfer = Transfer.of(listener, null);

    String result =
        retrier.call(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw StorageException.of(
                    dev.stowage.Operation.WRITE,
                    "f",
                    StorageException.Kind.RATE_LIMITED,
                    "secret-bearing detail https://x?Authorization=abc",
                    null);
              }
              if (attempts.get() == 2) {
                throw new SocketTimeoutException("read timed out");
              }
              return "done";
            },
            transfer.retryHook((attempt, failure) -> ownHook.incrementAndGet()));

    assertThat(result).isEqualTo("done");
    assertThat(retries)
        .containsExactly(
            new TransferRetry(2, StorageException.Kind.RATE_LIMITED, "WriteFailedException"),
            new TransferRetry(3, StorageException.Kind.UNAVAILABLE, "SocketTimeoutException"));
    assertThat(ownHook.get()).isEqualTo(2);
    assertThat(retries.toString()).doesNotContain("Authorization");
  }

  @Test
  void retryHook_withoutListener_isTheAdaptersOwnHook() {
    Retrier.RetryHook own = (attempt, failure) -> {};
    assertThat(Transfer.NONE.retryHook(own)).isSameAs(own);
    assertThat(Transfer.NONE.retryHook(null)).isNull();
  }

  @Test
  void advance_fromManyThreads_reportsOnlyGrowingCounts() throws InterruptedException {
    Transfer transfer = Transfer.of(listener, null);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < 1000; i++) {
              transfer.add(1);
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    transfer.advanceTo(10); // smaller than reported: dropped

    assertThat(bytes).hasSize(4000);
    for (int i = 1; i < bytes.size(); i++) {
      assertThat(bytes.get(i)).isGreaterThan(bytes.get(i - 1));
    }
    assertThat(transfer.bytesDone()).isEqualTo(4000);
  }

  @Test
  void track_cancelled_failsTheNextReadWithoutInterruptingTheThread() throws IOException {
    CancellationToken token = CancellationToken.create();
    InputStream in = Transfer.of(null, token).track(new ByteArrayInputStream(new byte[10]));
    assertThat(in.read()).isZero();

    token.cancel();

    assertThatThrownBy(in::read).isInstanceOf(TransferCancelledException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void track_noneTransfer_returnsTheStreamItself() {
    InputStream in = new ByteArrayInputStream(new byte[1]);
    assertThat(Transfer.NONE.track(in)).isSameAs(in);
    assertThat(Transfer.of(null, null)).isSameAs(Transfer.NONE);
  }
}
