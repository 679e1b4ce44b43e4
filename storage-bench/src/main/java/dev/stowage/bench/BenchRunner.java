package dev.stowage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the bench: for each target, uploads and downloads of 16 MiB and of the large size (known
 * and unknown length; downloads to a discarding sink and to a file) by our library, the target's
 * ceiling, the raw SDK and the installed peers, all on the same server with the same bytes; the
 * deep listing on local targets; the facade overhead (JMH) on memory targets.
 *
 * <p>Failures of one client become {@link BenchRow.Status#FAILED} rows; a missing peer becomes an
 * {@link BenchRow.Status#ABSENT} row. Nothing asserts a timing. Example:
 *
 * <pre>{@code
 * try (EmbeddedTargets servers = EmbeddedTargets.start()) {
 *   BenchReport report = BenchRunner.builder().size(64 << 20).runs(3).build().run(servers.targets());
 *   System.out.print(report.toText());
 * }
 * }</pre>
 */
public final class BenchRunner {

  /** The small transfer size, 16 MiB. */
  public static final long SIXTEEN_MIB = 16L << 20;

  private final long small;
  private final long size;
  private final int runs;
  private final int listingFiles;
  private final FacadeOptions facade;
  private final boolean peers;
  private final Consumer<String> progress;

  private BenchRunner(Builder b) {
    this.small = b.small;
    this.size = b.size;
    this.runs = b.runs;
    this.listingFiles = b.listingFiles;
    this.facade = b.facade;
    this.peers = b.peers;
    this.progress = b.progress;
  }

  /** Returns a builder with the defaults: 512 MiB, 3 runs, 100,000 files, short JMH, peers on. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Measures every target in turn and returns the report. Scratch files (payloads, downloads) go
   * to a temporary directory that is deleted after; each target's bench directory is removed.
   *
   * @throws IOException when the scratch directory cannot be made
   */
  public BenchReport run(List<BenchTarget> targets) throws IOException {
    Objects.requireNonNull(targets, "targets");
    String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<BenchRow> rows = new ArrayList<>();
    Path scratch = Files.createTempDirectory("stowage-bench-");
    try {
      Payloads payloads = new Payloads(scratch);
      boolean facadeDone = false;
      for (BenchTarget t : targets) {
        progress.accept(t.name() + ": starting");
        try (TargetSession session = TargetSession.open(t, peers, scratch)) {
          rows.addAll(
              new TransferBench(session, payloads, scratch, small, size, runs, progress).run());
          if (t.kind() == BenchTarget.Kind.LOCAL) {
            rows.addAll(new ListingBench(session, listingFiles, runs, progress).run());
          }
        } catch (Exception e) {
          rows.add(
              new BenchRow(
                  t.name(),
                  Scenario.UPLOAD_SMALL,
                  "open",
                  StowageClient.NAME,
                  BenchRow.Status.FAILED,
                  null,
                  null,
                  null,
                  -1,
                  null,
                  null,
                  TransferBench.describe(e)));
        }
        if (t.kind() == BenchTarget.Kind.MEMORY && facade.enabled() && !facadeDone) {
          facadeDone = true;
          progress.accept(t.name() + ": facade overhead (JMH)");
          try {
            rows.addAll(FacadeOverhead.run(t.name(), facade));
          } catch (Exception e) {
            rows.add(
                new BenchRow(
                    t.name(),
                    Scenario.SMALL_WRITE,
                    "facade overhead",
                    FacadeOverhead.FACADE,
                    BenchRow.Status.FAILED,
                    null,
                    null,
                    null,
                    -1,
                    null,
                    null,
                    TransferBench.describe(e)));
          }
        }
      }
    } finally {
      deleteTree(scratch);
    }
    String machine =
        "Java "
            + Runtime.version()
            + ", "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs";
    return new BenchReport(started, small, size, runs, listingFiles, machine, rows);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Configures a {@link BenchRunner}. */
  public static final class Builder {

    private long small = SIXTEEN_MIB;
    private long size = 512L << 20;
    private int runs = 3;
    private int listingFiles = 100_000;
    private FacadeOptions facade = FacadeOptions.DEFAULT;
    private boolean peers = true;
    private Consumer<String> progress = line -> {};

    private Builder() {}

    /** Sets the large transfer size in bytes (default 512 MiB); must be positive. */
    public Builder size(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("size: must be positive, got " + bytes);
      }
      this.size = bytes;
      return this;
    }

    /** Sets the small transfer size in bytes (default 16 MiB; the smoke test makes it tiny); must be positive. */
    public Builder smallSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("small size: must be positive, got " + bytes);
      }
      this.small = bytes;
      return this;
    }

    /** Sets how many times each row is measured (default 3); 1 to 1000. */
    public Builder runs(int count) {
      if (count < 1 || count > 1000) {
        throw new IllegalArgumentException("runs: must be 1 to 1000, got " + count);
      }
      this.runs = count;
      return this;
    }

    /** Sets how many files the local deep-listing tree holds (default 100,000); 1 to 10,000,000. */
    public Builder listingFiles(int count) {
      if (count < 1 || count > 10_000_000) {
        throw new IllegalArgumentException("listing files: must be 1 to 10000000, got " + count);
      }
      this.listingFiles = count;
      return this;
    }

    /** Sets how JMH measures the facade overhead, or {@link FacadeOptions#SKIP}. */
    public Builder facade(FacadeOptions options) {
      this.facade = Objects.requireNonNull(options, "facade");
      return this;
    }

    /** Turns the peer tools (rclone, awscli) on or off (default on). */
    public Builder peers(boolean enabled) {
      this.peers = enabled;
      return this;
    }

    /** Receives one line before each step, for a progress display; never a secret. */
    public Builder progress(Consumer<String> listener) {
      this.progress = Objects.requireNonNull(listener, "progress");
      return this;
    }

    /** Returns the runner. */
    public BenchRunner build() {
      return new BenchRunner(this);
    }
  }
}
