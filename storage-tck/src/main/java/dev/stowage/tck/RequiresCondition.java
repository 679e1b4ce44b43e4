package dev.stowage.tck;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Evaluates {@link Requires} against the capabilities of the filesystem under test. Only cases
 * (methods) are ever disabled: at class level the filesystem may not be open yet.
 */
final class RequiresCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    Optional<Object> instance = context.getTestInstance();
    if (method.isEmpty() || instance.isEmpty() || !(instance.get() instanceof KitFixture)) {
      return ConditionEvaluationResult.enabled("not a contract case");
    }
    Capabilities capabilities = ((KitFixture) instance.get()).capabilities();
    List<Requires> all = new ArrayList<>();
    collect(method.get(), all);
    collect(method.get().getDeclaringClass(), all);
    for (Requires requires : all) {
      for (Capability needed : requires.value()) {
        if (!capabilities.has(needed)) {
          return ConditionEvaluationResult.disabled(missing(needed));
        }
      }
      for (Capability unwanted : requires.absent()) {
        if (capabilities.has(unwanted)) {
          return ConditionEvaluationResult.disabled(
              "requires " + unwanted + " to be undeclared (declared by this adapter)");
        }
      }
    }
    return ConditionEvaluationResult.enabled("every required capability is declared");
  }

  /** Returns the skip reason for a missing capability; also used by cases that check inline. */
  static String missing(Capability capability) {
    return "requires " + capability + " (not declared by this adapter)";
  }

  private static void collect(AnnotatedElement element, List<Requires> into) {
    AnnotationSupport.findAnnotation(element, Requires.class).ifPresent(into::add);
  }
}
