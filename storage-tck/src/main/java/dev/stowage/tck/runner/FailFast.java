package dev.stowage.tck.runner;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every case after the first failure when the run was built with
 * {@link KitRunner.Builder#failFast(boolean)}; the reason names the case that failed.
 */
final class FailFast implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    RunnerRegistry.Session session =
        context
            .getConfigurationParameter(RunnerRegistry.KEY_PARAMETER)
            .map(RunnerRegistry::get)
            .orElse(null);
    String failed = session == null || !session.failFast ? null : session.firstFailure;
    return failed == null
        ? ConditionEvaluationResult.enabled("no failure yet")
        : ConditionEvaluationResult.disabled("not run: fail-fast after " + failed);
  }
}
