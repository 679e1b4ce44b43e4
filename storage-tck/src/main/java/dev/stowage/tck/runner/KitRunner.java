package dev.stowage.tck.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the compatibility kit against targets and reports a matrix, from code or the CLI.
 *
 * <pre>{@code
 * KitReport report = KitRunner.run(List.of(
 *     KitTarget.of("memory", URI.create("memory:")),
 *     KitTarget.of("local", () -> Filesystems.open(scratchDir.toUri().toString()))));
 * System.out.print(report.toText());
 * System.out.print(report.capabilityTable());
 * }</pre>
 *
 * <p>Targets run one after another, each through the JUnit Platform with every contract of
 * {@link dev.stowage.tck.FilesystemContract}. A runner is immutable and may be reused.
 */
public final class KitRunner {

  private final KitListener listener;
  private final boolean includeSlow;
  private final boolean failFast;
  private final List<String> runFirst;

  private KitRunner(Builder b) {
    this.listener = b.listener;
    this.includeSlow = b.includeSlow;
    this.failFast = b.failFast;
    this.runFirst = List.copyOf(b.runFirst);
  }

  /** Runs every contract against {@code targets} with default settings and returns the report. */
  public static KitReport run(List<KitTarget> targets) {
    return builder().build().runAll(targets);
  }

  /** Returns a builder: no listener, slow cases included. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs every contract against {@code targets}, one after another, and returns the report. */
  public KitReport runAll(List<KitTarget> targets) {
    long start = System.nanoTime();
    List<TargetReport> reports = new ArrayList<>();
    for (KitTarget target : List.copyOf(targets)) {
      reports.add(runOne(target));
    }
    return new KitReport(reports, (System.nanoTime() - start) / 1_000_000);
  }

  private TargetReport runOne(KitTarget target) {
    listener.targetStarted(target);
    long start = System.nanoTime();
    RunnerRegistry.Session session = new RunnerRegistry.Session(target, failFast, runFirst);
    String key = RunnerRegistry.register(session);
    CollectingListener collector = new CollectingListener(target, listener, session);
    try {
      LauncherDiscoveryRequestBuilder request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(RunnerContract.class))
              .configurationParameter(RunnerRegistry.KEY_PARAMETER, key);
      if (!includeSlow) {
        request.filters(TagFilter.excludeTags("slow"));
      }
      LauncherDiscoveryRequest discovery = request.build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(discovery, collector);
    } finally {
      RunnerRegistry.remove(key);
    }
    TargetReport report =
        new TargetReport(
            target.name(),
            capabilityNames(session.capabilities),
            limits(session.capabilities),
            Groups.summarise(collector.results()),
            (System.nanoTime() - start) / 1_000_000);
    listener.targetFinished(report);
    return report;
  }

  private static List<String> capabilityNames(@Nullable Capabilities capabilities) {
    List<String> names = new ArrayList<>();
    if (capabilities != null) {
      for (Capability c : Capability.values()) {
        if (capabilities.has(c)) {
          names.add(c.name());
        }
      }
    }
    return names;
  }

  private static Map<String, String> limits(@Nullable Capabilities c) {
    Map<String, String> limits = new LinkedHashMap<>();
    if (c == null) {
      return limits;
    }
    limits.put("visibility mode", c.visibilityMode().name());
    limits.put(
        "native checksums", c.nativeChecksums().isEmpty() ? "-" : c.nativeChecksums().toString());
    limits.put("max path bytes", Integer.toString(c.maxPathBytes()));
    limits.put("max segment bytes", Integer.toString(c.maxSegmentBytes()));
    limits.put("max temporary URL TTL", c.maxTemporaryUrlTtl().toString());
    limits.put(
        "multipart threshold",
        c.multipartThreshold() == Long.MAX_VALUE ? "-" : Long.toString(c.multipartThreshold()));
    limits.put("part size", c.partSize() == 0 ? "-" : Long.toString(c.partSize()));
    return limits;
  }

  /** Builds a {@link KitRunner}. */
  public static final class Builder {
    private KitListener listener = KitListener.NONE;
    private boolean includeSlow = true;
    private boolean failFast;
    private final List<String> runFirst = new ArrayList<>();

    private Builder() {}

    /** Sets the listener that hears progress. Default: none. */
    public Builder listener(KitListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /** Sets whether cases tagged {@code slow} (thousands of objects) run. Default: true. */
    public Builder includeSlow(boolean value) {
      this.includeSlow = value;
      return this;
    }

    /**
     * Sets whether a target's run stops at its first failing case. The cases after it are reported
     * as skipped, with the reason {@code "not run: fail-fast after <case>"}; the kit still cleans up
     * its root. Default: false (every case runs).
     */
    public Builder failFast(boolean value) {
      this.failFast = value;
      return this;
    }

    /**
     * Runs the cases of {@code groups} (names as in the report, e.g. {@code "read"},
     * {@code "large objects"}) before all others, in the order given; the other cases keep their
     * usual order. With {@link #failFast(boolean)} this finds out quickly whether those groups
     * catch a problem. Default: the usual order.
     *
     * @throws IllegalArgumentException if a name is not one of the kit's groups
     */
    public Builder runFirst(String... groups) {
      for (String group : groups) {
        Objects.requireNonNull(group, "group");
        if (!GroupOrder.GROUPS.contains(group)) {
          throw new IllegalArgumentException(
              "unknown kit group '" + group + "'; the groups are " + GroupOrder.GROUPS);
        }
        if (!runFirst.contains(group)) {
          runFirst.add(group);
        }
      }
      return this;
    }

    /** Returns the runner. */
    public KitRunner build() {
      return new KitRunner(this);
    }
  }
}
