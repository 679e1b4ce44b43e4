package dev.stowage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Measures the upload and download scenarios of one target with every client, {@code runs} times each. */
final class TransferBench {

  private static final List<Scenario> ORDER =
      List.of(
          Scenario.UPLOAD_SMALL,
          Scenario.UPLOAD_LARGE,
          Scenario.UPLOAD_STREAM,
          Scenario.DOWNLOAD_SMALL,
          Scenario.DOWNLOAD_LARGE,
          Scenario.DOWNLOAD_LARGE_TO_FILE);

  private final TargetSession session;
  private final Payloads payloads;
  private final Path scratch;
  private final long small;
  private final long size;
  private final int runs;
  private final Consumer<String> progress;
  private final HeapGauge heap = new HeapGauge();

  TransferBench(
      TargetSession session,
      Payloads payloads,
      Path scratch,
      long small,
      long size,
      int runs,
      Consumer<String> progress) {
    this.small = small;
    this.session = session;
    this.payloads = payloads;
    this.scratch = scratch;
    this.size = size;
    this.runs = runs;
    this.progress = progress;
  }

  List<BenchRow> run() throws Exception {
    List<BenchRow> rows = new ArrayList<>();
    Map<Scenario, BenchRow> ceilings = new HashMap<>();
    boolean sourcesReady = false;
    for (Scenario s : ORDER) {
      if (s.isDownload() && !sourcesReady) {
        placeSources();
        sourcesReady = true;
      }
      List<BenchRow> group = new ArrayList<>();
      for (Client c : session.clients()) {
        if (c.supports(s)) {
          BenchRow r = measure(s, c);
          group.add(r);
          if (c.name().equals(session.ceiling())) {
            ceilings.put(s, r);
          }
        }
      }
      // The unknown-length upload moves the same bytes as the known-length one; its ceiling is that
      // wire row.
      BenchRow ceiling = ceilings.get(s == Scenario.UPLOAD_STREAM ? Scenario.UPLOAD_LARGE : s);
      group.forEach(r -> rows.add(r.comparedWith(ceiling)));
    }
    return rows;
  }

  /** Puts the objects the downloads read, with our library, outside any timing. */
  private void placeSources() throws Exception {
    progress.accept(session.target().name() + ": placing the download sources");
    session
        .filesystem()
        .write(
            source(Scenario.DOWNLOAD_SMALL), payloads.of(small), dev.stowage.WriteOptions.DEFAULT);
    session
        .filesystem()
        .write(
            source(Scenario.DOWNLOAD_LARGE), payloads.of(size), dev.stowage.WriteOptions.DEFAULT);
  }

  private static String source(Scenario s) {
    return s == Scenario.DOWNLOAD_SMALL ? "source-small.bin" : "source-large.bin";
  }

  private BenchRow measure(Scenario s, Client c) {
    String target = session.target().name();
    String label = s.label(small, size, 0);
    if (c.absentReason() != null) {
      return new BenchRow(
          target,
          s,
          label,
          c.name(),
          BenchRow.Status.ABSENT,
          null,
          null,
          null,
          -1,
          null,
          null,
          c.absentReason());
    }
    long bytes = s.bytes(small, size);
    double[] figures = new double[runs];
    long peak = -1;
    try {
      Path payload = s.isUpload() ? payloads.of(bytes) : null;
      Path output = scratch.resolve("download.bin");
      // An in-process client first runs once untimed, so that no row times the JIT compiling
      // its code: peers are fresh processes every time and get no such run.
      for (int i = c.inProcess() ? -1 : 0; i < runs; i++) {
        progress.accept(
            target
                + ": "
                + label
                + ": "
                + c.name()
                + " "
                + (i < 0 ? "warm-up" : (i + 1) + "/" + runs));
        String key =
            s.isUpload() ? "upload-" + c.name().replaceAll("[^A-Za-z0-9]", "") + ".bin" : source(s);
        Job job = new Job(key, payload, bytes, output);
        Files.deleteIfExists(output);
        c.prepare(s, job);
        if (c.inProcess()) {
          heap.reset(); // a full collection: only worth it when the heap gauge means something
        }
        long start = System.nanoTime();
        c.run(s, job);
        long nanos = System.nanoTime() - start;
        if (c.inProcess() && i >= 0) {
          peak = Math.max(peak, heap.peak());
        }
        if (i >= 0) {
          figures[i] = bytes / 1048576.0 / (Math.max(nanos, 1) / 1e9);
        }
        if (s.isUpload()) {
          deleteQuietly(key);
        }
      }
      Files.deleteIfExists(output);
    } catch (Exception e) {
      return new BenchRow(
          target,
          s,
          label,
          c.name(),
          BenchRow.Status.FAILED,
          null,
          null,
          null,
          -1,
          null,
          null,
          describe(e));
    }
    Samples samples = new Samples(figures, peak);
    return new BenchRow(
        target,
        s,
        label,
        c.name(),
        BenchRow.Status.MEASURED,
        samples.median(),
        samples.min(),
        samples.max(),
        samples.heapPeakBytes(),
        null,
        null,
        c.inProcess() ? null : "whole command, process start included");
  }

  private void deleteQuietly(String key) {
    try {
      session.filesystem().delete(key);
    } catch (RuntimeException e) {
      // The bench directory is removed at the end anyway.
    }
  }

  /** Returns the failure's class and message (never a key: the clients put none in their messages). */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : ": " + t.getMessage().replaceAll("\\s+", " ");
    String text = t.getClass().getSimpleName() + message;
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
