package dev.stowage.tck.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.stowage.tck.FilesystemContract;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs single kit cases against a fixture class through the JUnit Platform and reports each
 * outcome: for proving that a case catches a deliberately broken adapter.
 *
 * <!-- given: static class MyContractTest extends FilesystemContract {
 *   protected dev.stowage.Filesystem createFilesystem() { return null; } } -->
 * <pre>{@code
 * @ExtendWith(KitCases.SelfTestOnly.class)   // skipped unless KitCases runs it
 * static class LeakyKit extends MyContractTest {
 *   // createFilesystem() returns a filesystem over an adapter broken on purpose
 * }
 *
 * void theLeakCaseCatchesIt() {
 *   Map<String, KitCases.Outcome> outcomes =
 *       KitCases.run(LeakyKit.class, "readStream_partialReadThenClose_doesNotLeak");
 *   if (outcomes.values().stream().noneMatch(KitCases.Outcome::failed)) {
 *     throw new AssertionError("not caught: " + outcomes);
 *   }
 * }
 * }</pre>
 */
public final class KitCases {

  /** The configuration parameter with which kits broken on purpose run; without it they are skipped. */
  public static final String SELF_TEST = "stowage.tck.selfTest";

  private KitCases() {}

  /**
   * Skips a kit broken on purpose unless {@link KitCases#run} runs it, so that a test filter
   * that selects nested classes never runs it as a test class of its own.
   */
  public static final class SelfTestOnly implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(SELF_TEST).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled("run by the kit's self-test")
          : ConditionEvaluationResult.disabled(
              "a kit broken on purpose: only the self-test runs it");
    }
  }

  /**
   * One case's outcome.
   *
   * @param status how it ended, or null when it was skipped
   * @param message why it did not pass (the failure, or the skip reason), else empty
   */
  public record Outcome(TestExecutionResult.@Nullable Status status, String message) {
    /** Returns whether the case failed. */
    public boolean failed() {
      return status == TestExecutionResult.Status.FAILED;
    }

    /** Returns whether the case passed. */
    public boolean passed() {
      return status == TestExecutionResult.Status.SUCCESSFUL;
    }
  }

  /** Runs the case {@code method} (every invocation of it) on {@code kit}; keys are display names. */
  public static Map<String, Outcome> run(Class<? extends FilesystemContract> kit, String method) {
    Method target =
        Arrays.stream(kit.getMethods())
            .filter(m -> m.getName().equals(method))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no case " + method));
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              outcomes.put(
                  id.getDisplayName(),
                  new Outcome(
                      result.getStatus(), result.getThrowable().map(String::valueOf).orElse("")));
            }
          }

          @Override
          public void executionSkipped(TestIdentifier id, String reason) {
            outcomes.put(id.getDisplayName(), new Outcome(null, "skipped: " + reason));
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(kit, target))
                .configurationParameter(SELF_TEST, "true")
                .build(),
            listener);
    return outcomes;
  }
}
