package dev.stowage.tck.runner;

import dev.stowage.tck.ContractGroup;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns JUnit events into {@link CaseResult}s, grouped by the {@link ContractGroup} of the
 * interface that declares each case. A skipped or failed container (a whole parameterized case,
 * or the class) counts as one case.
 */
final class CollectingListener implements TestExecutionListener {

  private final KitTarget target;
  private final KitListener listener;
  private final RunnerRegistry.Session session;
  private final List<CaseResult> results = new ArrayList<>();
  private final Map<String, Long> started = new ConcurrentHashMap<>();

  CollectingListener(KitTarget target, KitListener listener, RunnerRegistry.Session session) {
    this.target = target;
    this.listener = listener;
    this.session = session;
  }

  List<CaseResult> results() {
    return results;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    started.put(id.getUniqueId(), System.nanoTime());
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest() || id.getSource().filter(MethodSource.class::isInstance).isPresent()) {
      record(id, CaseResult.Status.SKIPPED, reason, 0);
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Long start = started.remove(id.getUniqueId());
    long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    switch (result.getStatus()) {
      case SUCCESSFUL:
        if (id.isTest()) {
          record(id, CaseResult.Status.PASSED, "", millis);
        }
        break;
      case ABORTED:
        if (id.isTest()) {
          record(id, CaseResult.Status.SKIPPED, reason(result), millis);
        }
        break;
      default:
        if (id.isTest() || id.getSource().isPresent()) {
          record(id, CaseResult.Status.FAILED, message(result), millis);
        }
    }
  }

  private void record(TestIdentifier id, CaseResult.Status status, String message, long millis) {
    CaseResult result = new CaseResult(group(id), name(id), status, message, millis);
    if (status == CaseResult.Status.FAILED && session.firstFailure == null) {
      session.firstFailure = result.name();
    }
    synchronized (results) {
      results.add(result);
    }
    listener.testFinished(target, result);
  }

  private static String message(TestExecutionResult result) {
    return result
        .getThrowable()
        .map(
            t -> {
              String m = t.getMessage();
              return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip());
            })
        .orElse(result.getStatus().toString());
  }

  /** Returns an assumption's own words, without the exception's boilerplate. */
  private static String reason(TestExecutionResult result) {
    String m = result.getThrowable().map(Throwable::getMessage).orElse(null);
    if (m == null || m.isBlank()) {
      return "aborted";
    }
    m = m.strip();
    return m.startsWith("Assumption failed: ") ? m.substring("Assumption failed: ".length()) : m;
  }

  static String group(TestIdentifier id) {
    TestSource source = id.getSource().orElse(null);
    if (source instanceof MethodSource) {
      try {
        Method m = ((MethodSource) source).getJavaMethod();
        ContractGroup group = m.getDeclaringClass().getAnnotation(ContractGroup.class);
        return group != null ? group.value() : m.getDeclaringClass().getSimpleName();
      } catch (RuntimeException e) {
        return ((MethodSource) source).getClassName();
      }
    }
    return "kit";
  }

  private static String name(TestIdentifier id) {
    TestSource source = id.getSource().orElse(null);
    if (source instanceof MethodSource) {
      String method = ((MethodSource) source).getMethodName();
      String display = id.getDisplayName();
      return display.startsWith(method) ? display : method + " " + display;
    }
    return id.getDisplayName();
  }
}
