package dev.stowage.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.MetadataFailedException;
import dev.stowage.RecordingAdapter;
import dev.stowage.Visibility;
import dev.stowage.memory.MemoryAdapter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CachingAdapterTest {

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MemoryAdapter memory = MemoryAdapter.create();
  private final RecordingAdapter recording = new RecordingAdapter(memory);
  private final MutableClock clock = new MutableClock();
  private final CachingAdapter cache =
      CachingAdapter.builder(recording)
          .expireAfterWrite(Duration.ofSeconds(30))
          .clock(clock)
          .build();
  private final Filesystem fs = Filesystem.builder(cache).checkDirectoryConflicts(false).build();
  private final Filesystem direct = Filesystem.of(memory);

  private long calls(String op) {
    return recording.calls().stream().filter(c -> c.startsWith(op + " ")).count();
  }

  @Test
  void stat_isCachedUntilExpiry() {
    direct.write("f", "x");
    fs.stat("f");
    fs.stat("f");
    fs.fileSize("f");
    assertThat(calls("stat")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(31));
    fs.stat("f");
    assertThat(calls("stat")).isEqualTo(2);
  }

  @Test
  void notFound_isCachedToo() {
    assertThatThrownBy(() -> fs.stat("none")).isInstanceOf(MetadataFailedException.class);
    assertThatThrownBy(() -> fs.stat("none")).isInstanceOf(MetadataFailedException.class);
    assertThat(fs.fileExists("none")).isFalse();
    assertThat(calls("stat")).isEqualTo(1);
    assertThat(calls("fileExists")).isZero();
  }

  @Test
  void fileExists_isCached() {
    direct.write("f", "x");
    assertThat(fs.fileExists("f")).isTrue();
    assertThat(fs.fileExists("f")).isTrue();
    assertThat(calls("fileExists")).isEqualTo(1);
  }

  @Test
  void changesThroughTheCache_invalidate() {
    fs.write("f", "one");
    assertThat(fs.fileSize("f")).isEqualTo(3);
    fs.write("f", "three");
    assertThat(fs.fileSize("f")).isEqualTo(5);
    fs.setVisibility("f", Visibility.PUBLIC);
    assertThat(fs.visibility("f")).isEqualTo(Visibility.PUBLIC);
    fs.copy("f", "g");
    assertThat(fs.fileExists("g")).isTrue();
    fs.move("g", "h");
    assertThat(fs.fileExists("g")).isFalse();
    assertThat(fs.fileExists("h")).isTrue();
    fs.delete("h");
    assertThat(fs.fileExists("h")).isFalse();
  }

  @Test
  void deleteDirectory_invalidatesEverythingBelow() {
    fs.write("d/a", "1");
    fs.write("d/e/b", "2");
    fs.write("dx", "3");
    assertThat(fs.fileExists("d/a")).isTrue();
    assertThat(fs.fileExists("d/e/b")).isTrue();
    assertThat(fs.fileExists("dx")).isTrue();
    fs.deleteDirectory("d");
    assertThat(fs.fileExists("d/a")).isFalse();
    assertThat(fs.fileExists("d/e/b")).isFalse();
    long before = calls("fileExists");
    assertThat(fs.fileExists("dx")).isTrue();
    assertThat(calls("fileExists")).isEqualTo(before);
  }

  @Test
  void changesByOthers_areSeenAfterExpiry() {
    direct.write("f", "x");
    assertThat(fs.fileSize("f")).isEqualTo(1);
    direct.write("f", "xyz");
    assertThat(fs.fileSize("f")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(fs.fileSize("f")).isEqualTo(3);
  }
}
