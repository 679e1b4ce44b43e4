package dev.stowage.testing;

import dev.stowage.ByteRange;
import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** One run of a {@link FaultSuite}: the model, the counters and the operations. */
final class SuiteRun implements AutoCloseable {

  private final Filesystem fs;
  private final Filesystem truth;
  private final long seed;
  private final long overtimeNanos;
  private final String root;
  private final int keys;
  private final int smallMax;
  private final int streamMin;
  private final int streamMax;
  private final Random random;
  private final Watchdog watchdog;
  private final long startNanos = System.nanoTime();

  private final Map<String, KeyState> model = new HashMap<>();
  private final Map<String, Long> failuresByKind = new HashMap<>();
  private final Map<String, Long> attempts = new HashMap<>();
  private final List<String> corrupt = new ArrayList<>();
  private final List<String> lost = new ArrayList<>();
  private final List<String> untyped = new ArrayList<>();
  private final List<String> overtime = new ArrayList<>();
  private final List<String> hung = new ArrayList<>();
  private final List<String> inconsistent = new ArrayList<>();
  private long attempted;
  private long succeeded;
  private long failed;
  private long slowestNanos = -1;
  private String slowest = "none";

  SuiteRun(
      Filesystem fs,
      @Nullable Filesystem truth,
      long seed,
      Duration deadline,
      String root,
      int keys,
      int smallMax,
      int streamMin,
      int streamMax) {
    this.fs = fs;
    this.truth = truth == null ? fs : truth;
    this.seed = seed;
    this.overtimeNanos = deadline.plusSeconds(1).toNanos();
    this.root = root;
    this.keys = keys;
    this.smallMax = smallMax;
    this.streamMin = streamMin;
    this.streamMax = streamMax;
    this.random = new Random(seed);
    this.watchdog = new Watchdog(deadline.plusSeconds(5));
  }

