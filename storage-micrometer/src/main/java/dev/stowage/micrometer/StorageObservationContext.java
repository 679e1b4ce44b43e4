package dev.stowage.micrometer;

import io.micrometer.observation.Observation;

/**
 * The context of one filesystem operation's observation. Handlers (a tracing bridge, a logger) may
 * select Stowage's observations with {@code context instanceof StorageObservationContext} and read
 * what was done where without parsing key values. It never holds a credential.
 */
public final class StorageObservationContext extends Observation.Context {

  private final String operation;
  private final String adapter;
  private final String filesystem;

  StorageObservationContext(String operation, String adapter, String filesystem) {
    this.operation = operation;
    this.adapter = adapter;
    this.filesystem = filesystem;
  }

  /** Returns the operation, e.g. {@code read}; the value of the {@code operation} key. */
  public String operation() {
    return operation;
  }

  /** Returns the adapter's name, e.g. {@code b2}; the value of the {@code adapter} key. */
  public String adapter() {
    return adapter;
  }

  /** Returns the filesystem's name; the value of the {@code filesystem} key. */
  public String filesystem() {
    return filesystem;
  }
}
