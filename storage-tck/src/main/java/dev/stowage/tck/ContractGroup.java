package dev.stowage.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the group a contract interface's cases are reported under by the kit runner
 * ({@code "paths"}, {@code "write"}…). A case outside any annotated interface is reported under
 * its class's simple name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ContractGroup {

  /** Returns the group name, lowercase. */
  String value();
}