  /** Empties the root through the truth view, so that the model's "never written" holds. */
  void prepare() {
    Throwable last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Watchdog.Outcome outcome =
          watchdog.run(
              () -> {
                truth.deleteDirectory(root);
                return null;
              });
      if (outcome.failure() == null && !outcome.hung()) {
        return;
      }
      last = outcome.failure();
    }
    throw new IllegalStateException("cannot empty '" + root + "' before the fault suite", last);
  }

  void step(int n) {
    SuiteOp op = SuiteOp.pick(random.nextInt(SuiteOp.TOTAL_WEIGHT));
    String key = key(random.nextInt(keys));
    attempts.merge(op.name(), 1L, Long::sum);
    String label = "#" + n + " " + op + " " + key;
    switch (op) {
      case WRITE_SMALL -> write(label, key, bytes(random.nextInt(smallMax + 1)), false);
      case WRITE_STREAM ->
          write(label, key, bytes(streamMin + random.nextInt(streamMax - streamMin + 1)), true);
      case READ -> readWhole(label, key, () -> fs.read(key));
      case READ_FROM_0 -> readWhole(label, key, () -> readRange(key, ByteRange.from(0)));
      case READ_RANGE -> readRange(label, key);
      case STAT -> stat(label, key);
      case LIST -> list(label);
      case DELETE -> delete(label, key);
      case COPY -> copy(label, key, otherKey(key));
    }
  }

  private String key(int i) {
    return root + "/k" + i;
  }

  private String otherKey(String key) {
    String other;
    do {
      other = key(random.nextInt(keys));
    } while (other.equals(key));
    return other;
  }

  private byte[] bytes(int size) {
    byte[] data = new byte[size];
    random.nextBytes(data);
    return data;
  }

  private KeyState state(String key) {
    return model.getOrDefault(key, KeyState.ABSENT);
  }

  /** Runs one operation and counts it; returns the outcome (value null when it failed or hung). */
  private Watchdog.Outcome run(String label, Callable<?> operation) {
    attempted++;
    Watchdog.Outcome outcome = watchdog.run(operation);
    if (outcome.nanos() > slowestNanos) {
      slowestNanos = outcome.nanos();
      slowest = label + " " + outcome.nanos() / 1_000_000 + " ms";
    }
    if (outcome.nanos() > overtimeNanos) {
      overtime.add(label + " took " + outcome.nanos() / 1_000_000 + " ms");
    }
    if (outcome.hung()) {
      failed++;
      hung.add(label + " still running after " + outcome.nanos() / 1_000_000 + " ms; interrupted");
    } else if (outcome.failure() == null) {
      succeeded++;
    } else if (outcome.failure() instanceof StorageException e) {
      failed++;
      failuresByKind.merge(e.operation() + ":" + e.kind(), 1L, Long::sum);
    } else {
      failed++;
      Throwable t = outcome.failure();
      untyped.add(label + " threw " + t.getClass().getName() + ": " + t.getMessage());
    }
    return outcome;
  }

  private static boolean ok(Watchdog.Outcome outcome) {
    return !outcome.hung() && outcome.failure() == null;
  }

  /**
   * Returns the value a successful operation promised; a null instead breaks the promise, is
   * reported as inconsistent, and is returned for the caller to skip its checks.
   */
  private @Nullable Object promised(String label, Watchdog.Outcome outcome) {
    Object value = outcome.value();
    if (value == null) {
      inconsistent.add(label + " succeeded but returned null");
    }
    return value;
  }

  private static boolean notFound(Watchdog.Outcome outcome) {
    return outcome.failure() instanceof StorageException e
        && e.kind() == StorageException.Kind.NOT_FOUND;
  }

  private void write(String label, String key, byte[] data, boolean stream) {
    Watchdog.Outcome outcome =
        run(
            label,
            () ->
                stream
                    ? fs.write(key, new UnknownLength(data), WriteOptions.DEFAULT)
                    : fs.write(key, data));
    if (ok(outcome)) {
      model.put(key, KeyState.known(data, "acknowledged " + label + " of " + data.length + " B"));
      FileAttributes written = (FileAttributes) promised(label, outcome);
      if (written != null && written.size() != data.length) {
        inconsistent.add(
            label + " wrote " + data.length + " B but reported size " + written.size());
      }
    } else {
      model.put(key, state(key).orContent(data, "failed " + label));
    }
  }

  private byte[] readRange(String key, ByteRange range) throws Exception {
    try (InputStream in = fs.readStream(key, range)) {
      return in.readAllBytes();
    }
  }

  private void readWhole(String label, String key, Callable<byte[]> read) {
    KeyState before = state(key);
    Watchdog.Outcome outcome = run(label, read);
    if (ok(outcome)) {
      byte[] data = (byte[]) promised(label, outcome);
      if (data == null) {
        return;
      }
      if (before.matches(data)) {
        model.put(key, KeyState.known(data, "observed by " + label));
      } else {
        corrupt.add(
            label
                + " returned "
                + data.length
                + " B; the key holds "
                + before.describe()
                + " ("
                + before.origin
                + ")");
      }
    } else {
      observeFailure(label, key, before, outcome);
    }
  }

  private void readRange(String label, String key) {
    KeyState before = state(key);
    List<byte[]> contents = before.contents();
    int size = contents.isEmpty() ? 0 : contents.get(random.nextInt(contents.size())).length;
    long start = size == 0 ? 0 : random.nextInt(size);
    long end = start + random.nextInt(Math.max(1, size / 2) + 1);
    ByteRange range = ByteRange.of(start, end);
    String rangeLabel = label + " " + range.httpHeader();
    Watchdog.Outcome outcome = run(rangeLabel, () -> readRange(key, range));
    if (ok(outcome)) {
      byte[] data = (byte[]) promised(rangeLabel, outcome);
      if (data != null && !before.matchesRange(data, range)) {
        corrupt.add(
            rangeLabel
                + " returned "
                + data.length
                + " B that are not that range of "
                + before.describe()
                + " ("
                + before.origin
                + ")");
      }
    } else {
      observeFailure(rangeLabel, key, before, outcome);
    }
  }

  /** A NOT_FOUND answer is an observation: it contradicts a key that must exist, else settles it as absent. */
  private void observeFailure(String label, String key, KeyState before, Watchdog.Outcome outcome) {
    if (!notFound(outcome)) {
      return;
    }
    if (before.mustExist()) {
      inconsistent.add(
          label
              + " said NOT_FOUND; the key holds "
              + before.describe()
              + " ("
              + before.origin
              + ")");
    } else {
      model.put(key, KeyState.absent("observed absent by " + label));
    }
  }

  private void stat(String label, String key) {
    KeyState before = state(key);
    Watchdog.Outcome outcome = run(label, () -> fs.stat(key));
    if (ok(outcome)) {
      FileAttributes attributes = (FileAttributes) promised(label, outcome);
      if (attributes == null) {
        return;
      }
      long size = attributes.size();
      if (!before.allowsSize(size)) {
        inconsistent.add(
            label
                + " reported "
                + size
                + " B; the key holds "
                + before.describe()
                + " ("
                + before.origin
                + ")");
      }
    } else {
      observeFailure(label, key, before, outcome);
    }
  }

  private void list(String label) {
    Watchdog.Outcome outcome =
        run(
            label,
            () -> {
              try (DirectoryListing listing = fs.list(root)) {
                return listing.toList();
              }
            });
    if (!ok(outcome)) {
      return;
    }
    Set<String> listed = new HashSet<>();
    @SuppressWarnings("unchecked")
    List<StorageAttributes> entries = (List<StorageAttributes>) promised(label, outcome);
    if (entries == null) {
      return;
    }
    for (StorageAttributes entry : entries) {
      if (entry instanceof FileAttributes file) {
        listed.add(file.path());
      }
    }
    for (int i = 0; i < keys; i++) {
      String key = key(i);
      KeyState state = state(key);
      if (state.mustExist() && !listed.contains(key)) {
        inconsistent.add(
            label
                + " omitted "
                + key
                + ", which holds "
                + state.describe()
                + " ("
                + state.origin
                + ")");
      } else if (state.mustBeAbsent() && listed.contains(key)) {
        inconsistent.add(label + " listed " + key + ", which is absent (" + state.origin + ")");
      }
    }
  }

  private void delete(String label, String key) {
    Watchdog.Outcome outcome =
        run(
            label,
            () -> {
              fs.delete(key);
              return null;
            });
    model.put(
        key,
        ok(outcome)
            ? KeyState.absent("acknowledged " + label)
            : state(key).orAbsent("failed " + label));
  }

  private void copy(String label, String source, String destination) {
    String copyLabel = label + " -> " + destination;
    KeyState from = state(source);
    Watchdog.Outcome outcome = run(copyLabel, () -> fs.copy(source, destination));
    if (ok(outcome)) {
      if (from.mustBeAbsent()) {
        inconsistent.add(copyLabel + " succeeded from an absent source (" + from.origin + ")");
        model.put(
            destination,
            state(destination).or(from, "unexplained " + copyLabel).orAbsent("unexplained"));
        return;
      }
      model.put(source, from.presentOnly(from.origin));
      model.put(destination, from.presentOnly("acknowledged " + copyLabel));
    } else {
      observeFailure(copyLabel, source, from, outcome);
      if (!notFound(outcome)) {
        model.put(destination, state(destination).or(from, "failed " + copyLabel));
      }
    }
  }

  /** Reads every key through the truth view: what an acknowledged operation established must be there. */
  void verifyStored() {
    for (int i = 0; i < keys; i++) {
      String key = key(i);
      KeyState state = state(key);
      Watchdog.Outcome outcome = watchdog.run(() -> truth.read(key));
      if (ok(outcome)) {
        byte[] data = (byte[]) outcome.value();
        if (data == null) {
          lost.add(key + " could not be verified: the truth view's read returned null");
        } else if (!state.matches(data)) {
          lost.add(
              key
                  + " holds "
                  + data.length
                  + " B; expected "
                  + state.describe()
                  + " ("
                  + state.origin
                  + ")");
        }
      } else if (notFound(outcome)) {
        if (!state.mayBeAbsent()) {
          lost.add(key + " is missing; expected " + state.describe() + " (" + state.origin + ")");
        }
      } else {
        Throwable t = outcome.failure();
        String why =
            outcome.hung() || t == null ? "hung" : t.getClass().getName() + ": " + t.getMessage();
        lost.add(key + " could not be verified: " + why);
      }
    }
  }

  FaultSuiteReport report(Supplier<List<String>> leftoverChecker) {
    List<String> leftovers = new ArrayList<>();
    try {
      leftovers.addAll(leftoverChecker.get());
    } catch (RuntimeException e) {
      leftovers.add("leftover checker failed: " + e);
    }
    return new FaultSuiteReport(
        seed,
        attempted,
        succeeded,
        failed,
        failuresByKind,
        attempts,
        corrupt,
        lost,
        untyped,
        overtime,
        hung,
        inconsistent,
        leftovers,
        slowest,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  @Override
  public void close() {
    watchdog.close();
  }

  /** A stream that hides its length, so the adapter has to treat it as unknown-length. */
  private static final class UnknownLength extends FilterInputStream {
    UnknownLength(byte[] data) {
      super(new ByteArrayInputStream(data));
    }

    @Override
    public int available() {
      return 0;
    }
  }
}
