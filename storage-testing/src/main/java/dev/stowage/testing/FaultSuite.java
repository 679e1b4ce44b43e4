package dev.stowage.testing;

import dev.stowage.Filesystem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a seeded mix of operations against a {@link Filesystem} — typically one whose traffic
 * goes through a {@link FaultProxy} — and reports what must never happen under faults: corrupt
 * bytes returned, acknowledged writes lost, untyped failures, missed deadlines, hangs and leftovers.
 *
 * <pre>{@code
 * FaultSuiteReport report = FaultSuite.builder(proxiedFs)
 *     .truth(directFs)                 // bypasses the proxy; checks what was really stored
 *     .seed(42)
 *     .operations(1000)
 *     .deadline(Duration.ofSeconds(5)) // the adapter's per-operation deadline
 *     .leftovers(() -> unfinishedUploads())
 *     .build()
 *     .run();
 * report.assertClean();
 * }</pre>
 *
 * <p>The mix, over a few keys below {@link Builder#root}: small writes, unknown-length stream
 * writes (multipart when the adapter's part size is small), whole reads, range reads, reads of
 * {@code ByteRange.from(0)}, stat, list, delete and copy. A model tracks what each key may hold:
 * a failed write or delete leaves either outcome acceptable, a successful one makes it certain.
 * Each operation runs on a watchdog thread; one still running at deadline + 5 s is interrupted
 * and reported as hung, and the suite goes on. The root is emptied (through the truth view when
 * given) before the run; after it, every key is read back through the truth view.
 *
 * <p>Operations run one at a time. Each {@link #run()} starts afresh (empties the root, new model),
 * so a suite may be run again; the same seed gives the same operations.
 */
public final class FaultSuite {

  private final Filesystem filesystem;
  private final @Nullable Filesystem truth;
  private final long seed;
  private final int operations;
  private final Duration deadline;
  private final Supplier<List<String>> leftovers;
  private final Runnable beforeVerify;
  private final String root;
  private final int keys;
  private final int smallMax;
  private final int streamMin;
  private final int streamMax;

  private FaultSuite(Builder b) {
    this.filesystem = b.filesystem;
    this.truth = b.truth;
    this.seed = b.seed;
    this.operations = b.operations;
    this.deadline = b.deadline;
    this.leftovers = b.leftovers;
    this.beforeVerify = b.beforeVerify;
    this.root = b.root;
    this.keys = b.keys;
    this.smallMax = b.smallMax;
    this.streamMin = b.streamMin;
    this.streamMax = b.streamMax;
  }

  /** Returns a builder for a suite over {@code filesystem} (the one behind the proxy). */
  public static Builder builder(Filesystem filesystem) {
    return new Builder(Objects.requireNonNull(filesystem, "filesystem"));
  }

  /**
   * Runs the operations and returns what happened; never throws for what the filesystem does.
   *
   * @throws IllegalStateException if the root cannot be emptied before the run
   */
  public FaultSuiteReport run() {
    try (SuiteRun run =
        new SuiteRun(
            filesystem, truth, seed, deadline, root, keys, smallMax, streamMin, streamMax)) {
      run.prepare();
      for (int i = 1; i <= operations; i++) {
        run.step(i);
      }
      beforeVerify.run();
      run.verifyStored();
      return run.report(leftovers);
    }
  }

  /** Settings of a {@link FaultSuite}; each setter validates at once and names a bad value. */
  public static final class Builder {
    private final Filesystem filesystem;
    private @Nullable Filesystem truth;
    private long seed = 1;
    private int operations = 1000;
    private Duration deadline = Duration.ofSeconds(60);
    private Supplier<List<String>> leftovers = List::of;
    private Runnable beforeVerify = () -> {};
    private String root = "fault-suite";
    private int keys = 6;
    private int smallMax = 4 * 1024;
    private int streamMin = 64 * 1024;
    private int streamMax = 192 * 1024;

    private Builder(Filesystem filesystem) {
      this.filesystem = filesystem;
    }

    /** Sets a view of the same storage that bypasses the faults, used to check what was stored (default: none, the faulty view is used). */
    public Builder truth(Filesystem truth) {
      this.truth = Objects.requireNonNull(truth, "truth");
      return this;
    }

    /** Sets the seed of the operation mix and contents (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets how many operations to run (default 1000). */
    public Builder operations(int operations) {
      if (operations < 1) {
        throw new IllegalArgumentException("operations must be positive, was " + operations);
      }
      this.operations = operations;
      return this;
    }

    /** Sets the per-operation deadline the filesystem promises (default 60 s); +1 s is tolerated. */
    public Builder deadline(Duration deadline) {
      if (deadline == null || deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive, was " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /** Sets the callback, run after the operations, that describes unfinished uploads or temp files (default: none). */
    public Builder leftovers(Supplier<List<String>> checker) {
      this.leftovers = Objects.requireNonNull(checker, "leftovers");
      return this;
    }

    /**
     * Sets what runs after the operations and before the stored contents are checked through the
     * truth view, e.g. switching a server's own fault injection off (default: nothing).
     */
    public Builder beforeVerify(Runnable action) {
      this.beforeVerify = Objects.requireNonNull(action, "beforeVerify");
      return this;
    }

    /** Sets the directory the keys live in (default {@code "fault-suite"}); it is emptied before the run. */
    public Builder root(String root) {
      if (root == null || root.isBlank() || root.strip().equals("/")) {
        throw new IllegalArgumentException(
            "root must name a directory below the filesystem root, was '" + root + "'");
      }
      this.root = root;
      return this;
    }

    /** Sets how many keys the operations share (default 6, at least 2 for copies). */
    public Builder keys(int keys) {
      if (keys < 2) {
        throw new IllegalArgumentException("keys must be at least 2, was " + keys);
      }
      this.keys = keys;
      return this;
    }

    /** Sets the largest small write in bytes (default 4 KiB). */
    public Builder smallSize(int maxBytes) {
      if (maxBytes < 0) {
        throw new IllegalArgumentException("smallSize must not be negative, was " + maxBytes);
      }
      this.smallMax = maxBytes;
      return this;
    }

    /** Sets the size range in bytes of unknown-length stream writes (default 64–192 KiB). */
    public Builder streamSize(int minBytes, int maxBytes) {
      if (minBytes < 0 || maxBytes < minBytes) {
        throw new IllegalArgumentException(
            "streamSize needs 0 <= min <= max, was " + minBytes + ".." + maxBytes);
      }
      this.streamMin = minBytes;
      this.streamMax = maxBytes;
      return this;
    }

    /** Returns the suite. */
    public FaultSuite build() {
      return new FaultSuite(this);
    }
  }
}
