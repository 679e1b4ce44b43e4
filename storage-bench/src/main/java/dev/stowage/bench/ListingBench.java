package dev.stowage.bench;

import dev.stowage.DirectoryListing;
import dev.stowage.StorageAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The deep listing of a local tree of small files: our {@code list(path, deep)} against
 * {@code Files.walk} over the same directory. The tree is made once per bench run: directories
 * three levels deep, up to 100 one-byte files in each leaf.
 */
final class ListingBench {

  static final String CEILING = "Files.walk";
  private static final String TREE = "tree";
  private static final int PER_LEAF = 100;

  private final TargetSession session;
  private final int files;
  private final int runs;
  private final Consumer<String> progress;
  private final HeapGauge heap = new HeapGauge();

  ListingBench(TargetSession session, int files, int runs, Consumer<String> progress) {
    this.session = session;
    this.files = files;
    this.runs = runs;
    this.progress = progress;
  }

  List<BenchRow> run() {
    String target = session.target().name();
    String label = Scenario.LIST_DEEP.label(0, 0, files);
    Path tree =
        Objects.requireNonNull(session.localDirectory(), "the listing bench runs on local targets")
            .resolve(TREE);
    long entries;
    try {
      progress.accept(target + ": making a tree of " + files + " files");
      entries = make(tree);
    } catch (IOException e) {
      BenchRow failed =
          new BenchRow(
              target,
              Scenario.LIST_DEEP,
              label,
              StowageClient.NAME,
              BenchRow.Status.FAILED,
              null,
              null,
              null,
              -1,
              null,
              null,
              "could not make the tree: " + TransferBench.describe(e));
      return List.of(failed);
    }
    BenchRow walk =
        measure(
            target,
            label,
            CEILING,
            () -> {
              try (Stream<Path> s = Files.walk(tree)) {
                return s.count() - 1; // the tree's root is not an entry
              }
            },
            entries,
            entries);
    BenchRow ours =
        measure(
            target,
            label,
            StowageClient.NAME,
            () -> {
              long n = 0;
              try (DirectoryListing listing = session.filesystem().list(TREE, true)) {
                for (StorageAttributes a : listing) {
                  n += a == null ? 0 : 1;
                }
              }
              return n;
            },
            entries,
            files);
    return List.of(ours.comparedWith(walk), walk.comparedWith(walk));
  }

  private interface Count {
    long run() throws Exception;
  }

  /** {@code expected} or {@code filesOnly} entries are right: an adapter may leave directories out of deep listings. */
  private BenchRow measure(
      String target, String label, String client, Count count, long expected, long filesOnly) {
    double[] seconds = new double[runs];
    long peak = -1;
    try {
      for (int i = -1; i < runs; i++) { // run -1 is an untimed warm-up, as for transfers
        progress.accept(
            target
                + ": "
                + label
                + ": "
                + client
                + " "
                + (i < 0 ? "warm-up" : (i + 1) + "/" + runs));
        heap.reset();
        long start = System.nanoTime();
        long n = count.run();
        if (i >= 0) {
          seconds[i] = (System.nanoTime() - start) / 1e9;
          peak = Math.max(peak, heap.peak());
        }
        if (n != expected && n != filesOnly) {
          throw new IOException(client + " returned " + n + " entries, expected " + expected);
        }
      }
    } catch (Exception e) {
      return new BenchRow(
          target,
          Scenario.LIST_DEEP,
          label,
          client,
          BenchRow.Status.FAILED,
          null,
          null,
          null,
          -1,
          null,
          null,
          TransferBench.describe(e));
    }
    Samples s = new Samples(seconds, peak);
    return new BenchRow(
        target,
        Scenario.LIST_DEEP,
        label,
        client,
        BenchRow.Status.MEASURED,
        s.median(),
        s.min(),
        s.max(),
        peak,
        null,
        null,
        null);
  }

  /** Writes the tree and returns how many entries (files and directories) it holds below its root. */
  private long make(Path tree) throws IOException {
    int leaves = (files + PER_LEAF - 1) / PER_LEAF;
    byte[] one = {'x'};
    int written = 0;
    for (int leaf = 0; leaf < leaves; leaf++) {
      Path dir =
          tree.resolve("a" + leaf / 100).resolve("b" + leaf / 10 % 10).resolve("c" + leaf % 10);
      Files.createDirectories(dir);
      for (int i = 0; i < PER_LEAF && written < files; i++, written++) {
        Files.write(dir.resolve("f" + i + ".txt"), one);
      }
    }
    try (Stream<Path> all = Files.walk(tree)) {
      return all.count() - 1;
    }
  }
}
