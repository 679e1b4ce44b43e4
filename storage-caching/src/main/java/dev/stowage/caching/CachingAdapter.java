package dev.stowage.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Caches {@code stat} and {@code fileExists} answers (including "not found") for a while, so
 * that repeated metadata calls skip the backend. Every change made through this adapter —
 * write, copy, move, delete, setVisibility, createDirectory, deleteDirectory — invalidates the
 * paths it touches (deleteDirectory: everything below), before and after the change. Changes
 * made by others are seen once an entry expires.
 *
 * <p>The {@code storage-caching} module brings Caffeine with it; nothing else is needed.
 *
 * <pre>{@code
 * FilesystemAdapter cached = CachingAdapter.builder(adapter)
 *     .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();
 * Filesystem fs = Filesystem.of(cached);
 * }</pre>
 *
 * <p>Thread-safe when the delegate is.
 */
public final class CachingAdapter extends ForwardingAdapter {

  private final Cache<String, Optional<FileAttributes>> stats;
  private final Cache<String, Boolean> exists;

  private CachingAdapter(Builder b) {
    super(b.delegate);
    Clock clock = b.clock;
    Ticker ticker = clock == null ? Ticker.systemTicker() : () -> nanos(clock.instant());
    this.stats =
        Caffeine.newBuilder()
            .maximumSize(b.maximumSize)
            .expireAfterWrite(b.ttl)
            .ticker(ticker)
            .build();
    this.exists =
        Caffeine.newBuilder()
            .maximumSize(b.maximumSize)
            .expireAfterWrite(b.ttl)
            .ticker(ticker)
            .build();
  }

  /** Returns a builder caching in front of {@code delegate}. */
  public static Builder builder(FilesystemAdapter delegate) {
    return new Builder(delegate);
  }

  @Override
  public boolean fileExists(String path) {
    Optional<FileAttributes> stat = stats.getIfPresent(path);
    if (stat != null) {
      return stat.isPresent();
    }
    Boolean known = exists.getIfPresent(path);
    if (known != null) {
      return known;
    }
    boolean answer = super.fileExists(path);
    exists.put(path, answer);
    return answer;
  }

  @Override
  public FileAttributes stat(String path) {
    Optional<FileAttributes> cached = stats.getIfPresent(path);
    if (cached != null) {
      return cached.orElseThrow(
          () -> BackendException.of(StorageException.Kind.NOT_FOUND, "cached"));
    }
    try {
      FileAttributes a = super.stat(path);
      stats.put(path, Optional.of(a));
      return a;
    } catch (BackendException e) {
      if (e.kind() == StorageException.Kind.NOT_FOUND) {
        stats.put(path, Optional.empty());
      }
      throw e;
    }
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    return changing(() -> super.write(path, source, options), path);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    changing(
        () -> {
          super.createDirectory(path, visibility);
          return null;
        },
        path);
  }

  @Override
  public void deleteDirectory(String path) {
    try {
      invalidateBelow(path);
      super.deleteDirectory(path);
    } finally {
      invalidateBelow(path);
    }
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return changing(() -> super.copy(source, destination, options), destination);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    return changing(() -> super.move(source, destination, options), source, destination);
  }

  @Override
  public void delete(String path) {
    changing(
        () -> {
          super.delete(path);
          return null;
        },
        path);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    changing(
        () -> {
          super.setVisibility(path, visibility);
          return null;
        },
        path);
  }

  /** Drops every cached answer. */
  public void invalidateAll() {
    stats.invalidateAll();
    exists.invalidateAll();
  }

  @Override
  public String toString() {
    return "CachingAdapter[" + delegate() + "]";
  }

  /**
   * Runs a change, invalidating before (so no stale answer is served during it) and after (so an
   * answer cached by a concurrent reader mid-change is dropped).
   */
  private <T> T changing(Supplier<T> change, String... paths) {
    try {
      invalidate(paths);
      return change.get();
    } finally {
      invalidate(paths);
    }
  }

  private void invalidate(String... paths) {
    for (String p : paths) {
      stats.invalidate(p);
      exists.invalidate(p);
    }
  }

  private void invalidateBelow(String directory) {
    String prefix = directory.isEmpty() ? "" : directory + "/";
    stats.asMap().keySet().removeIf(k -> k.startsWith(prefix) || k.equals(directory));
    exists.asMap().keySet().removeIf(k -> k.startsWith(prefix) || k.equals(directory));
  }

  private static long nanos(Instant now) {
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Builds a {@link CachingAdapter}. */
  public static final class Builder {
    private final FilesystemAdapter delegate;
    private long maximumSize = 10_000;
    private Duration ttl = Duration.ofSeconds(30);
    private @Nullable Clock clock;

    private Builder(FilesystemAdapter delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Sets how many paths are remembered at most. Default: 10,000. */
    public Builder maximumSize(long entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("maximumSize (" + entries + ") must not be negative");
      }
      this.maximumSize = entries;
      return this;
    }

    /** Sets how long an answer is trusted. Default: 30 seconds. */
    public Builder expireAfterWrite(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("ttl (" + ttl + ") must not be negative");
      }
      this.ttl = ttl;
      return this;
    }

    /** Sets the clock that measures expiry (tests use a fake one). Default: the system ticker. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Returns the adapter. */
    public CachingAdapter build() {
      return new CachingAdapter(this);
    }
  }
}
