package dev.stowage.tck.runner;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything the kit learned about one target.
 *
 * @param name the target's name
 * @param capabilities the declared capability flags, by name (empty if the filesystem never opened)
 * @param limits the declared limits and modes (max path bytes, multipart sizes, native checksums…)
 * @param groups the results per contract group, in run order
 * @param millis how long the target's run took
 */
public record TargetReport(
    String name,
    List<String> capabilities,
    Map<String, String> limits,
    List<GroupResult> groups,
    long millis) {

  public TargetReport {
    Objects.requireNonNull(name, "name");
    capabilities = List.copyOf(capabilities);
    limits = Map.copyOf(limits);
    groups = List.copyOf(groups);
  }

  /** Returns how many cases passed. */
  public int passed() {
    return groups.stream().mapToInt(GroupResult::passed).sum();
  }

  /** Returns how many cases were skipped. */
  public int skipped() {
    return groups.stream().mapToInt(GroupResult::skipped).sum();
  }

  /** Returns how many cases failed. */
  public int failed() {
    return groups.stream().mapToInt(GroupResult::failed).sum();
  }

  /** Returns the results of {@code group}, or null when the target had none. */
  public @Nullable GroupResult group(String group) {
    return groups.stream().filter(g -> g.group().equals(group)).findFirst().orElse(null);
  }
}
