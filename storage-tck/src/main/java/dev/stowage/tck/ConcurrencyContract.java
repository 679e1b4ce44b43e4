package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.StorageAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concurrency and consistency (Q1–Q4), with bounded thread counts. */
@ContractGroup("concurrency")
public interface ConcurrencyContract extends KitFixture {

  /** Q1: parallel writes of different files all succeed. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  default void write_parallelDifferentFiles_allSucceed() throws Exception {
    String d = newDirectory("q1");
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      String path = d + "/file-" + i;
      byte[] data = KitData.bytes(1000 + i, i);
      tasks.add(
          () -> {
            fs().write(path, data);
            return null;
          });
    }
    runTogether(tasks);
    for (int i = 0; i < 32; i++) {
      FilesystemAssert.assertThat(fs()).hasFile(d + "/file-" + i, KitData.bytes(1000 + i, i));
    }
    assertThat(fs().list(d).toList()).hasSize(32);
  }

  /** Q2: parallel reads of one file return identical bytes. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  default void read_parallelSameFile_identicalBytes() throws Exception {
    String path = newDirectory("q2") + "/shared.bin";
    byte[] data = KitData.bytes(300_000);
    fs().write(path, data);
    List<Callable<byte[]>> tasks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tasks.add(() -> KitData.readAll(fs().readStream(path)));
    }
    for (byte[] read : runTogether(tasks)) {
      assertThat(read).isEqualTo(data);
    }
  }

  /** Q3: concurrent writes of one file leave exactly one writer's content, never a mix. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  default void write_parallelSameFile_lastWriterWinsWithoutTearing() throws Exception {
    String path = newDirectory("q3") + "/contended.bin";
    List<byte[]> contents = new ArrayList<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      byte[] data = new byte[100_000];
      Arrays.fill(data, (byte) ('a' + i));
      contents.add(data);
      tasks.add(
          () -> {
            fs().write(path, data);
            return null;
          });
    }
    runTogether(tasks);
    byte[] result = fs().read(path);
    assertThat(contents)
        .as("the final content is one writer's")
        .anySatisfy(c -> assertThat(result).isEqualTo(c));
    assertThat(fs().list(path.substring(0, path.lastIndexOf('/'))).toList()).hasSize(1);
  }

  /** Q4: a new file is readable, stat-able and listed within the backend's consistency window. */
  @Test
  default void write_thenReadAndList_visibleWithinBound() {
    String d = newDirectory("q4");
    for (int i = 0; i < 5; i++) {
      String path = d + "/visible-" + i;
      fs().write(path, "v" + i);
      int n = i;
      assertThat(
              KitData.eventually(
                  consistencyBound(),
                  () ->
                      fs().fileExists(path)
                          && fs().readString(path).equals("v" + n)
                          && fs().list(d).toList().stream()
                              .map(StorageAttributes::path)
                              .anyMatch(path::equals)))
          .as("%s visible within %s", path, consistencyBound())
          .isTrue();
    }
  }

  /** Starts every task at the same moment on a bounded pool and returns their results in order. */
  private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, tasks.size()));
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(100, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
