package dev.stowage.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link FaultSuite} run saw. The violations — the lists — are what must stay empty:
 *
 * <ul>
 *   <li>{@code corruptReads}: a read returned bytes the key never held (the worst outcome);
 *   <li>{@code lostWrites}: at the end the truth view does not hold what an acknowledged write,
 *       copy or delete (or a later successful read) established;
 *   <li>{@code untyped}: an operation failed with something other than a {@code StorageException};
 *   <li>{@code overtime}: an operation took longer than its deadline plus one second;
 *   <li>{@code hung}: an operation was still running at deadline plus five seconds and was interrupted;
 *   <li>{@code inconsistent}: an answer contradicts a certain model state (a stat size, a listing,
 *       or NOT_FOUND for a key that must exist), or a successful operation returned null instead
 *       of its answer;
 *   <li>{@code leftovers}: what the leftover checker reported after the run (unfinished uploads, temp files).
 * </ul>
 *
 * <p>Failed operations are expected under faults; they are counted, by {@code OPERATION:KIND}, in
 * {@code failuresByKind}. {@code slowest} names the longest operation and its duration, to help
 * choose deadlines. All collections are unmodifiable copies.
 */
public record FaultSuiteReport(
    long seed,
    long attempted,
    long succeeded,
    long failed,
    Map<String, Long> failuresByKind,
    Map<String, Long> attemptsByOperation,
    List<String> corruptReads,
    List<String> lostWrites,
    List<String> untyped,
    List<String> overtime,
    List<String> hung,
    List<String> inconsistent,
    List<String> leftovers,
    String slowest,
    Duration elapsed) {

  private static final int SHOWN_PER_LIST = 5;

  /** Copies every collection and checks the counts add up. */
  public FaultSuiteReport {
    failuresByKind = Map.copyOf(failuresByKind);
    attemptsByOperation = Map.copyOf(attemptsByOperation);
    corruptReads = List.copyOf(corruptReads);
    lostWrites = List.copyOf(lostWrites);
    untyped = List.copyOf(untyped);
    overtime = List.copyOf(overtime);
    hung = List.copyOf(hung);
    inconsistent = List.copyOf(inconsistent);
    leftovers = List.copyOf(leftovers);
    if (succeeded + failed != attempted) {
      throw new IllegalArgumentException(
          "succeeded " + succeeded + " + failed " + failed + " must equal attempted " + attempted);
    }
  }

  /** Returns whether every violation list is empty. */
  public boolean isClean() {
    return corruptReads.isEmpty()
        && lostWrites.isEmpty()
        && untyped.isEmpty()
        && overtime.isEmpty()
        && hung.isEmpty()
        && inconsistent.isEmpty()
        && leftovers.isEmpty();
  }

  /**
   * Returns this report if it {@link #isClean() is clean}.
   *
   * @throws AssertionError with the {@link #summary()} otherwise
   */
  public FaultSuiteReport assertClean() {
    if (!isClean()) {
      throw new AssertionError("fault suite found violations:\n" + summary());
    }
    return this;
  }

  /** Returns a multi-line human summary: counts, failures by kind, and the first few of each violation. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("seed ")
        .append(seed)
        .append(": ")
        .append(attempted)
        .append(" operations, ")
        .append(succeeded)
        .append(" succeeded, ")
        .append(failed)
        .append(" failed, in ")
        .append(elapsed.toMillis())
        .append(" ms\n");
    s.append("  slowest: ").append(slowest).append('\n');
    s.append("  operations: ").append(new TreeMap<>(attemptsByOperation)).append('\n');
    s.append("  failures: ").append(new TreeMap<>(failuresByKind)).append('\n');
    section(s, "corrupt reads", corruptReads);
    section(s, "lost writes", lostWrites);
    section(s, "untyped failures", untyped);
    section(s, "over deadline", overtime);
    section(s, "hung", hung);
    section(s, "inconsistent answers", inconsistent);
    section(s, "leftovers", leftovers);
    return s.toString();
  }

  private static void section(StringBuilder s, String title, List<String> entries) {
    s.append("  ").append(title).append(": ").append(entries.size()).append('\n');
    entries.stream().limit(SHOWN_PER_LIST).forEach(e -> s.append("    ").append(e).append('\n'));
    if (entries.size() > SHOWN_PER_LIST) {
      s.append("    … ").append(entries.size() - SHOWN_PER_LIST).append(" more\n");
    }
  }
}
