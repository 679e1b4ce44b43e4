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
 * Runs a {@link B2Emulator} for this module's own tests, one per test class or one per test. Users' tests take
 * the extension of the storage-testing module, which also declares buckets and keys; this module cannot depend
 * on it.
 */
final class B2EmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Supplier<B2Emulator.Builder> config;
  private final boolean perTest;
  private volatile B2Emulator emulator;

  private B2EmulatorExtension(Supplier<B2Emulator.Builder> config, boolean perTest) {
    this.config = Objects.requireNonNull(config, "config");
    this.perTest = perTest;
  }

  /** Returns an extension with one default emulator per test class. */
  static B2EmulatorExtension perClass() {
    return perClass(B2Emulator::builder);
  }

  /** Returns an extension with one emulator per test class, configured by the given builder supplier. */
  static B2EmulatorExtension perClass(Supplier<B2Emulator.Builder> config) {
    return new B2EmulatorExtension(config, false);
  }

  /** Returns an extension with a fresh default emulator for every test. */
  static B2EmulatorExtension perTest() {
    return perTest(B2Emulator::builder);
  }

  /** Returns an extension with a fresh emulator for every test, configured by the given builder supplier. */
  static B2EmulatorExtension perTest(Supplier<B2Emulator.Builder> config) {
    return new B2EmulatorExtension(config, true);
  }

  /**
   * Returns the running emulator.
   *
   * @throws IllegalStateException outside a test's lifetime
   */
  B2Emulator emulator() {
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
