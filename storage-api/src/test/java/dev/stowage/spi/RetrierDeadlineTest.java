package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The operation deadline and the refused-connection budget, on a fake clock. */
class RetrierDeadlineTest {

  /** A clock that only moves when the retrier sleeps or an attempt says it spent time. */
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private final List<Duration> sleeps = new ArrayList<>();

  private Retrier.Builder retrier() {
    return Retrier.builder()
        .nanoTime(now::get)
        .sleeper(
            d -> {
              sleeps.add(d);
              now.addAndGet(d.toNanos());
            })
        .seed(7)
        .maxAttempts(100)
        .baseDelay(Duration.ofMillis(200))
        .maxDelay(Duration.ofSeconds(5));
  }

  private void spend(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void call_silentServer_stopsRetryingAtTheDeadline() {
    Retrier r = retrier().deadline(Duration.ofSeconds(60)).build();
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      attempts.incrementAndGet();
                      spend(Duration.ofSeconds(10)); // each attempt waits its idle timeout
                      throw new SocketTimeoutException("read timed out");
                    }))
        .isInstanceOf(SocketTimeoutException.class);
    long elapsed = now.get() - 1_000_000_000L;
    assertThat(Duration.ofNanos(elapsed)).isLessThanOrEqualTo(Duration.ofSeconds(70));
    assertThat(attempts.get()).isBetween(2, 7);
  }

  @Test
  void callWithDeadline_attemptSeesTheTimeLeft() throws IOException {
    Retrier r = retrier().deadline(Duration.ofSeconds(30)).build();
    List<Duration> seen = new ArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    String result =
        r.callWithDeadline(
            deadline -> {
              seen.add(deadline.remaining());
              spend(Duration.ofSeconds(4));
              if (attempts.incrementAndGet() < 3) {
                throw new SocketTimeoutException("slow");
              }
              return "ok";
            });
    assertThat(result).isEqualTo("ok");
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(seen.get(1)).isLessThan(Duration.ofSeconds(26));
    assertThat(seen.get(2)).isLessThan(seen.get(1));
  }

  @Test
  void call_noDeadline_usesAllAttempts() {
    Retrier r = retrier().maxAttempts(4).build();
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      attempts.incrementAndGet();
                      spend(Duration.ofSeconds(100));
                      throw new SocketTimeoutException("read timed out");
                    }))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(attempts.get()).isEqualTo(4);
    assertThat(r.deadline()).isNull();
    assertThat(r.startDeadline().isInfinite()).isTrue();
  }

  @Test
  void call_connectionRefused_givesUpWithinTheRefusedBudget() {
    Retrier r = retrier().deadline(Duration.ofSeconds(60)).build();
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IOException(
                          "upload failed", new ConnectException("Connection refused"));
                    }))
        .hasRootCauseInstanceOf(ConnectException.class);
    long elapsed = now.get() - 1_000_000_000L;
    assertThat(Duration.ofNanos(elapsed)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(attempts.get()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void call_connectionRefused_zeroBudget_neverRetries() {
    Retrier r = retrier().refusedBudget(Duration.ZERO).build();
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw new ConnectException("Connection refused");
                    }))
        .isInstanceOf(ConnectException.class);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void build_maxDelayBelowDefaultBase_clampsTheBase() {
    Retrier r = Retrier.builder().maxDelay(Duration.ofMillis(100)).build();
    assertThat(r.delayBefore(1, new IOException())).isLessThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void build_explicitBaseAboveMax_isRefused() {
    assertThatThrownBy(
            () ->
                Retrier.builder()
                    .baseDelay(Duration.ofSeconds(2))
                    .maxDelay(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseDelay");
  }

  @Test
  void deadline_zero_isRefused() {
    assertThatThrownBy(() -> Retrier.builder().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadline");
  }

  @Test
  void deadline_remainingAndCap() {
    Deadline d = Deadline.after(Duration.ofSeconds(10), now::get);
    assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.cap(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.cap(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    spend(Duration.ofSeconds(11));
    assertThat(d.expired()).isTrue();
    assertThat(d.remaining()).isEqualTo(Duration.ZERO);
    assertThat(Deadline.NONE.expired()).isFalse();
  }
}
