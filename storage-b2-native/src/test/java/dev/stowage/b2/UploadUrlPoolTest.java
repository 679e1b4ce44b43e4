package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.client.B2UploadUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UploadUrlPoolTest {
  private final AtomicInteger fetched = new AtomicInteger();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final UploadUrlPool pool =
      new UploadUrlPool(
          () -> new B2UploadUrl("b", null, "http://u/" + fetched.incrementAndGet(), "t"), clock, 2);

  @Test
  void acquire_afterRelease_reusesUrl() {
    UploadUrlPool.Lease a = pool.acquire();
    a.release();
    assertThat(pool.acquire().url()).isSameAs(a.url());
    assertThat(fetched).hasValue(1);
  }

  @Test
  void acquire_afterFailure_fetchesNewUrl() {
    UploadUrlPool.Lease a = pool.acquire(); // never released: the upload failed
    UploadUrlPool.Lease b = pool.acquire();
    assertThat(b.url()).isNotEqualTo(a.url());
    assertThat(fetched).hasValue(2);
  }

  @Test
  void acquire_concurrentUploaders_getDistinctUrls() {
    UploadUrlPool.Lease a = pool.acquire();
    UploadUrlPool.Lease b = pool.acquire();
    assertThat(a.url()).isNotEqualTo(b.url());
    a.release();
    b.release();
    pool.acquire().release();
    pool.acquire();
    UploadUrlPool.Lease c = pool.acquire();
    c.release();
    assertThat(pool.idleCount()).isLessThanOrEqualTo(2);
  }

  @Test
  void acquire_urlOlderThanMaxAge_isNotReused() {
    pool.acquire().release();
    now = now.plus(UploadUrlPool.MAX_AGE).plus(Duration.ofMinutes(1));
    pool.acquire();
    assertThat(fetched).hasValue(2);
  }
}
