package dev.stowage.tck;

import dev.stowage.Capability;
import dev.stowage.Filesystem;
import dev.stowage.spi.FilesystemAdapter;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * The whole compatibility kit: every contract, run against the filesystem a subclass supplies.
 *
 * <pre>{@code
 * class MyAdapterContractTest extends FilesystemContract {
 *   @Override
 *   protected Filesystem createFilesystem() {
 *     return Filesystem.of(new MyAdapter(config));
 *   }
 * }
 * }</pre>
 *
 * <p>One instance serves every case of the class ({@code PER_CLASS}). Before the first case the kit
 * opens the filesystem and works only inside {@code tck-<random>}, a directory below its root;
 * after the last case it deletes that directory, checks that nothing is left, calls
 * {@link #afterAll()} and closes the filesystem. Each case uses its own sub-directory
 * ({@link #newDirectory}), so cases are independent and may run in any order.
 *
 * <p>Cases that need a capability the filesystem does not declare are skipped with the reason
 * {@code "requires <CAPABILITY> (not declared by this adapter)"}; behaviour that differs between
 * backends is decided only by declared {@link Capability capabilities}, never by adapter names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
public abstract class FilesystemContract
    implements PathContract,
        HostileInputContract,
        WriteContract,
        ReadContract,
        MetadataContract,
        ListContract,
        DirectoryContract,
        CopyContract,
        MoveContract,
        DeleteContract,
        VisibilityContract,
        UrlContract,
        ChecksumContract,
        MimeContract,
        LargeObjectContract,
        ConcurrencyContract,
        ErrorContract,
        DecoratorContract {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicInteger counter = new AtomicInteger();

  /** The open filesystem, or null before the first case and after the kit closed it. */
  private @Nullable Opened opened;

  private volatile @Nullable CountingAdapter callCounter;

  /** What {@link #fs()} opens: the filesystem, the run's random root and a view at that root. */
  private record Opened(Filesystem base, String rootName, Filesystem root) {}

  /** Creates a new contract run; the filesystem is opened lazily, before the first case. */
  protected FilesystemContract() {}

  /**
   * Returns the filesystem under test. Called once per class, before the first case; the kit closes
   * it after the last one.
   */
  protected abstract Filesystem createFilesystem();

  /** Runs after the kit has cleaned up and before it closes the filesystem; does nothing by default. */
  protected void afterAll() {}

  @Override
  public final synchronized Filesystem fs() {
    return open().root();
  }

  private synchronized Opened open() {
    Opened current = opened;
    if (current == null) {
      Filesystem base = createFilesystem();
      String rootName = "tck-" + randomName();
      try {
        // The kit's first call, before any capability is read: its random root must not exist
        // yet, and adapters that refine their capabilities on first use (a B2 adapter learns
        // whether its bucket is public) have settled them by the time a case is selected.
        if (base.directoryExists(rootName)) {
          throw new IllegalStateException(
              "the kit's random root '" + rootName + "' already exists");
        }
        current = new Opened(base, rootName, base.at(rootName));
      } catch (RuntimeException | Error e) {
        try {
          base.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      opened = current;
    }
    return current;
  }

  @Override
  public final String newDirectory(String hint) {
    return hint.toLowerCase(Locale.ROOT) + "-" + counter.incrementAndGet();
  }

  /**
   * Wraps {@code adapter} so that the kit counts the calls reaching it ({@link #adapterCalls()}),
   * which lets the hostile-input cases prove that a refused call made no I/O. Call it from
   * {@link #createFilesystem()}: {@code return Filesystem.of(countingCalls(adapter));}. The wrapper
   * only counts and forwards.
   */
  protected final FilesystemAdapter countingCalls(FilesystemAdapter adapter) {
    CountingAdapter counting = new CountingAdapter(adapter);
    callCounter = counting;
    return counting;
  }

  @Override
  public OptionalLong adapterCalls() {
    fs();
    CountingAdapter c = callCounter;
    return c == null ? OptionalLong.empty() : OptionalLong.of(c.calls());
  }

  @Override
  public synchronized Optional<Filesystem> baseFilesystem() {
    return Optional.of(open().base());
  }

  /** Returns the name of this run's random root directory below the filesystem's root. */
  protected final synchronized String rootName() {
    return open().rootName();
  }

  @BeforeAll
  protected final void openKit(TestReporter reporter) {
    Opened open = open();
    Filesystem fs = open.root();
    reporter.publishEntry("tck.root", open.rootName());
    reporter.publishEntry("tck.capabilities", fs.capabilities().features().toString());
  }

  @AfterAll
  protected final synchronized void closeKit() {
    Opened open = opened;
    if (open == null) {
      return;
    }
    Filesystem base = open.base();
    String rootName = open.rootName();
    try {
      base.deleteDirectory(rootName);
      FilesystemAssert.assertThat(base).as("the kit root after cleanup").hasNoDirectory(rootName);
      WriteSupport.assertNoPendingUploads(this, "after the kit's cleanup");
      afterAll();
    } finally {
      try {
        base.close();
      } finally {
        opened = null;
      }
    }
  }

  private static String randomName() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      b.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
    }
    return b.toString();
  }
}
