package dev.stowage.testing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Decides which {@link Fault} each new connection through a {@link FaultProxy} gets, and counts
 * what was decided and what really fired (a fault fires when it changes what a peer sees; a
 * reset after 10 KiB of a 2 KiB response never fires).
 *
 * <pre>{@code
 * FaultSchedule schedule = FaultSchedule.seeded(42).probability(0.2).build();
 * try (FaultProxy proxy = FaultProxy.start("127.0.0.1", serverPort, schedule)) {
 *   // … point the client at proxy.port() …
 * }
 * System.out.println(schedule.firedTotal() + " faults fired");
 * }</pre>
 *
 * <p>Thread-safe. A schedule may serve several proxies; counts are shared.
 */
public final class FaultSchedule {

  private final Supplier<Fault> source;
  private final Map<FaultKind, Long> decided = new EnumMap<>(FaultKind.class);
  private final Map<FaultKind, Long> fired = new EnumMap<>(FaultKind.class);
  private long connections;

  private FaultSchedule(Supplier<Fault> source) {
    this.source = source;
  }

  /** Returns a schedule that never injects a fault. */
  public static FaultSchedule none() {
    return new FaultSchedule(Fault::none);
  }

  /**
   * Returns a schedule that gives the n-th new connection the n-th fault, and no fault to
   * connections after the last one.
   */
  public static FaultSchedule scripted(Fault... faults) {
    return scripted(Arrays.asList(faults));
  }

  /** Returns a schedule that hands out {@code faults} in order, then no faults. */
  public static FaultSchedule scripted(List<Fault> faults) {
    for (Fault fault : faults) {
      if (fault == null) {
        throw new IllegalArgumentException("faults must not contain null");
      }
    }
    Queue<Fault> queue = new ArrayDeque<>(faults);
    return new FaultSchedule(
        () -> {
          Fault next = queue.poll();
          return next == null ? Fault.none() : next;
        });
  }

  /** Returns a builder for a random schedule driven by {@code seed} (same seed, same faults). */
  public static Builder seeded(long seed) {
    return new Builder(seed);
  }

  synchronized Fault next() {
    Fault fault = source.get();
    connections++;
    decided.merge(fault.kind(), 1L, Long::sum);
    return fault;
  }

  synchronized void fired(Fault fault) {
    fired.merge(fault.kind(), 1L, Long::sum);
  }

  /** Returns how many connections this schedule has decided for. */
  public synchronized long connections() {
    return connections;
  }

  /** Returns how many connections were given a fault of {@code kind} (fired or not). */
  public synchronized long decided(FaultKind kind) {
    return decided.getOrDefault(kind, 0L);
  }

  /** Returns how many faults of {@code kind} really fired. */
  public synchronized long fired(FaultKind kind) {
    return fired.getOrDefault(kind, 0L);
  }

  /** Returns how many faults of any kind but {@link FaultKind#NONE} really fired. */
  public synchronized long firedTotal() {
    return fired.entrySet().stream()
        .filter(e -> e.getKey() != FaultKind.NONE)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Returns {@link #firedTotal()} divided by {@link #connections()}, 0 before any connection. */
  public synchronized double firedRatio() {
    return connections == 0 ? 0 : (double) firedTotal() / connections;
  }

  /** Returns one line of counts, e.g. {@code "connections=120 fired={RESET=4, STALL=2}"}. */
  @Override
  public synchronized String toString() {
    Map<FaultKind, Long> shown = new EnumMap<>(fired);
    shown.remove(FaultKind.NONE);
    return "connections=" + connections + " fired=" + shown + " decided=" + decided;
  }

  /**
   * Builds a random schedule: each new connection gets a fault with {@link #probability}; its
   * kind is drawn by {@link #weight} and its byte offset uniformly up to {@link #maxOffset}.
   */
  public static final class Builder {
    private final long seed;
    private final Map<FaultKind, Integer> weights = new EnumMap<>(FaultKind.class);
    private double probability = 0.2;
    private long maxOffset = 16 * 1024;
    private long slowRate = 64 * 1024;

    private Builder(long seed) {
      this.seed = seed;
      for (FaultKind kind : FaultKind.values()) {
        if (kind != FaultKind.NONE) {
          weights.put(kind, 1);
        }
      }
    }

    /** Sets the chance in [0, 1] that a connection gets a fault (default 0.2). */
    public Builder probability(double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be within [0, 1], was " + probability);
      }
      this.probability = probability;
      return this;
    }

    /** Sets the relative weight of {@code kind} (default 1 each; 0 disables it). */
    public Builder weight(FaultKind kind, int weight) {
      if (kind == null || kind == FaultKind.NONE) {
        throw new IllegalArgumentException(
            "weight needs a fault kind other than NONE, was " + kind);
      }
      if (weight < 0) {
        throw new IllegalArgumentException(
            "weight of " + kind + " must not be negative, was " + weight);
      }
      weights.put(kind, weight);
      return this;
    }

    /** Sets the largest byte offset at which a fault fires (default 16 KiB). */
    public Builder maxOffset(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxOffset must not be negative, was " + bytes);
      }
      this.maxOffset = bytes;
      return this;
    }

    /** Sets the rate of {@link FaultKind#SLOW} connections in bytes per second (default 64 KiB/s). */
    public Builder slowRate(long bytesPerSecond) {
      if (bytesPerSecond <= 0) {
        throw new IllegalArgumentException("slowRate must be positive, was " + bytesPerSecond);
      }
      this.slowRate = bytesPerSecond;
      return this;
    }

    /** Returns the schedule; fails if a non-zero probability has no kind with a positive weight. */
    public FaultSchedule build() {
      int total = weights.values().stream().mapToInt(Integer::intValue).sum();
      if (probability > 0 && total == 0) {
        throw new IllegalStateException(
            "probability " + probability + " needs a fault kind with positive weight");
      }
      Random random = new Random(seed);
      Map<FaultKind, Integer> w = new EnumMap<>(weights);
      long offsets = maxOffset;
      long rate = slowRate;
      double p = probability;
      return new FaultSchedule(
          () -> {
            if (random.nextDouble() >= p) {
              return Fault.none();
            }
            int pick = random.nextInt(total);
            FaultKind kind = null;
            for (Map.Entry<FaultKind, Integer> e : w.entrySet()) {
              pick -= e.getValue();
              if (pick < 0) {
                kind = e.getKey();
                break;
              }
            }
            if (kind == null) {
              throw new AssertionError("a pick below the total weight " + total + " names a kind");
            }
            long offset = offsets == 0 ? 0 : (long) (random.nextDouble() * (offsets + 1));
            return switch (kind) {
              case RESET -> Fault.reset(offset);
              case STALL -> Fault.stall(Fault.Direction.values()[random.nextInt(3)], offset);
              case TRUNCATE -> Fault.truncate(offset);
              case SLOW -> Fault.slow(rate);
              case REFUSE -> Fault.refuse();
              case FLIP -> Fault.flip(offset);
              case NONE -> Fault.none();
            };
          });
    }
  }
}
