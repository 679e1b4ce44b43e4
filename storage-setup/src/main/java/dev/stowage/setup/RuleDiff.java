package dev.stowage.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares the rules on a bucket with the rules a spec asks for, keyed by identity (CORS: name; lifecycle: prefix),
 * and produces the list to send plus one {@link Change} per rule. Rules the spec does not mention are kept in place
 * unless {@code replace} is set; new rules go after the existing ones, so existing CORS match order is preserved.
 */
final class RuleDiff {
  /** The rules to send and the changes that lead there; {@code changed} tells whether a call is needed. */
  record Result<T>(List<T> merged, List<Change> changes, boolean changed) {}

  /** Names the pieces of one kind of rule. */
  record Kind<T>(
      String field,
      Function<T, String> key,
      Function<T, String> describe,
      Change.Action add,
      Change.Action replace,
      Change.Action remove) {
    String subject(String key) {
      return field + "[" + (field.equals("corsRules") ? "'" + key + "'" : "\"" + key + "\"") + "]";
    }
  }

  static final Kind<CorsRule> CORS =
      new Kind<>(
          "corsRules",
          CorsRule::corsRuleName,
          CorsRule::describe,
          Change.Action.ADD_CORS_RULE,
          Change.Action.REPLACE_CORS_RULE,
          Change.Action.REMOVE_CORS_RULE);
  static final Kind<LifecycleRule> LIFECYCLE =
      new Kind<>(
          "lifecycleRules",
          LifecycleRule::fileNamePrefix,
          LifecycleRule::describe,
          Change.Action.ADD_LIFECYCLE_RULE,
          Change.Action.REPLACE_LIFECYCLE_RULE,
          Change.Action.REMOVE_LIFECYCLE_RULE);

  private RuleDiff() {}

  static <T> Result<T> diff(Kind<T> kind, List<T> current, List<T> desired, boolean replace) {
    Map<String, T> wanted = new LinkedHashMap<>();
    for (T d : desired) {
      wanted.put(kind.key().apply(d), d);
    }
    List<T> merged = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    Map<String, T> seen = new LinkedHashMap<>();
    for (T c : current) {
      String key = kind.key().apply(c);
      seen.put(key, c);
      T d = wanted.get(key);
      if (d != null) {
        if (d.equals(c)) {
          changes.add(
              new Change(Change.Action.UNCHANGED, kind.subject(key), kind.describe().apply(c)));
        } else {
          changes.add(
              new Change(
                  kind.replace(),
                  kind.subject(key),
                  kind.describe().apply(c) + " -> " + kind.describe().apply(d)));
        }
        merged.add(d);
      } else if (replace) {
        changes.add(
            new Change(
                kind.remove(),
                kind.subject(key),
                kind.describe().apply(c) + " (not in the spec; replace is set)"));
      } else {
        changes.add(
            new Change(
                Change.Action.UNCHANGED,
                kind.subject(key),
                kind.describe().apply(c) + " (not in the spec; kept)"));
        merged.add(c);
      }
    }
    for (T d : desired) {
      String key = kind.key().apply(d);
      if (!seen.containsKey(key)) {
        changes.add(new Change(kind.add(), kind.subject(key), kind.describe().apply(d)));
        merged.add(d);
      }
    }
    if (replace && !changes.stream().anyMatch(Change::mutates) && !desired.equals(current)) {
      // Same rules, another order: for CORS the order decides which rule matches first.
      changes.add(new Change(kind.replace(), kind.field(), "reorder to the spec's order"));
      merged = new ArrayList<>(desired);
    } else if (replace) {
      merged = new ArrayList<>(desired);
    }
    boolean changed = changes.stream().anyMatch(Change::mutates);
    return new Result<>(List.copyOf(merged), changes, changed);
  }

  /**
   * Checks that the merged lifecycle rules do not overlap (kept bucket rules against the spec's).
   *
   * @throws InvalidSpecException naming the spec rule that overlaps a kept rule
   */
  static void checkMergedLifecycle(List<LifecycleRule> spec, List<LifecycleRule> merged) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < spec.size(); i++) {
      String p = spec.get(i).fileNamePrefix();
      for (LifecycleRule other : merged) {
        String o = other.fileNamePrefix();
        if (!o.equals(p) && (o.startsWith(p) || p.startsWith(o)) && !spec.contains(other)) {
          violations.add(
              new Violation(
                  "lifecycleRules[" + i + "].fileNamePrefix",
                  "prefix \""
                      + p
                      + "\" overlaps the bucket's existing rule for prefix \""
                      + o
                      + "\"; remove that rule or set replace"));
        }
      }
    }
    if (merged.size() > SpecValidator.MAX_RULES) {
      violations.add(
          new Violation(
              "lifecycleRules",
              "the bucket would hold "
                  + merged.size()
                  + " rules; at most "
                  + SpecValidator.MAX_RULES));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
    }
  }

  /**
   * Checks the merged CORS list's size.
   *
   * @throws InvalidSpecException if the bucket would hold more than 100 rules
   */
  static void checkMergedCors(List<CorsRule> merged) {
    if (merged.size() > SpecValidator.MAX_RULES) {
      throw InvalidSpecException.of(
          "corsRules",
          "the bucket would hold " + merged.size() + " rules; at most " + SpecValidator.MAX_RULES);
    }
  }
}
