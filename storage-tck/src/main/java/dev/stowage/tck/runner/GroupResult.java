package dev.stowage.tck.runner;

import java.util.List;
import java.util.Objects;

/**
 * The results of one contract group against one target.
 *
 * @param group the group name
 * @param passed how many cases passed
 * @param skipped how many were skipped (each with a reason in {@code notable})
 * @param failed how many failed
 * @param notable the skipped and failed cases, with their reasons and messages
 * @param passedCases the names of the cases that passed, in the order they ran, so that two
 *     reports can be compared case by case
 */
public record GroupResult(
    String group,
    int passed,
    int skipped,
    int failed,
    List<CaseResult> notable,
    List<String> passedCases) {

  public GroupResult {
    Objects.requireNonNull(group, "group");
    notable = List.copyOf(notable);
    passedCases = List.copyOf(passedCases);
  }

  /** Returns a result that names only its skipped and failed cases. */
  public GroupResult(String group, int passed, int skipped, int failed, List<CaseResult> notable) {
    this(group, passed, skipped, failed, notable, List.of());
  }

  /** Returns the cell the matrix shows, e.g. {@code "24✓ 2↷ 0✗"}. */
  public String cell() {
    return passed + "✓ " + skipped + "↷ " + failed + "✗";
  }
}
