package dev.stowage.tck.runner;

import dev.stowage.Capabilities;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Hands targets from {@link KitRunner} to {@link RunnerContract} instances, which JUnit creates:
 * the runner registers a target under a fresh key and passes the key as a configuration parameter.
 */
final class RunnerRegistry {

  /** The configuration parameter that carries the key. */
  static final String KEY_PARAMETER = "stowage.tck.runner.target";

  private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  private RunnerRegistry() {}

  /** One target's run: the target, the run's settings and what the kit learned while running. */
  static final class Session {
    final KitTarget target;
    final boolean failFast;
    final List<String> runFirst;
    volatile @Nullable Capabilities capabilities;

    /** The name of the first case that failed, or null. */
    volatile @Nullable String firstFailure;

    Session(KitTarget target, boolean failFast, List<String> runFirst) {
      this.target = target;
      this.failFast = failFast;
      this.runFirst = List.copyOf(runFirst);
    }
  }

  static String register(Session session) {
    String key = UUID.randomUUID().toString();
    SESSIONS.put(key, session);
    return key;
  }

  static Session get(String key) {
    Session session = SESSIONS.get(key);
    if (session == null) {
      throw new IllegalStateException("no kit target registered under " + key);
    }
    return session;
  }

  static void remove(String key) {
    SESSIONS.remove(key);
  }
}
