package dev.stowage.tck.runner;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.tck.KitClock;
import dev.stowage.tck.StoredBytes;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A filesystem the kit runs against: a name for the report and a way to open the filesystem.
 * The kit opens it once per run, works in a random directory below its root, and closes it.
 *
 * @param name the column heading in reports, e.g. {@code "memory"} or {@code "b2"}
 * @param filesystem opens the filesystem under test
 * @param pendingUploads given the kit's root directory (relative to the filesystem's root),
 *     returns the multipart uploads or unfinished large files the backend still holds below it,
 *     asked through a second path (a raw client), not the filesystem under test; null when unknown.
 *     See {@link dev.stowage.tck.KitFixture#pendingUploads()}.
 * @param storedBytes given the kit's root directory, returns a second path to the stored bytes
 *     below it that bypasses the filesystem under test; null when there is none. See
 *     {@link dev.stowage.tck.KitFixture#storedBytes()}.
 * @param clockControl a clock the backend reads and the kit may set back, so that URL and
 *     upload-ticket expiry are checked without waiting; null when there is none. See
 *     {@link dev.stowage.tck.KitFixture#clockControl()}.
 */
public record KitTarget(
    String name,
    Supplier<Filesystem> filesystem,
    @Nullable Function<String, List<String>> pendingUploads,
    @Nullable Function<String, StoredBytes> storedBytes,
    @Nullable KitClock clockControl) {

  public KitTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(filesystem, "filesystem");
    if (name.isBlank()) {
      throw new IllegalArgumentException("target name must not be blank");
    }
  }

  /** Returns a target without a clock the kit controls. */
  public KitTarget(
      String name,
      Supplier<Filesystem> filesystem,
      @Nullable Function<String, List<String>> pendingUploads,
      @Nullable Function<String, StoredBytes> storedBytes) {
    this(name, filesystem, pendingUploads, storedBytes, null);
  }

  /** Returns a target without a second path to the stored bytes. */
  public KitTarget(
      String name, Supplier<Filesystem> filesystem, Function<String, List<String>> pendingUploads) {
    this(name, filesystem, pendingUploads, null);
  }

  /** Returns a target without a pending-uploads probe. */
  public KitTarget(String name, Supplier<Filesystem> filesystem) {
    this(name, filesystem, null, null);
  }

  /** Returns a target that opens filesystems with {@code filesystem}. */
  public static KitTarget of(String name, Supplier<Filesystem> filesystem) {
    return new KitTarget(name, filesystem);
  }

  /** Returns a target that opens {@code uri} with {@link Filesystems#open(String)}. */
  public static KitTarget of(String name, URI uri) {
    Objects.requireNonNull(uri, "uri");
    return new KitTarget(name, () -> Filesystems.open(uri.toString()));
  }

  /**
   * Returns a target that opens {@code uri} with {@link Filesystems#open(String)}; unlike
   * {@link URI}, this accepts {@code "memory:"}.
   */
  public static KitTarget of(String name, String uri) {
    Objects.requireNonNull(uri, "uri");
    return new KitTarget(name, () -> Filesystems.open(uri));
  }

  /**
   * Returns this target with a probe that lists the backend's pending multipart uploads below a
   * directory, so that the kit checks interrupted writes and its final cleanup leave none.
   */
  public KitTarget withPendingUploads(Function<String, List<String>> probe) {
    return new KitTarget(
        name, filesystem, Objects.requireNonNull(probe, "probe"), storedBytes, clockControl);
  }

  /**
   * Returns this target with a second path to the stored bytes (a raw client, the disk), so that
   * the kit checks writes, copies, moves and deletes without trusting the filesystem under test.
   */
  public KitTarget withStoredBytes(Function<String, StoredBytes> view) {
    return new KitTarget(
        name, filesystem, pendingUploads, Objects.requireNonNull(view, "view"), clockControl);
  }

  /**
   * Returns this target with a clock its backend reads (an emulator's), so that the kit checks
   * URL and upload-ticket expiry by issuing them in the past instead of skipping those cases.
   */
  public KitTarget withClockControl(KitClock clock) {
    return new KitTarget(
        name, filesystem, pendingUploads, storedBytes, Objects.requireNonNull(clock, "clock"));
  }
}
