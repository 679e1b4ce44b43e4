package dev.stowage.bench;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.WriteOptions;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.spi.WriteSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of small operations on the memory adapter, each twice: through the
 * {@link Filesystem} facade ({@code facade*}) and on the adapter called directly
 * ({@code adapter*}), so that their ratio is the facade's overhead. Run by
 * {@link BenchRunner}; public only because JMH needs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FacadeBenchmark {

  private static final String FILE = "small/file.bin";
  private static final String TARGET = "small/written.bin";
  private static final String DIRECTORY = "listed";

  private final byte[] data = new byte[1024];

  // Set by JMH's @Setup before any benchmark method runs.
  @SuppressWarnings("NullAway.Init")
  private MemoryAdapter adapter;

  @SuppressWarnings("NullAway.Init")
  private Filesystem fs;

  /** Creates the adapter, the facade over it, one 1 KiB file and a directory of ten files. */
  @Setup(Level.Trial)
  public void setUp() {
    new java.util.Random(11).nextBytes(data);
    adapter = MemoryAdapter.create();
    fs = Filesystem.of(adapter);
    adapter.write(FILE, WriteSource.of(data), WriteOptions.DEFAULT);
    for (int i = 0; i < 10; i++) {
      adapter.write(DIRECTORY + "/f" + i, WriteSource.of(data), WriteOptions.DEFAULT);
    }
  }

  /** Writes 1 KiB through the facade. */
  @Benchmark
  public FileAttributes facadeWrite() {
    return fs.write(TARGET, data);
  }

  /** Writes 1 KiB on the adapter. */
  @Benchmark
  public FileAttributes adapterWrite() {
    return adapter.write(TARGET, WriteSource.of(data), WriteOptions.DEFAULT);
  }

  /** Reads 1 KiB through the facade. */
  @Benchmark
  public byte[] facadeRead() {
    return fs.read(FILE);
  }

  /** Reads 1 KiB from the adapter. */
  @Benchmark
  public byte[] adapterRead() throws IOException {
    try (InputStream in = adapter.read(FILE, null)) {
      return in.readAllBytes();
    }
  }

  /** Stats a file through the facade. */
  @Benchmark
  public FileAttributes facadeStat() {
    return fs.stat(FILE);
  }

  /** Stats a file on the adapter. */
  @Benchmark
  public FileAttributes adapterStat() {
    return adapter.stat(FILE);
  }

  /** Lists a ten-file directory through the facade. */
  @Benchmark
  public void facadeList(Blackhole bh) {
    try (var listing = fs.list(DIRECTORY)) {
      for (StorageAttributes a : listing) {
        bh.consume(a);
      }
    }
  }

  /** Lists a ten-file directory on the adapter. */
  @Benchmark
  public void adapterList(Blackhole bh) {
    for (Iterator<StorageAttributes> it = adapter.list(DIRECTORY, false); it.hasNext(); ) {
      bh.consume(it.next());
    }
  }
}
