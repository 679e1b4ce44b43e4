package dev.stowage.b2.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A Backblaze B2 native API server on loopback ({@code /b2api/v1} to {@code v4}, uploads, downloads), backed by
 * memory or by a data directory that survives a restart.
 *
 * <pre>{@code
 * try (B2Emulator b2 = B2Emulator.builder()
 *         .recommendedPartSize(10_000)
 *         .absoluteMinimumPartSize(5_000)
 *         .start()) {
 *     String realm = b2.url();          // e.g. http://127.0.0.1:41234
 *     String keyId = b2.keyId();        // master key id (= account id)
 *     String key = b2.applicationKey(); // master application key
 *     // point any B2 client at realm + /b2api/v2/b2_authorize_account
 * }
 * }</pre>
 *
 * <p>Thread-safe; one instance serves many concurrent clients from a bounded, elastic thread pool, and closes
 * connections that make no progress for {@link Builder#requestIdleTimeout} (30 s by default), so stalled clients
 * cannot starve the others. Time (upload
 * timestamps, token and key expiry, lifecycle rules) comes from the configured {@link Clock}. Lifecycle rules run
 * only when {@link #runLifecycle()} (or {@code POST /emulator/lifecycle}) is called.
 */
public final class B2Emulator implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final RequestWatchdog watchdog;
  private final Store store;
  private final Context ctx;
  private final FaultLayer faults;
  private final AdminHandlers admin;
  private final String url;
  private final boolean keyGenerated;
  private final @Nullable Path accountFile;
  private final AtomicReference<String> s3ApiUrl = new AtomicReference<>();
  private final EmulatorStore view;

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK and
    // every small answer waits about 40 ms. The property is read once, when the JDK server class
    // loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private B2Emulator(Builder b) throws IOException {
    this.store = b.dataDirectory == null ? new MemoryStore() : new DirectoryStore(b.dataDirectory);
    Catalog catalog = new Catalog(store, store.load());
    Store.Account account = catalog.accountOrNull();
    this.keyGenerated = b.applicationKey == null && account == null;
    this.accountFile =
        b.dataDirectory == null ? null : b.dataDirectory.resolve("account.json").toAbsolutePath();
    if (account == null || b.keyId != null || b.applicationKey != null) {
      String keyId =
          b.keyId != null ? b.keyId : account != null ? account.masterKeyId() : randomHex(6);
      String key =
          b.applicationKey != null
              ? b.applicationKey
              : account != null ? account.masterKey() : "K" + randomHex(15);
      catalog.setAccount(new Store.Account(keyId, keyId, key));
    }
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 128);
    this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    Limits limits =
        new Limits(
            b.recommendedPartSize,
            b.absoluteMinimumPartSize,
            b.tokenLifetime,
            b.maxBuckets,
            Limits.MAX_SMALL_FILE,
            b.testModeFailureRate);
    this.ctx = new Context(catalog, new Tokens(b.clock, b.tokenLifetime), limits, b.clock, url);
    this.faults = new FaultLayer(ctx, b.faultPlan());
    this.admin = new AdminHandlers(ctx);
    this.view = new EmulatorStore(ctx);
    Map<String, Route> routes = new HashMap<>();
    routes.putAll(
        new AuthHandlers(
                ctx,
                () -> {
                  String s3 = s3ApiUrl.get();
                  return s3 == null ? url : s3;
                })
            .routes());
    routes.putAll(new BucketHandlers(ctx).routes());
    routes.putAll(new UploadHandlers(ctx).routes());
    routes.putAll(new LargeFileHandlers(ctx).routes());
    routes.putAll(new Listing(ctx).routes());
    routes.putAll(new FileHandlers(ctx).routes());
    routes.putAll(new LockHandlers(ctx).routes());
    routes.putAll(new CopyHandlers(ctx).routes());
    routes.putAll(new DownloadHandlers(ctx).routes());
    routes.putAll(new KeyHandlers(ctx).routes());
    routes.putAll(admin.routes());
    server.createContext(
        "/", new Dispatcher(routes, new Authenticator(ctx), faults, new Cors(catalog)));
    AtomicInteger n = new AtomicInteger();
    // Elastic: threads start on demand up to the limit and stop when idle; beyond the limit
    // requests queue.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            b.threads,
            b.threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "b2-emulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
    this.watchdog = new RequestWatchdog(b.requestIdleTimeout);
    server.setExecutor(watchdog.guarding(executor));
    server.start();
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    new java.security.SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Returns a builder with production-like defaults on a free port, in memory. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the base URL, e.g. {@code http://127.0.0.1:41234}: the realm for authorize, also the API and download URL. */
  public String url() {
    return url;
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the master application key id, which is also the account id. */
  public String keyId() {
    return ctx.catalog().account().masterKeyId();
  }

  /** Returns the master application key. */
  public String applicationKey() {
    return ctx.catalog().account().masterKey();
  }

  /**
   * Returns whether this start generated the master application key: true only when no key was configured and
   * none was stored in the data directory. A generated key is new and may be shown once; a stored one must not
   * be shown again (point at {@link #accountFile()} instead).
   */
  public boolean applicationKeyGenerated() {
    return keyGenerated;
  }

  /**
   * Returns the file in the data directory that holds the master key (owner-only, mode 0600), or null when the
   * emulator keeps everything in memory.
   */
  public @Nullable Path accountFile() {
    return accountFile;
  }

  /**
   * Returns the public view of this emulator's buckets, files, versions and keys, for another face (such as the
   * S3 face) that serves the same data as the native API.
   */
  public EmulatorStore store() {
    return view;
  }

  /**
   * Sets the URL that {@code b2_authorize_account} answers as {@code s3ApiUrl} from now on (an S3 face calls
   * this when it starts); null restores the default, the emulator's own URL.
   */
  public void s3ApiUrl(@Nullable String url) {
    s3ApiUrl.set(url);
  }

  /** Returns the URL that {@code b2_authorize_account} answers as {@code s3ApiUrl}. */
  public String s3ApiUrl() {
    String s3 = s3ApiUrl.get();
    return s3 == null ? url : s3;
  }

  /** Returns the clock the emulator reads time from. */
  public Clock clock() {
    return ctx.clock();
  }

  /**
   * Runs every bucket's lifecycle rules as of the clock's current time: hides current versions, deletes hidden
   * versions and cancels unfinished large files whose days have passed. Nothing runs on a timer; tests move
   * the clock and call this.
   */
  public LifecycleRun runLifecycle() {
    return admin.runLifecycle();
  }

  /** Replaces the fault plan from now on; the random draws restart from the plan's seed. */
  public void useFaults(FaultPlan plan) {
    faults.use(Objects.requireNonNull(plan, "plan"));
  }

  /** Stops the server at once and releases the store; a data directory keeps everything for the next start. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    watchdog.close();
    try {
      store.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "B2Emulator[" + url + "]";
  }

  /** Configures and starts a {@link B2Emulator}. Setters validate at once. */
  public static final class Builder {
    private int port;
    private @Nullable String keyId;
    private @Nullable String applicationKey;
    private @Nullable Path dataDirectory;
    private Clock clock = Clock.systemUTC();
    private long recommendedPartSize = 100_000_000L;
    private long absoluteMinimumPartSize = 5_000_000L;
    private Duration tokenLifetime = Duration.ofHours(24);
    private int maxBuckets = 100;
    private int threads = 256;
    private Duration requestIdleTimeout = Duration.ofSeconds(30);
    private double testModeFailureRate = 0.2;
    private long faultSeed;
    private FaultPlan.Builder faultRules = FaultPlan.builder();
    private @Nullable FaultPlan plan;

    private Builder() {}

    /** Sets the port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the master key id (also the account id); default: stored in the data directory, else random. */
    public Builder keyId(String keyId) {
      if (keyId == null || !keyId.matches("[A-Za-z0-9]{1,64}")) {
        throw new IllegalArgumentException("keyId must be 1..64 letters or digits");
      }
      this.keyId = keyId;
      return this;
    }

    /** Sets the master application key; default: stored in the data directory, else random. */
    public Builder applicationKey(String applicationKey) {
      if (applicationKey == null || applicationKey.isEmpty() || applicationKey.contains(":")) {
        throw new IllegalArgumentException("applicationKey must be non-empty and contain no ':'");
      }
      this.applicationKey = applicationKey;
      return this;
    }

    /** Keeps everything in this directory (created if needed) so that it survives a restart. */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    /** Sets the clock for timestamps, expiry and lifecycle rules; default: the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets {@code recommendedPartSize} from authorize; default 100,000,000. */
    public Builder recommendedPartSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("recommendedPartSize must be positive but was " + bytes);
      }
      this.recommendedPartSize = bytes;
      return this;
    }

    /** Sets {@code absoluteMinimumPartSize}, enforced at finish; default 5,000,000. */
    public Builder absoluteMinimumPartSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException(
            "absoluteMinimumPartSize must be positive but was " + bytes);
      }
      this.absoluteMinimumPartSize = bytes;
      return this;
    }

    /** Sets how long account and upload tokens live; default 24 hours. */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive but was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /** Sets the bucket limit of the account; default 100. */
    public Builder maxBuckets(int maxBuckets) {
      if (maxBuckets < 1) {
        throw new IllegalArgumentException("maxBuckets must be positive but was " + maxBuckets);
      }
      this.maxBuckets = maxBuckets;
      return this;
    }

    /**
     * Sets the most request threads; they start on demand and stop after 30 s idle, and requests beyond the
     * limit wait in a queue. Default 256, so that a few dozen stalled clients cannot starve the others.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive but was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how long a connection may make no progress while the emulator waits for it (request headers, each
     * read of a request body, sending an answer) before it is closed; default 30 seconds. Injected
     * {@link Fault.Delay} and {@link Fault.Stall} faults do not count.
     */
    public Builder requestIdleTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(
            "requestIdleTimeout must be positive but was " + timeout);
      }
      this.requestIdleTimeout = timeout;
      return this;
    }

    /** Sets the share of calls that {@code X-Bz-Test-Mode} fails (seeded by the fault seed); default 0.2. */
    public Builder testModeFailureRate(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(
            "testModeFailureRate must be within 0..1 but was " + rate);
      }
      this.testModeFailureRate = rate;
      return this;
    }

    /** Adds a fault rule: inject {@code fault} on {@code operation} ({@code b2_*} or "*") with probability {@code rate}. */
    public Builder fault(String operation, double rate, Fault fault) {
      if (plan != null) {
        throw new IllegalStateException(
            "faults(FaultPlan) was already set; add rules to that plan instead");
      }
      faultRules.add(operation, rate, fault);
      return this;
    }

    /** Sets the seed of fault and test-mode draws; default 0. */
    public Builder faultSeed(long seed) {
      if (plan != null) {
        throw new IllegalStateException("faults(FaultPlan) was already set; its seed applies");
      }
      this.faultSeed = seed;
      return this;
    }

    /** Sets the whole fault plan (rules and seed); cannot be combined with {@link #fault}. */
    public Builder faults(FaultPlan plan) {
      if (!faultRules.build().rules().isEmpty()) {
        throw new IllegalStateException("fault(...) rules were already added");
      }
      this.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }

    FaultPlan faultPlan() {
      if (plan != null) {
        return plan;
      }
      FaultPlan rules = faultRules.build();
      return new FaultPlan(faultSeed, rules.rules());
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @throws IllegalArgumentException if absoluteMinimumPartSize exceeds recommendedPartSize
     * @throws UncheckedIOException     if the port cannot be bound or the data directory cannot be read
     */
    public B2Emulator start() {
      if (absoluteMinimumPartSize > recommendedPartSize) {
        throw new IllegalArgumentException(
            "absoluteMinimumPartSize ("
                + absoluteMinimumPartSize
                + ") exceeds recommendedPartSize ("
                + recommendedPartSize
                + ")");
      }
      try {
        return new B2Emulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
