package dev.stowage.tck;

import dev.stowage.Capability;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a contract case only when the filesystem under test declares every capability in
 * {@link #value()} and none in {@link #absent()}; otherwise the case is skipped with a reason such
 * as {@code "requires RANGE_READ (not declared by this adapter)"}.
 *
 * <p>Put it on a test method or on a contract interface (it then applies to every case of that
 * interface). The test instance must be a {@link KitFixture}, as every {@link FilesystemContract} is.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(RequiresCondition.class)
public @interface Requires {

  /** Returns the capabilities the case needs. */
  Capability[] value() default {};

  /** Returns the capabilities that must not be declared (cases about the behaviour without them). */
  Capability[] absent() default {};
}
