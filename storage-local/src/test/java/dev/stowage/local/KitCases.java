package dev.stowage.local;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs single kit cases against a fixture class through the JUnit Platform and reports each outcome. */
final class KitCases {

  /** The configuration parameter with which kits broken on purpose run; without it they are skipped. */
  static final String SELF_TEST = "stowage.tck.selfTest";

  private KitCases() {}

  /**
   * Skips a kit broken on purpose unless {@link KitCases#run} runs it, so that a test filter
   * that selects nested classes never runs it as a test class of its own.
   */
  static final class SelfTestOnly implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(SELF_TEST).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled("run by the kit's self-test")
          : ConditionEvaluationResult.disabled("a kit broken on purpose: only the self-test runs it");
    }
  }

  /** One case's outcome: its status and, when it did not pass, the reason. */
  record Outcome(TestExecutionResult.Status status, String message) {
    boolean failed() {
      return status == TestExecutionResult.Status.FAILED;
    }

    boolean passed() {
      return status == TestExecutionResult.Status.SUCCESSFUL;
    }
  }

  /** Runs the case {@code method} (every invocation of it) on {@code kit}; keys are display names. */
  static Map<String, Outcome> run(Class<? extends dev.stowage.tck.FilesystemContract> kit, String method) {
    Method target = Arrays.stream(kit.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no case " + method));
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
          outcomes.put(id.getDisplayName(), new Outcome(result.getStatus(),
              result.getThrowable().map(String::valueOf).orElse("")));
        }
      }

      @Override
      public void executionSkipped(TestIdentifier id, String reason) {
        outcomes.put(id.getDisplayName(), new Outcome(null, "skipped: " + reason));
      }
    };
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(kit, target)).configurationParameter(SELF_TEST, "true").build(), listener);
    return outcomes;
  }
}
