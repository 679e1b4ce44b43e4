package dev.stowage.micrometer;

import dev.stowage.ByteRange;
import dev.stowage.CancellationToken;
import dev.stowage.Capabilities;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.Operation;
import dev.stowage.StorageException;
import dev.stowage.TransferListener;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadStream;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Filesystem} that makes one Micrometer {@link io.micrometer.observation.Observation} per
 * operation of the filesystem it wraps, and counts the bytes read and written. Metrics and traces
 * come from the same place: with a meter handler each operation is a timer, with a tracing bridge
 * it is a span, a child of the caller's current observation.
 *
 * <!-- given: Filesystem fs; io.micrometer.core.instrument.MeterRegistry meterRegistry -->
 * <pre>{@code
 * Filesystem observed = ObservedFilesystem.builder(fs, meterRegistry)
 *     .adapter("b2")          // the adapter tag: the URI scheme the filesystem was opened with
 *     .name("uploads")        // the filesystem tag, telling several filesystems apart
 *     .build();
 * observed.write("reports/2026.csv", "a,b\n");  // timer stowage.operation{operation=write,outcome=success,...}
 * }</pre>
 *
 * <p><b>What is recorded.</b> Observation {@value ObservationNames#OPERATION_OBSERVATION} with the
 * low-cardinality keys {@code operation}, {@code adapter}, {@code filesystem}, {@code outcome}
 * ({@code success}, {@code error}, {@code abandoned}) and {@code error.kind} (the
 * {@link StorageException.Kind} name, {@code UNEXPECTED} for a failure that is not a
 * {@code StorageException}, {@code none} without failure). Paths are never a tag; see
 * {@link Builder#pathsInTraces(boolean)}. The counters {@value ObservationNames#BYTES_READ} (bytes
 * handed to the caller by {@code read} and by streams from {@code readStream}) and
 * {@value ObservationNames#BYTES_WRITTEN} (bytes of writes that succeeded) need a
 * {@link MeterRegistry}. Copies and moves are server-side and move no bytes through the client.
 *
 * <p><b>Streams and listings</b> are observed until they end: a stream from {@link #readStream}
 * until it is closed or a read fails, a listing until it is exhausted, closed or fails. A stream or
 * listing that is dropped without any of that ends as {@code abandoned} once it has been
 * garbage-collected, so no observation stays open forever. A stream from
 * {@link #openOutputStream} is one {@code write} observation until it is closed (its bytes are
 * counted then), aborted (error, kind {@code CANCELLED}) or fails.
 *
 * <p><b>Retries.</b> With a meter registry, each write, copy, move and listened stream read carries
 * a transfer listener of the decorator's, composed with the caller's own (which still hears every
 * event), that feeds each retry the adapter reports to {@link #recordRetry}.
 *
 * <p>Views made with {@link #at(String)} are observed the same way, into the same meters. Thread-safe
 * like the filesystem it wraps; closing it closes that filesystem.
 */
public final class ObservedFilesystem implements Filesystem {

  private final Filesystem delegate;
  private final Recorder recorder;

  private ObservedFilesystem(Filesystem delegate, Recorder recorder) {
    this.delegate = delegate;
    this.recorder = recorder;
  }

  /**
   * Returns a builder that records into {@code observations}. Byte counters need a meter registry
   * as well ({@link Builder#meterRegistry}); in a Spring Boot application pass the application's
   * {@code ObservationRegistry} and {@code MeterRegistry}.
   */
  public static Builder builder(Filesystem filesystem, ObservationRegistry observations) {
    return new Builder(filesystem, Objects.requireNonNull(observations, "observations"));
  }

  /**
   * Returns a builder that records timers and counters into {@code meters}, through an observation
   * registry of its own with a {@code DefaultMeterObservationHandler}.
   */
  public static Builder builder(Filesystem filesystem, MeterRegistry meters) {
    Objects.requireNonNull(meters, "meters");
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return new Builder(filesystem, observations).meterRegistry(meters);
  }

  // ---- existence ----

  @Override
  public boolean fileExists(String path) {
    return recorder.observe("file_exists", path, () -> delegate.fileExists(path));
  }

  @Override
  public boolean directoryExists(String path) {
    return recorder.observe("directory_exists", path, () -> delegate.directoryExists(path));
  }

  @Override
  public boolean exists(String path) {
    return recorder.observe("exists", path, () -> delegate.exists(path));
  }

  // ---- read ----

  @Override
  public byte[] read(String path) {
    byte[] data = recorder.observe("read", path, () -> delegate.read(path));
    recorder.bytesRead().add(data.length);
    return data;
  }

  @Override
  public InputStream readStream(String path, @Nullable ByteRange range) {
    Flight flight = recorder.start("read_stream", path);
    InputStream in;
    try (Observation.Scope scope = flight.observation().openScope()) {
      in = delegate.readStream(path, range);
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      throw e;
    }
    return new ObservedInputStream(in, flight, recorder.bytesRead());
  }

  /**
   * Opens an observed stream as one transfer: {@code listener} hears everything the wrapped
   * filesystem reports, and the decorator counts the transfer's retries as well.
   */
  @Override
  public InputStream readStream(
      String path,
      @Nullable ByteRange range,
      @Nullable TransferListener listener,
      @Nullable CancellationToken cancellation) {
    Flight flight = recorder.start("read_stream", path);
    InputStream in;
    try (Observation.Scope scope = flight.observation().openScope()) {
      in = delegate.readStream(path, range, listening(listener, Operation.READ), cancellation);
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      throw e;
    }
    return new ObservedInputStream(in, flight, recorder.bytesRead());
  }

  // ---- write ----

  @Override
  public FileAttributes write(String path, byte[] data, WriteOptions options) {
    FileAttributes written =
        recorder.observe(
            "write", path, () -> delegate.write(path, data, listening(options, Operation.WRITE)));
    recorder.bytesWritten().add(data.length);
    return written;
  }

  @Override
  public FileAttributes write(String path, InputStream source, WriteOptions options) {
    Objects.requireNonNull(source, "source");
    CountingSource counting = new CountingSource(source);
    FileAttributes written =
        recorder.observe(
            "write",
            path,
            () -> delegate.write(path, counting, listening(options, Operation.WRITE)));
    recorder.bytesWritten().add(counting.consumed());
    return written;
  }

  @Override
  public FileAttributes write(String path, InputStream source, long length, WriteOptions options) {
    Objects.requireNonNull(source, "source");
    CountingSource counting = new CountingSource(source);
    FileAttributes written =
        recorder.observe(
            "write",
            path,
            () -> delegate.write(path, counting, length, listening(options, Operation.WRITE)));
    recorder.bytesWritten().add(counting.consumed());
    return written;
  }

  @Override
  public FileAttributes write(String path, Path source, WriteOptions options) {
    FileAttributes written =
        recorder.observe(
            "write", path, () -> delegate.write(path, source, listening(options, Operation.WRITE)));
    recorder.bytesWritten().add(written.size());
    return written;
  }

  /**
   * Opens an observed upload stream: one {@code write} observation from this call until the stream
   * is closed (success, and its bytes are counted), aborted or fails (error), or is dropped
   * ({@code abandoned}).
   */
  @Override
  public UploadStream openOutputStream(String path, WriteOptions options) {
    Flight flight = recorder.start("write", path);
    UploadStream out;
    try (Observation.Scope scope = flight.observation().openScope()) {
      out = delegate.openOutputStream(path, listening(options, Operation.WRITE));
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      throw e;
    }
    return new ObservedUploadStream(out, flight, recorder.bytesWritten());
  }

  /** {@code options} with a listener that counts retries of {@code operation}, the caller's composed in. */
  private WriteOptions listening(WriteOptions options, Operation operation) {
    if (options == null || !recorder.countsRetries()) {
      return options;
    }
    return options.toBuilder()
        .listener(RetryListener.around(options.listener(), recorder, operation))
        .build();
  }

  private @Nullable TransferListener listening(
      @Nullable TransferListener listener, Operation operation) {
    return recorder.countsRetries()
        ? RetryListener.around(listener, recorder, operation)
        : listener;
  }

  // ---- metadata ----

  @Override
  public FileAttributes stat(String path) {
    return recorder.observe("stat", path, () -> delegate.stat(path));
  }

  @Override
  public String mimeType(String path) {
    return recorder.observe("mime_type", path, () -> delegate.mimeType(path));
  }

  @Override
  public Visibility visibility(String path) {
    return recorder.observe("visibility", path, () -> delegate.visibility(path));
  }

  // ---- listing and directories ----

  @Override
  public DirectoryListing list(String path, boolean deep) {
    Flight flight = recorder.start("list", path);
    DirectoryListing listing;
    try (Observation.Scope scope = flight.observation().openScope()) {
      listing = delegate.list(path, deep);
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      throw e;
    }
    return ObservedEntries.wrap(listing, flight);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    recorder.run("create_directory", path, () -> delegate.createDirectory(path, visibility));
  }

  @Override
  public void deleteDirectory(String path) {
    recorder.run("delete_directory", path, () -> delegate.deleteDirectory(path));
  }

  // ---- copy, move, delete, visibility ----

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return recorder.observe(
        "copy",
        source,
        () -> delegate.copy(source, destination, listening(options, Operation.COPY)));
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    return recorder.observe(
        "move",
        source,
        () -> delegate.move(source, destination, listening(options, Operation.MOVE)));
  }

  @Override
  public void delete(String path) {
    recorder.run("delete", path, () -> delegate.delete(path));
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    recorder.run("set_visibility", path, () -> delegate.setVisibility(path, visibility));
  }

  // ---- checksums and URLs ----

  @Override
  public Checksum checksum(String path) {
    return recorder.observe("checksum", path, () -> delegate.checksum(path));
  }

  @Override
  public Checksum checksum(String path, ChecksumAlgorithm algorithm) {
    return recorder.observe("checksum", path, () -> delegate.checksum(path, algorithm));
  }

  @Override
  public Checksum checksum(String path, String algorithm) {
    return recorder.observe("checksum", path, () -> delegate.checksum(path, algorithm));
  }

  @Override
  public URI publicUrl(String path) {
    return recorder.observe("public_url", path, () -> delegate.publicUrl(path));
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    return recorder.observe("temporary_url", path, () -> delegate.temporaryUrl(path, ttl));
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    return recorder.observe(
        "prepare_upload", path, () -> delegate.prepareUpload(path, ttl, constraints));
  }

  /** Returns an observed view of the wrapped filesystem's view, recording into the same meters. */
  @Override
  public Filesystem at(String directory) {
    return new ObservedFilesystem(delegate.at(directory), recorder);
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  /** Closes the wrapped filesystem. */
  @Override
  public void close() {
    delegate.close();
  }

  /** Returns the adapter and filesystem names; never a path or a credential. */
  @Override
  public String toString() {
    return "ObservedFilesystem[adapter="
        + recorder.adapter()
        + ", name="
        + recorder.filesystem()
        + "]";
  }

  /**
   * Counts one retry of {@code operation} caused by a failure of {@code kind}
   * ({@value ObservationNames#RETRIES}, tagged by operation and {@code error.kind}). Adapters retry
   * on their own; this is where a retry notification (a transfer listener) is fed in, so that
   * retries are counted in one place. Does nothing without a meter registry.
   */
  public void recordRetry(Operation operation, StorageException.Kind kind) {
    recorder.retried(
        Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(kind, "kind"));
  }

  /** Configures an {@link ObservedFilesystem}; every setting has a default. Not thread-safe. */
  public static final class Builder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Filesystem filesystem;
    private final ObservationRegistry observations;
    private @Nullable MeterRegistry meters;
    private String observationName = ObservationNames.OPERATION_OBSERVATION;
    private String adapter = "unknown";
    private String name = "default";
    private boolean pathsInTraces;

    private Builder(Filesystem filesystem, ObservationRegistry observations) {
      this.filesystem = Objects.requireNonNull(filesystem, "filesystem");
      this.observations = observations;
    }

    /**
     * Sets the value of the {@code adapter} key: the adapter's name, usually the scheme of the URI
     * the filesystem was opened with ({@code b2}, {@code s3}, {@code file}, {@code memory}).
     * Default {@code unknown}. Letters, digits, {@code . _ -}; at most 64 characters.
     */
    public Builder adapter(String adapterName) {
      this.adapter = checkedName("adapter", adapterName);
      return this;
    }

    /**
     * Sets the value of the {@code filesystem} key, telling several filesystems of one application
     * apart (a mount's name). Default {@code default}. Same characters as {@link #adapter}; never
     * a bucket name that should stay private.
     */
    public Builder name(String filesystemName) {
      this.name = checkedName("name", filesystemName);
      return this;
    }

    /** Sets the observation's (and so the timer's) name. Default {@value ObservationNames#OPERATION_OBSERVATION}. */
    public Builder observationName(String observationName) {
      this.observationName = checkedName("observationName", observationName);
      return this;
    }

    /** Sets the registry of the byte and retry counters; without one they are not recorded. */
    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meters = Objects.requireNonNull(meterRegistry, "meterRegistry");
      return this;
    }

    /**
     * Records each operation's path as the high-cardinality key {@value ObservationNames#PATH}
     * (seen by tracing handlers, never a metric tag). Default off: paths may be personal data.
     */
    public Builder pathsInTraces(boolean enabled) {
      this.pathsInTraces = enabled;
      return this;
    }

    /** Returns the observed filesystem; closing it closes the wrapped one. */
    public ObservedFilesystem build() {
      return new ObservedFilesystem(
          filesystem,
          new Recorder(observations, meters, observationName, adapter, name, pathsInTraces));
    }

    private static String checkedName(String what, String value) {
      Objects.requireNonNull(value, what);
      if (!NAME.matcher(value).matches()) {
        throw new IllegalArgumentException(
            what + " must be 1 to 64 letters, digits, '.', '_' or '-', got '" + value + "'");
      }
      return value;
    }
  }
}
