package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.Operation;
import dev.stowage.StorageException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

class FilesystemHealthIndicatorTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void health_emptyMemoryFilesystem_isUp() {
    try (Filesystem fs = Filesystems.open("memory:")) {
      assertThat(
              new FilesystemHealthIndicator(fs, Duration.ofSeconds(5), executor)
                  .health()
                  .getStatus())
          .isEqualTo(Status.UP);
    }
  }

  @Test
  void health_hangingListing_isDownWithTimeoutAndNeverDoublesTheCheck() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger listings = new AtomicInteger();
    try (Filesystem memory = Filesystems.open("memory:")) {
      Filesystem hanging =
          forwarding(
              memory,
              () -> {
                listings.incrementAndGet();
                release.await();
              });
      FilesystemHealthIndicator indicator =
          new FilesystemHealthIndicator(hanging, Duration.ofMillis(200), executor);
      Health first = indicator.health();
      assertThat(first.getStatus()).isEqualTo(Status.DOWN);
      assertThat(first.getDetails()).containsEntry("kind", "TIMEOUT");
      assertThat(indicator.health().getDetails()).containsEntry("kind", "TIMEOUT");
      assertThat(listings).hasValue(1);
      release.countDown();
      // The hanging check ends; the next call waits for it or starts a fresh one, and is UP.
      executor.submit(() -> {}).get(5, TimeUnit.SECONDS);
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void contributor_oneHangingFilesystem_doesNotDelayTheOthersCheck() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Filesystem memory = Filesystems.open("memory:");
        Filesystem other = Filesystems.open("memory:")) {
      Filesystem hanging = forwarding(memory, release::await);
      java.util.Map<String, Filesystem> beans = new java.util.LinkedHashMap<>();
      beans.put("hanging", hanging);
      beans.put("healthy", other);
      StowageHealthContributor contributor =
          new StowageHealthContributor(beans, Duration.ofMillis(300));
      try {
        HealthIndicator first = (HealthIndicator) contributor.getContributor("hanging");
        HealthIndicator second = (HealthIndicator) contributor.getContributor("healthy");
        assertThat(first.health().getDetails()).containsEntry("kind", "TIMEOUT");
        assertThat(second.health().getStatus()).isEqualTo(Status.UP);
      } finally {
        release.countDown();
        contributor.destroy();
      }
    }
  }

  @Test
  void health_afterTheExecutorIsShutDown_isUnknownNotHanging() {
    try (Filesystem fs = Filesystems.open("memory:")) {
      ExecutorService stopped = Executors.newSingleThreadExecutor();
      stopped.shutdown();
      Health h = new FilesystemHealthIndicator(fs, Duration.ofSeconds(5), stopped).health();
      assertThat(h.getStatus()).isEqualTo(Status.UNKNOWN);
      assertThat(h.getDetails()).containsEntry("kind", "NOT_CHECKED");
    }
  }

  @Test
  void health_concurrentCallsWhileTheExecutorRefuses_allAnswerNotChecked() throws Exception {
    try (Filesystem fs = Filesystems.open("memory:")) {
      HealthIndicator indicator =
          new FilesystemHealthIndicator(
              fs,
              Duration.ofSeconds(5),
              task -> {
                throw new RejectedExecutionException("shut down");
              });
      // Callers race to start a check that each refusal clears again; none may see the cleared slot
      // as a check.
      int callers = 4;
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Set<Object>>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(
            executor.submit(
                () -> {
                  start.await();
                  Set<Object> kinds = new HashSet<>();
                  for (int call = 0; call < 20_000; call++) {
                    Health h = indicator.health();
                    kinds.add(h.getStatus() + "/" + h.getDetails().get("kind"));
                  }
                  return kinds;
                }));
      }
      start.countDown();
      for (Future<Set<Object>> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).containsExactly("UNKNOWN/NOT_CHECKED");
      }
    }
  }

  @Test
  void health_storageFailure_isDownWithTheKindAndNoMessage() {
    try (Filesystem memory = Filesystems.open("memory:")) {
      Filesystem refusing =
          forwarding(
              memory,
              () -> {
                throw StorageException.of(
                    Operation.LIST,
                    "",
                    StorageException.Kind.PERMISSION_DENIED,
                    "b2 unauthorized, 401 for key K005secret",
                    null);
              });
      Health h = new FilesystemHealthIndicator(refusing, Duration.ofSeconds(5), executor).health();
      assertThat(h.getStatus()).isEqualTo(Status.DOWN);
      assertThat(h.getDetails())
          .containsEntry("kind", "PERMISSION_DENIED")
          .containsEntry("retryable", false);
      assertThat(h.toString()).doesNotContain("K005secret");
    }
  }

  @Test
  void constructor_nonPositiveTimeout_isRefused() {
    try (Filesystem fs = Filesystems.open("memory:")) {
      assertThatThrownBy(() -> new FilesystemHealthIndicator(fs, Duration.ZERO, executor))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timeout");
    }
  }

  interface Step {
    void run() throws Exception;
  }

  /** Forwards every call to {@code target}, running {@code beforeList} before each listing. */
  static Filesystem forwarding(Filesystem target, Step beforeList) {
    return (Filesystem)
        Proxy.newProxyInstance(
            Filesystem.class.getClassLoader(),
            new Class<?>[] {Filesystem.class},
            (proxy, method, args) -> {
              if (method.getName().equals("list")) {
                beforeList.run();
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
