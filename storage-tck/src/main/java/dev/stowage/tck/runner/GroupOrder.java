package dev.stowage.tck.runner;

import dev.stowage.tck.ContractGroup;
import dev.stowage.tck.FilesystemContract;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Orders the kit's cases for {@link KitRunner.Builder#runFirst}: the cases of the named groups
 * first, in the order named, then the rest. The sort is stable, so cases keep JUnit's usual
 * order within each group, and a run without {@code runFirst} keeps the usual order entirely.
 */
final class GroupOrder implements MethodOrderer {

  /** The group names of every contract of the whole kit, in declaration order. */
  static final List<String> GROUPS = groups();

  @Override
  public void orderMethods(MethodOrdererContext context) {
    List<String> first =
        context
            .getConfigurationParameter(RunnerRegistry.KEY_PARAMETER)
            .map(key -> RunnerRegistry.get(key).runFirst)
            .orElse(List.of());
    if (first.isEmpty()) {
      return;
    }
    context
        .getMethodDescriptors()
        .sort(
            Comparator.comparingInt(
                (MethodDescriptor d) -> {
                  int i = first.indexOf(group(d.getMethod()));
                  return i < 0 ? first.size() : i;
                }));
  }

  /** Returns the group a case is reported under: its interface's {@link ContractGroup}. */
  static String group(Method method) {
    ContractGroup group = method.getDeclaringClass().getAnnotation(ContractGroup.class);
    return group != null ? group.value() : method.getDeclaringClass().getSimpleName();
  }

  private static List<String> groups() {
    List<String> names = new ArrayList<>();
    for (Class<?> contract : FilesystemContract.class.getInterfaces()) {
      ContractGroup group = contract.getAnnotation(ContractGroup.class);
      if (group != null && !names.contains(group.value())) {
        names.add(group.value());
      }
    }
    return List.copyOf(names);
  }
}
