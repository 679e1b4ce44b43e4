package dev.stowage.b2.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which faults the emulator injects, on which operations, how often, and with which random seed.
 *
 * <p>For each request the rules are tried in order; the first rule whose operation matches and whose rate
 * wins a draw from a {@link java.util.Random} seeded with {@link #seed()} applies. A run with the same seed and
 * the same sequence of requests injects the same faults. A rule with {@link Rule#passing()} lets that many
 * matching calls through first ({@link Builder#after}), whatever their order or timing. The operation {@code "*"} matches every operation,
 * except that a {@link Fault.Corrupt} rule matches downloads only (so later rules still apply to other calls).
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder()
 *     .seed(42)
 *     .add("b2_upload_file", 0.2, Fault.serviceUnavailable())
 *     .add("b2_download_file_by_name", 0.1, new Fault.Truncate())
 *     .build();
 * }</pre>
 *
 * @param seed  the seed of the random draws
 * @param rules the rules, tried in order
 */
public record FaultPlan(long seed, List<Rule> rules) {

  /** No faults at all. */
  public static final FaultPlan NONE = new FaultPlan(0, List.of());

  /** Copies the rules and rejects nulls. */
  public FaultPlan {
    rules = List.copyOf(rules);
  }

  /** Returns a builder with seed 0 and no rules. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One fault rule.
   *
   * @param operation a {@code b2_*} operation name, or {@code "*"} for all
   * @param rate      the probability of injecting, 0..1
   * @param fault     what to inject
   * @param passing   how many matching calls pass untouched (and draw nothing) before the rule applies; 0 for
   *                  none. Counted from the moment the plan is put to use, so "the first 10 uploads succeed,
   *                  then every one fails" is deterministic whatever the timing.
   */
  public record Rule(String operation, double rate, Fault fault, int passing) {
    /** Checks the operation, the rate, the fault and the number of passing calls. */
    public Rule {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(fault, "fault");
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("rate must be within 0..1 but was " + rate);
      }
      if (passing < 0) {
        throw new IllegalArgumentException("passing must not be negative but was " + passing);
      }
      if (fault instanceof Fault.Corrupt
          && !operation.equals("*")
          && !FaultLayer.DOWNLOADS.contains(operation)) {
        throw new IllegalArgumentException(
            "a Corrupt fault applies to downloads only ("
                + String.join(", ", new java.util.TreeSet<>(FaultLayer.DOWNLOADS))
                + " or *), not "
                + operation);
      }
    }

    /** A rule that applies from the first matching call on. */
    public Rule(String operation, double rate, Fault fault) {
      this(operation, rate, fault, 0);
    }

    boolean matches(String op) {
      if (fault instanceof Fault.Corrupt && !FaultLayer.DOWNLOADS.contains(op)) {
        return false;
      }
      return operation.equals("*") || operation.equals(op);
    }
  }

  /** Builds a {@link FaultPlan}. */
  public static final class Builder {
    private long seed;
    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /** Sets the seed of the random draws. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Adds a rule: inject {@code fault} on {@code operation} with probability {@code rate}. */
    public Builder add(String operation, double rate, Fault fault) {
      rules.add(new Rule(operation, rate, fault));
      return this;
    }

    /**
     * Adds a rule that lets the first {@code passing} calls of {@code operation} through and injects
     * {@code fault} into every later one, e.g. {@code after("b2_upload_file", 100, fault)}: a run that is
     * refused mid-way, at the same point every time.
     */
    public Builder after(String operation, int passing, Fault fault) {
      rules.add(new Rule(operation, 1.0, fault, passing));
      return this;
    }

    /** Returns the plan. */
    public FaultPlan build() {
      return new FaultPlan(seed, rules);
    }
  }
}
