package dev.stowage.tck.runner;

import dev.stowage.Capabilities;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands targets from {@link KitRunner} to {@link RunnerContract} instances, which JUnit creates:
 * the runner registers a target under a fresh key and passes the key as a configuration parameter.
 */
final class RunnerRegistry {

  /** The configuration parameter that carries the key. */
  static final String KEY_PARAMETER = "stowage.tck.runner.target";

  private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  private RunnerRegistry() {}

  /** One target's run: the target and what the kit learned when it opened it. */
  static final class Session {
    final KitTarget target;
    volatile Capabilities capabilities;

    Session(KitTarget target) {
      this.target = target;
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
