package dev.stowage.spring;

import dev.stowage.Filesystem;
import dev.stowage.decorator.MountManager;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;

/**
 * The {@code stowage} health entry: one {@link FilesystemHealthIndicator} per {@link Filesystem}
 * bean, named by the bean, and for a {@link MountManager} bean one per mount, nested under the
 * bean's name. The checks run on daemon threads of this contributor, released with the context.
 */
public final class StowageHealthContributor implements CompositeHealthContributor, DisposableBean {

  private final ExecutorService executor;
  private final CompositeHealthContributor delegate;

  /** Creates the contributor over the filesystem beans by name, each check bounded by {@code timeout}. */
  public StowageHealthContributor(Map<String, Filesystem> filesystems, Duration timeout) {
    AtomicInteger count = new AtomicInteger();
    // One thread per check at most, so that a hanging backend never delays another's check;
    // idle threads end after a while.
    int threads = Math.max(1, filesystems.size() + mountCount(filesystems));
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "stowage-health-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
    Map<String, HealthContributor> entries = new LinkedHashMap<>();
    filesystems.forEach(
        (name, fs) -> {
          if (fs instanceof MountManager mounts) {
            Map<String, HealthContributor> nested = new LinkedHashMap<>();
            mounts
                .mounts()
                .forEach(
                    (mount, mounted) ->
                        nested.put(mount, new FilesystemHealthIndicator(mounted, timeout, pool)));
            entries.put(name, CompositeHealthContributor.fromMap(nested));
          } else {
            entries.put(name, new FilesystemHealthIndicator(fs, timeout, pool));
          }
        });
    this.delegate = CompositeHealthContributor.fromMap(entries);
  }

  private static int mountCount(Map<String, Filesystem> filesystems) {
    return filesystems.values().stream()
        .mapToInt(fs -> fs instanceof MountManager m ? m.mounts().size() : 0)
        .sum();
  }

  @Override
  public HealthContributor getContributor(String name) {
    return delegate.getContributor(name);
  }

  @Override
  public Iterator<NamedContributor<HealthContributor>> iterator() {
    return delegate.iterator();
  }

  /** Stops the check threads; a check still hanging is interrupted. */
  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
