package dev.stowage.apisignatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The differences between a recorded API and the compiled one, split into incompatible changes
 * (a type or member removed or changed, a type's header changed, an abstract method added to a
 * type users may implement) and compatible ones (a type or member added).
 */
record ApiDiff(List<String> incompatible, List<String> compatible) {

  ApiDiff {
    incompatible = List.copyOf(incompatible);
    compatible = List.copyOf(compatible);
  }

  /** Compares {@code recorded} (the signature file) with {@code current} (the compiled classes). */
  static ApiDiff between(Map<String, List<String>> recorded, Map<String, List<String>> current) {
    List<String> incompatible = new ArrayList<>();
    List<String> compatible = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(recorded.keySet());
    names.addAll(current.keySet());
    for (String name : names) {
      List<String> before = recorded.get(name);
      List<String> after = current.get(name);
      if (after == null) {
        incompatible.add("- " + Objects.requireNonNull(before).get(0) + "  (type removed)");
        continue;
      }
      if (before == null) {
        compatible.add("+ " + after.get(0) + "  (type added)");
        continue;
      }
      String header = after.get(0);
      if (!before.get(0).equals(header)) {
        incompatible.add(
            "~ " + name + ": header was\n      " + before.get(0) + "\n    now\n      " + header);
      }
      boolean implementable =
          !header.contains(" final ")
              && !header.contains(" sealed ")
              && !header.contains(" enum ")
              && !header.contains(" record ");
      TreeSet<String> removed = new TreeSet<>(before.subList(1, before.size()));
      after.subList(1, after.size()).forEach(removed::remove);
      TreeSet<String> added = new TreeSet<>(after.subList(1, after.size()));
      before.subList(1, before.size()).forEach(added::remove);
      for (String member : removed) {
        incompatible.add("- " + name + ": " + member.strip());
      }
      for (String member : added) {
        if (implementable && member.contains(" abstract ")) {
          incompatible.add(
              "+ " + name + ": " + member.strip() + "  (abstract: implementations break)");
        } else {
          compatible.add("+ " + name + ": " + member.strip());
        }
      }
    }
    return new ApiDiff(incompatible, compatible);
  }

  boolean isEmpty() {
    return incompatible.isEmpty() && compatible.isEmpty();
  }

  /** A report a reader can act on. */
  String report(String module, String file) {
    StringBuilder out =
        new StringBuilder(module)
            .append(": the public API differs from ")
            .append(file)
            .append('\n');
    if (!incompatible.isEmpty()) {
      out.append("  incompatible (removed or changed; callers or implementations break):\n");
      incompatible.forEach(l -> out.append("    ").append(l).append('\n'));
    }
    if (!compatible.isEmpty()) {
      out.append("  compatible (added):\n");
      compatible.forEach(l -> out.append("    ").append(l).append('\n'));
    }
    return out.append(
            "  If the change is intended, record it: rerun with -Dstowage.writeApi=true and commit ")
        .append(file)
        .append('\n')
        .toString();
  }
}
