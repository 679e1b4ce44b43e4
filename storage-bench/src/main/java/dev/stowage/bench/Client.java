package dev.stowage.bench;

import org.jspecify.annotations.Nullable;

/**
 * Something that can do transfer scenarios against one target: our library, a ceiling or a peer.
 * One call is one timed run; set-up and clean-up happen outside it.
 */
interface Client extends AutoCloseable {

  /** Returns the name shown in the report's client column. */
  String name();

  /** Returns whether this client takes part in {@code scenario}. */
  boolean supports(Scenario scenario);

  /** Returns whether the timed work runs in this JVM, so that the heap gauge means something. */
  default boolean inProcess() {
    return true;
  }

  /** Prepares one run of {@code job} outside the timed part (signing a URL, getting an upload URL). */
  default void prepare(Scenario scenario, Job job) throws Exception {}

  /** Returns why this client cannot run here (a peer that is not installed), or null when it can. */
  default @Nullable String absentReason() {
    return null;
  }

  /** Does {@code job} once. */
  void run(Scenario scenario, Job job) throws Exception;

  @Override
  default void close() {}
}
