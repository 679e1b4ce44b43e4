package dev.stowage.tck.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds case results into per-group counts, keeping the order groups first appeared in. */
final class Groups {

  private Groups() {}

  static List<GroupResult> summarise(List<CaseResult> results) {
    Map<String, List<CaseResult>> byGroup = new LinkedHashMap<>();
    for (CaseResult r : results) {
      byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
    }
    List<GroupResult> groups = new ArrayList<>();
    byGroup.forEach(
        (group, cases) -> {
          int passed = 0;
          int skipped = 0;
          int failed = 0;
          List<CaseResult> notable = new ArrayList<>();
          List<String> passedCases = new ArrayList<>();
          for (CaseResult c : cases) {
            switch (c.status()) {
              case PASSED:
                passed++;
                passedCases.add(c.name());
                break;
              case SKIPPED:
                skipped++;
                notable.add(c);
                break;
              default:
                failed++;
                notable.add(c);
            }
          }
          groups.add(new GroupResult(group, passed, skipped, failed, notable, passedCases));
        });
    return groups;
  }
}
