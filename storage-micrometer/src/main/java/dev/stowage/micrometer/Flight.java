package dev.stowage.micrometer;

import dev.stowage.StorageException;
import io.micrometer.observation.Observation;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One started observation that stops exactly once: on success, on failure, or — as the action a
 * {@link java.lang.ref.Cleaner} runs when the stream or listing it belongs to became unreachable —
 * as abandoned. Whichever comes first wins; later calls do nothing. Thread-safe.
 */
final class Flight implements Runnable {

  private final Observation observation;
  private final AtomicBoolean stopped = new AtomicBoolean();

  Flight(Observation observation) {
    this.observation = observation;
  }

  Observation observation() {
    return observation;
  }

  /** Stops with outcome {@code success}. */
  void succeed() {
    stop(ObservationNames.SUCCESS, ObservationNames.NONE, null);
  }

  /** Stops with outcome {@code error} and the failure's kind. */
  void fail(Throwable failure) {
    stop(ObservationNames.ERROR, kindOf(failure), failure);
  }

  /** Stops with outcome {@code error} and kind {@code CANCELLED}: the caller aborted the upload. */
  void aborted() {
    stop(ObservationNames.ERROR, StorageException.Kind.CANCELLED.name(), null);
  }

  /** Stops with outcome {@code abandoned}: nobody closed what this flight observes. */
  void abandon() {
    stop(ObservationNames.ABANDONED, ObservationNames.NONE, null);
  }

  /** The cleaner's action. */
  @Override
  public void run() {
    abandon();
  }

  boolean stopped() {
    return stopped.get();
  }

  /** Records the bytes the operation moved, for tracing handlers (high cardinality). */
  void bytes(long count) {
    if (stopped.get()) {
      return;
    }
    observation.highCardinalityKeyValue(ObservationNames.BYTES, Long.toString(count));
  }

  /** Records how many entries a listing returned, for tracing handlers (high cardinality). */
  void entries(long count) {
    if (stopped.get()) {
      return;
    }
    observation.highCardinalityKeyValue(ObservationNames.ENTRIES, Long.toString(count));
  }

  private void stop(String outcome, String kind, @Nullable Throwable failure) {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    observation.lowCardinalityKeyValue(ObservationNames.OUTCOME, outcome);
    observation.lowCardinalityKeyValue(ObservationNames.ERROR_KIND, kind);
    if (failure != null) {
      observation.error(failure);
    }
    observation.stop();
  }

  /** The failure's {@link StorageException.Kind}, or UNEXPECTED for anything else. */
  static String kindOf(Throwable failure) {
    return failure instanceof StorageException se
        ? se.kind().name()
        : StorageException.Kind.UNEXPECTED.name();
  }
}
