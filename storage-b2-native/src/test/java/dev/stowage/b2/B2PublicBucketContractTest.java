package dev.stowage.b2;

import dev.stowage.tck.UrlContract;
import dev.stowage.tck.VisibilityContract;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The URL and visibility contracts against a public ({@code allPublic}) emulator bucket, so that
 * the cases that fetch public URLs anonymously run on B2. Every other group behaves the same in
 * a public bucket and runs on the private one ({@link B2AdapterContractTest}).
 */
@ExtendWith(B2PublicBucketContractTest.UrlAndVisibilityOnly.class)
class B2PublicBucketContractTest extends B2AdapterContractTest {

  @Override
  String bucketType() {
    return "allPublic";
  }

  /** Runs only the cases of the groups that depend on the bucket's visibility. */
  static final class UrlAndVisibilityOnly implements ExecutionCondition {
    private static final Set<Class<?>> GROUPS = Set.of(UrlContract.class, VisibilityContract.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<Method> method = context.getTestMethod();
      if (method.isEmpty() || GROUPS.contains(method.get().getDeclaringClass())) {
        return ConditionEvaluationResult.enabled("depends on the bucket's visibility");
      }
      return ConditionEvaluationResult.disabled(
          "runs on the private bucket (B2AdapterContractTest)");
    }
  }
}
