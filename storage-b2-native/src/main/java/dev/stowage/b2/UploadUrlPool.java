package dev.stowage.b2;

import dev.stowage.b2.client.B2UploadUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Upload URLs for one bucket (or the parts of one large file): each uploader takes its own URL,
 * gives it back after a successful upload, and drops it after any failure, as B2 requires (a URL
 * serves one upload at a time; after a failure, a new one must be fetched). URLs older than
 * {@link #MAX_AGE} are not reused, since B2 lets them expire after 24 hours.
 */
final class UploadUrlPool {
  static final Duration MAX_AGE = Duration.ofHours(23);

  private record Entry(B2UploadUrl url, Instant fetchedAt) {}

  /** A URL lent to one uploader. */
  static final class Lease {
    private final UploadUrlPool pool;
    private final Entry entry;

    private Lease(UploadUrlPool pool, Entry entry) {
      this.pool = pool;
      this.entry = entry;
    }

    B2UploadUrl url() {
      return entry.url();
    }

    /** Returns the URL to the pool for the next upload; call only after a success. */
    void release() {
      pool.giveBack(entry);
    }
  }

  private final Supplier<B2UploadUrl> fetch;
  private final Clock clock;
  private final int maxIdle;
  private final Deque<Entry> idle = new ArrayDeque<>();

  UploadUrlPool(Supplier<B2UploadUrl> fetch, Clock clock, int maxIdle) {
    this.fetch = fetch;
    this.clock = clock;
    this.maxIdle = maxIdle;
  }

  /** Lends an idle URL, or fetches a new one (one API call) when none is idle. */
  Lease acquire() {
    Instant now = clock.instant();
    synchronized (idle) {
      Entry e;
      while ((e = idle.pollFirst()) != null) {
        if (Duration.between(e.fetchedAt(), now).compareTo(MAX_AGE) < 0) {
          return new Lease(this, e);
        }
      }
    }
    return new Lease(this, new Entry(fetch.get(), now));
  }

  private void giveBack(Entry e) {
    synchronized (idle) {
      if (idle.size() < maxIdle) {
        idle.addFirst(e);
      }
    }
  }

  /** Returns how many URLs are idle (for tests). */
  int idleCount() {
    synchronized (idle) {
      return idle.size();
    }
  }
}
