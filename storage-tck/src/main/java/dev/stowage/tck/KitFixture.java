package dev.stowage.tck;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.Filesystem;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What every contract case works with: the filesystem under test rooted at this run's random
 * directory, fresh directory names, and the run's settings. {@link FilesystemContract} implements
 * it; contract interfaces extend it so that their default methods can reach it.
 */
public interface KitFixture {

  /**
   * Returns the filesystem under test, rooted at a random directory that is deleted after the
   * run. Cases never touch anything outside it.
   */
  Filesystem fs();

  /**
   * Returns a directory path below {@link #fs()} that no other case uses and that does not exist
   * yet (it is not created). {@code hint} makes it readable in failures, e.g. {@code "w5"}.
   */
  String newDirectory(String hint);

  /** Returns the capabilities of the filesystem under test. */
  default Capabilities capabilities() {
    return fs().capabilities();
  }

  /** Returns whether the filesystem under test declares {@code capability}. */
  default boolean has(Capability capability) {
    return capabilities().has(capability);
  }

  /**
   * Returns how many entries the backend returns per listing page, or 0 when unknown. Paging
   * cases write a little more than one page (or 250 entries when unknown).
   */
  default int listingPageSize() {
    return 0;
  }

  /**
   * Returns whether slow cases (thousands of objects) run; on by default, off with the system
   * property {@code stowage.tck.slow=false}.
   */
  default boolean slowCasesEnabled() {
    return Boolean.parseBoolean(System.getProperty("stowage.tck.slow", "true"));
  }

  /**
   * Returns the largest object size, in bytes, that multipart cases may write (64 MiB unless the
   * system property {@code stowage.tck.maxLargeBytes} says otherwise). Larger boundary sizes are
   * skipped with a reason.
   */
  default long largeObjectLimit() {
    return Long.getLong("stowage.tck.maxLargeBytes", 64L << 20);
  }

  /**
   * Returns how long cases wait, polling, for an eventually consistent effect (a new object in a
   * listing, an expired URL) before they fail; 30 seconds by default.
   */
  default java.time.Duration consistencyBound() {
    return java.time.Duration.ofSeconds(30);
  }

  /**
   * Returns the filesystem the fixture opened, whose root holds the kit's random root directory,
   * so that cases can look for effects above the kit root; empty when the fixture cannot offer it.
   */
  default Optional<Filesystem> baseFilesystem() {
    return Optional.empty();
  }

  /**
   * Returns the local directory behind the root of {@link #baseFilesystem()} when there is one (a
   * local adapter's root), so that cases can look for escapes on the real disk above it; empty by
   * default.
   */
  default Optional<Path> baseDirectory() {
    return Optional.empty();
  }

  /**
   * Returns how many calls have reached the adapter under test so far, when the fixture counts
   * them (see {@link FilesystemContract#countingCalls}); empty otherwise, and then cases that
   * measure "refused before any I/O" check only the outcome.
   */
  default OptionalLong adapterCalls() {
    return OptionalLong.empty();
  }

  /**
   * Returns control over the backend's clock, when the fixture has it; expiry cases without it
   * are skipped with a reason (they never wait for time to pass).
   */
  default Optional<KitClock> clockControl() {
    return Optional.empty();
  }

  /**
   * Returns the multipart uploads (S3) or unfinished large files (B2) that the backend still
   * holds below this run's root directory, as keys or paths, or empty when this fixture cannot
   * see them (the default). Implement it with a second path to the backend (a raw client, an
   * emulator's view), not the filesystem under test: uploads that were never completed or aborted
   * are invisible to listings and cost storage. Where it is known, cases that interrupt large
   * writes and the kit's final cleanup require it to be empty.
   */
  default java.util.Optional<java.util.List<String>> pendingUploads() {
    return java.util.Optional.empty();
  }

  /**
   * Returns a second path to the stored bytes that bypasses the adapter under test (a raw
   * client, the disk), or empty (the default). Where it is given, the core write, copy, move and
   * delete cases also check the storage through it.
   */
  default Optional<StoredBytes> storedBytes() {
    return Optional.empty();
  }

  /**
   * Checks, through {@link #storedBytes()} when the fixture gives it, that {@code path} holds
   * exactly {@code expected}, or nothing when {@code expected} is null.
   */
  default void assertStored(String path, byte @Nullable [] expected) {
    Optional<StoredBytes> view = storedBytes();
    if (view.isEmpty()) {
      return;
    }
    Optional<byte[]> stored;
    try {
      stored = view.get().read(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the fixture's second path could not read " + path, e);
    }
    if (expected == null) {
      org.assertj.core.api.Assertions.assertThat(stored)
          .as("seen without the adapter, %s is gone", path)
          .isEmpty();
    } else {
      org.assertj.core.api.Assertions.assertThat(stored)
          .as("seen without the adapter, %s is stored", path)
          .isPresent();
      org.assertj.core.api.Assertions.assertThat(stored.get())
          .as("seen without the adapter, the bytes of %s", path)
          .isEqualTo(expected);
    }
  }
}
