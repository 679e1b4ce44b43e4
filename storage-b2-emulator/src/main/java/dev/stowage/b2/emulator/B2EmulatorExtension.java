package dev.stowage.b2.emulator;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link B2Emulator} for JUnit 5 tests, one per test class or one per test.
 *
 * <pre>{@code
 * class MyB2Test {
 *     @RegisterExtension
 *     static final B2EmulatorExtension B2 = B2EmulatorExtension.perClass(
 *             () -> B2Emulator.builder().recommendedPartSize(10_000).absoluteMinimumPartSize(5_000));
 *
 *     @Test
 *     void upload(B2Emulator emulator) {
 *         String realm = B2.emulator().url(); // or use the injected parameter
 *     }
 * }
 * }</pre>
 *
 * <p>Per class: register it on a static field; the server starts before the first test and stops after the
 * last (on an instance field it starts lazily before the first test and stops after the class). Per test: a
 * fresh server, with empty state, around every test. Test methods and constructors may take a
 * {@link B2Emulator} parameter. Requires junit-jupiter-api on the test classpath.
 */
public final class B2EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Supplier<B2Emulator.Builder> config;
    private final boolean perTest;
    private volatile B2Emulator emulator;

    private B2EmulatorExtension(Supplier<B2Emulator.Builder> config, boolean perTest) {
        this.config = Objects.requireNonNull(config, "config");
        this.perTest = perTest;
    }

    /** Returns an extension with one default emulator per test class. */
    public static B2EmulatorExtension perClass() {
        return perClass(B2Emulator::builder);
    }

    /** Returns an extension with one emulator per test class, configured by the given builder supplier. */
    public static B2EmulatorExtension perClass(Supplier<B2Emulator.Builder> config) {
        return new B2EmulatorExtension(config, false);
    }

    /** Returns an extension with a fresh default emulator for every test. */
    public static B2EmulatorExtension perTest() {
        return perTest(B2Emulator::builder);
    }

    /** Returns an extension with a fresh emulator for every test, configured by the given builder supplier. */
    public static B2EmulatorExtension perTest(Supplier<B2Emulator.Builder> config) {
        return new B2EmulatorExtension(config, true);
    }

    /**
     * Returns the running emulator.
     *
     * @throws IllegalStateException outside a test's lifetime
     */
    public B2Emulator emulator() {
        B2Emulator e = emulator;
        if (e == null) {
            throw new IllegalStateException("the B2 emulator runs only while a test runs");
        }
        return e;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            startIfNeeded();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIfNeeded();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private synchronized void startIfNeeded() {
        if (emulator == null) {
            emulator = config.get().start();
        }
    }

    private synchronized void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == B2Emulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        startIfNeeded();
        return emulator();
    }
}
