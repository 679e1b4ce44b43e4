package dev.stowage.micrometer;

import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;

/** Adds bytes to a counter, or nowhere when the filesystem was built without a meter registry. */
final class ByteCounter {

  static final ByteCounter NONE = new ByteCounter(null);

  private final @Nullable Counter counter;

  ByteCounter(@Nullable Counter counter) {
    this.counter = counter;
  }

  void add(long bytes) {
    if (counter != null && bytes > 0) {
      counter.increment(bytes);
    }
  }
}
