package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ReadFailedException;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.WriteFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {

  /** Records requested sleeps instead of sleeping. */
  static final class RecordingSleeper implements Retrier.Sleeper {
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private Retrier.Builder retrier() {
    return Retrier.builder()
        .sleeper(sleeper)
        .seed(42)
        .baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofSeconds(2));
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static StorageException unavailable() {
    return ReadFailedException.at("p", Kind.UNAVAILABLE, "503", null);
  }

  @Test
  void call_success_runsOnceWithoutSleeping() throws IOException {
    assertThat(retrier().build().call(() -> "ok")).isEqualTo("ok");
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void call_transientFailures_retriesUntilSuccess() throws IOException {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        retrier()
            .maxAttempts(5)
            .build()
            .call(
                () -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw unavailable();
                  }
                  return "done";
                });
    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
    assertThat(sleeper.sleeps).hasSize(2);
  }

  @Test
  void call_alwaysFailing_rethrowsLastFailureAfterMaxAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    List<StorageException> thrown = new ArrayList<>();
    assertThatThrownBy(
            () ->
                retrier()
                    .maxAttempts(4)
                    .build()
                    .call(
                        () -> {
                          attempts.incrementAndGet();
                          StorageException e = unavailable();
                          thrown.add(e);
                          throw e;
                        }))
        .isSameAs(thrown.get(3));
    assertThat(attempts).hasValue(4);
    assertThat(sleeper.sleeps).hasSize(3);
  }

  @Test
  void call_nonRetryableKind_failsAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier()
                    .build()
                    .call(
                        () -> {
                          attempts.incrementAndGet();
                          throw ReadFailedException.notFound("p");
                        }))
        .isInstanceOf(ReadFailedException.class);
    assertThat(attempts).hasValue(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void call_otherRuntimeException_failsAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier()
                    .build()
                    .call(
                        () -> {
                          attempts.incrementAndGet();
                          throw new IllegalStateException("bug");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void call_ioExceptions_areRetriedAndLastRethrown() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier()
                    .maxAttempts(3)
                    .build()
                    .call(
                        () -> {
                          throw new IOException("reset " + attempts.incrementAndGet());
                        }))
        .isInstanceOf(IOException.class)
        .hasMessage("reset 3");
  }

  @Test
  void isRetryable_classifiesFailures() {
    Retrier r = retrier().build();
    assertThat(r.isRetryable(new SocketTimeoutException())).isTrue();
    assertThat(r.isRetryable(new InterruptedIOException())).isFalse();
    assertThat(r.isRetryable(new IOException())).isTrue();
    assertThat(r.isRetryable(WriteFailedException.at("p", Kind.RATE_LIMITED, null, null))).isTrue();
    assertThat(r.isRetryable(WriteFailedException.at("p", Kind.INTEGRITY, null, null))).isTrue();
    assertThat(r.isRetryable(WriteFailedException.at("p", Kind.PERMISSION_DENIED, null, null)))
        .isFalse();
    assertThat(r.isRetryable(new IllegalArgumentException())).isFalse();
  }

  @Test
  void delays_areFullJitterWithinTheCappedExponential() {
    Retrier r = retrier().build();
    for (int attempt = 1; attempt <= 10; attempt++) {
      long cap = Math.min(2000, 100L << (attempt - 1));
      for (int i = 0; i < 200; i++) {
        Duration d = r.delayBefore(attempt, new IOException());
        assertThat(d.toMillis()).isBetween(0L, cap);
      }
    }
  }

  @Test
  void delays_useTheWholeJitterRange() {
    Retrier r = retrier().build();
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 500; i++) {
      long d = r.delayBefore(5, new IOException()).toMillis();
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isLessThan(200);
    assertThat(max).isGreaterThan(1400);
  }

  @Test
  void delays_neverLessThanRetryAfter() throws Exception {
    StorageException slowDown =
        StorageException.of(
            dev.stowage.Operation.WRITE,
            "p",
            null,
            Kind.RATE_LIMITED,
            "429",
            Duration.ofSeconds(7),
            null);
    AtomicInteger attempts = new AtomicInteger();
    retrier()
        .build()
        .call(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw slowDown;
              }
              return null;
            });
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void delays_backendRetryAfter_isHonoured() throws Exception {
    BackendException slowDown =
        BackendException.of(Kind.RATE_LIMITED, "429", Duration.ofSeconds(5), null);
    AtomicInteger attempts = new AtomicInteger();
    retrier()
        .build()
        .call(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw slowDown;
              }
              return null;
            });
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void isRetryable_backendException_followsItsKind() {
    Retrier r = retrier().build();
    assertThat(r.isRetryable(BackendException.of(Kind.UNAVAILABLE, "503"))).isTrue();
    assertThat(r.isRetryable(BackendException.of(Kind.INTEGRITY, "sha1"))).isTrue();
    assertThat(r.isRetryable(BackendException.of(Kind.NOT_FOUND, "404"))).isFalse();
    assertThat(r.isRetryable(BackendException.of(Kind.PERMISSION_DENIED, "401"))).isFalse();
  }

  @Test
  void delays_hugeAttemptNumbersDoNotOverflow() {
    Retrier r = retrier().build();
    assertThat(r.delayBefore(100, new IOException()).toMillis()).isBetween(0L, 2000L);
  }

  @Test
  void call_hookRunsBeforeEachRetry() throws IOException {
    List<Integer> hooked = new ArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    retrier()
        .build()
        .call(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw unavailable();
              }
              return null;
            },
            (attempt, failure) -> {
              assertThat(failure).isInstanceOf(StorageException.class);
              hooked.add(attempt);
            });
    assertThat(hooked).containsExactly(2, 3);
  }

  @Test
  void call_hookFailureCountsAsAttemptFailure() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier()
                    .maxAttempts(3)
                    .build()
                    .call(
                        () -> {
                          attempts.incrementAndGet();
                          throw unavailable();
                        },
                        (attempt, failure) -> {
                          throw new IOException("no upload url");
                        }))
        .isInstanceOf(IOException.class)
        .hasMessage("no upload url");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void call_interruptedWhileSleeping_stopsAndRestoresFlag() {
    Retrier r =
        Retrier.builder()
            .sleeper(
                d -> {
                  throw new InterruptedException();
                })
            .build();
    AtomicInteger attempts = new AtomicInteger();
    StorageException failure = unavailable();
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(attempts).hasValue(1);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(failure.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class);
  }

  @Test
  void call_alreadyInterrupted_doesNotRetry() {
    AtomicInteger attempts = new AtomicInteger();
    Thread.currentThread().interrupt();
    assertThatThrownBy(
            () ->
                retrier()
                    .build()
                    .call(
                        () -> {
                          attempts.incrementAndGet();
                          throw new IOException("x");
                        }))
        .isInstanceOf(IOException.class);
    assertThat(attempts).hasValue(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void none_neverRetries() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Retrier.NONE.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IOException();
                    }))
        .isInstanceOf(IOException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void builder_rejectsBadValues() {
    assertThatThrownBy(() -> Retrier.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Retrier.builder().baseDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Retrier.builder()
                    .baseDelay(Duration.ofSeconds(5))
                    .maxDelay(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customRule_decidesWhatIsRetried() throws IOException {
    AtomicInteger attempts = new AtomicInteger();
    retrier()
        .retryable(e -> e instanceof IllegalStateException)
        .build()
        .call(
            () -> {
              if (attempts.incrementAndGet() < 2) {
                throw new IllegalStateException();
              }
              return null;
            });
    assertThat(attempts).hasValue(2);
  }
}
