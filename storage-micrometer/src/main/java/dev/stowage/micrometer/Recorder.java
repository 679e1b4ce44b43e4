package dev.stowage.micrometer;

import dev.stowage.Operation;
import dev.stowage.StorageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything one observed filesystem (and the views made from it) records into: starts the
 * observations, holds the byte counters, and is the single place retries are counted. Immutable
 * and thread-safe.
 */
final class Recorder {

  private final ObservationRegistry observations;
  private final @Nullable MeterRegistry meters;
  private final String name;
  private final String adapter;
  private final String filesystem;
  private final boolean pathsInTraces;
  private final ByteCounter bytesRead;
  private final ByteCounter bytesWritten;

  Recorder(
      ObservationRegistry observations,
      @Nullable MeterRegistry meters,
      String name,
      String adapter,
      String filesystem,
      boolean pathsInTraces) {
    this.observations = observations;
    this.meters = meters;
    this.name = name;
    this.adapter = adapter;
    this.filesystem = filesystem;
    this.pathsInTraces = pathsInTraces;
    this.bytesRead = counter(ObservationNames.BYTES_READ, "Bytes handed to callers by reads");
    this.bytesWritten =
        counter(ObservationNames.BYTES_WRITTEN, "Bytes stored by writes that succeeded");
  }

  private ByteCounter counter(String meter, String description) {
    if (meters == null) {
      return ByteCounter.NONE;
    }
    return new ByteCounter(
        Counter.builder(meter)
            .description(description)
            .baseUnit("bytes")
            .tag(ObservationNames.ADAPTER, adapter)
            .tag(ObservationNames.FILESYSTEM, filesystem)
            .register(meters));
  }

  String adapter() {
    return adapter;
  }

  String filesystem() {
    return filesystem;
  }

  /** Whether retries are counted (there is a meter registry), so a listener is worth attaching. */
  boolean countsRetries() {
    return meters != null;
  }

  ByteCounter bytesRead() {
    return bytesRead;
  }

  ByteCounter bytesWritten() {
    return bytesWritten;
  }

  /** Starts the observation of {@code operation} on {@code path}; the caller stops it. */
  Flight start(String operation, String path) {
    Observation observation =
        Observation.createNotStarted(
                name,
                () -> new StorageObservationContext(operation, adapter, filesystem),
                observations)
            .lowCardinalityKeyValue(ObservationNames.OPERATION, operation)
            .lowCardinalityKeyValue(ObservationNames.ADAPTER, adapter)
            .lowCardinalityKeyValue(ObservationNames.FILESYSTEM, filesystem)
            .contextualName(name + " " + operation);
    if (pathsInTraces && path != null) {
      observation.highCardinalityKeyValue(ObservationNames.PATH, path);
    }
    return new Flight(observation.start());
  }

  /** Runs {@code call} as one observed operation, in the observation's scope. */
  <T> T observe(String operation, String path, Supplier<T> call) {
    Flight flight = start(operation, path);
    T result;
    try (Observation.Scope scope = flight.observation().openScope()) {
      result = call.get();
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      throw e;
    }
    flight.succeed();
    return result;
  }

  /** Runs {@code call} as one observed operation that returns nothing. */
  void run(String operation, String path, Runnable call) {
    observe(
        operation,
        path,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Counts one retry of {@code operation} caused by a failure of {@code kind} in
   * {@code stowage.retries}. The single entry point for retries: a transfer listener installed by
   * the decorator feeds it (see the module README).
   */
  void retried(Operation operation, StorageException.Kind kind) {
    if (meters == null) {
      return;
    }
    Counter.builder(ObservationNames.RETRIES)
        .description("Retries, by the kind of failure that caused them")
        .tag(ObservationNames.ADAPTER, adapter)
        .tag(ObservationNames.FILESYSTEM, filesystem)
        .tag(ObservationNames.OPERATION, operation.name().toLowerCase(Locale.ROOT))
        .tag(ObservationNames.ERROR_KIND, kind.name())
        .register(meters)
        .increment();
  }
}
