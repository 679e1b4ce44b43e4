package dev.stowage.testing;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.EmulatorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link B2Emulator} for JUnit 5 tests, with the buckets and application keys the test
 * declares already created, so that a test needs no setup code to get a bucket.
 *
 * <pre>{@code
 * class UploadTest {
 *   @RegisterExtension
 *   static final B2EmulatorExtension B2 = B2EmulatorExtension.builder()
 *       .bucket("assets")
 *       .publicBucket("site")
 *       .key("app", k -> k.bucket("assets").prefix("uploads/"))
 *       .perClass();
 *
 *   @Test
 *   void upload_storesTheBytes() throws Exception {
 *     try (Filesystem fs = Filesystems.open(B2.uri("assets"), B2.settings("app"))) {
 *       fs.write("uploads/a.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>{@link Builder#perClass()}: register the extension on a static field; one emulator starts
 * before the first test and stops after the last, so state carries over between tests.
 * {@link Builder#perTest()}: every test gets a fresh emulator with only the declared buckets and
 * keys. (On an instance field, class callbacks never run, so each test gets its own emulator.)
 * Test methods and constructors may take a {@link B2Emulator} parameter. Filesystems opened with
 * {@link #filesystem} are closed when the emulator stops. Opening a filesystem needs the
 * storage-b2-native module on the test class path; junit-jupiter-api is an optional dependency of
 * this module, which every JUnit 5 test has anyway.
 */
public final class B2EmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Supplier<B2Emulator.Builder> config;
  private final Map<String, Boolean> buckets;
  private final Map<String, B2KeySpec> keys;
  private final boolean perTest;
  private final boolean onDisk;
  private final OpenedFilesystems opened = new OpenedFilesystems();
  private volatile @Nullable Running running;
  private @Nullable String owner;

  /** One started emulator with the keys created in it. */
  private record Running(
      B2Emulator emulator, Map<String, B2TestKey> keys, @Nullable Path dataDirectory) {}

  private B2EmulatorExtension(Builder b, boolean perTest) {
    this.config = b.config;
    this.buckets = Collections.unmodifiableMap(new LinkedHashMap<>(b.buckets));
    this.keys = new LinkedHashMap<>(b.keys);
    this.perTest = perTest;
    this.onDisk = b.onDisk;
  }

  /** Returns a builder: a default emulator with no buckets and no keys but the master key. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the running emulator.
   *
   * @throws IllegalStateException outside a test's lifetime
   */
  public B2Emulator emulator() {
    return running().emulator();
  }

  /**
   * Returns the directory the running emulator keeps its files in ({@code files/ID.json} records,
   * {@code blobs/ID} bytes): a fresh temporary directory for every start, deleted when the emulator
   * stops. Tests read or damage stored files through it.
   *
   * @throws IllegalStateException if the extension was not built with {@link Builder#onDisk()},
   *     or outside a test's lifetime
   */
  public Path dataDirectory() {
    Path dir = running().dataDirectory();
    if (dir == null) {
      throw new IllegalStateException(
          "the emulator keeps its files in memory; declare onDisk() on the builder"
              + " for a data directory");
    }
    return dir;
  }

  /** Returns the names of the declared buckets, in declaration order. */
  public Set<String> buckets() {
    return buckets.keySet();
  }

  /** Returns {@code b2://bucket}: with {@link #settings()} it opens the bucket's root. */
  public URI uri(String bucket) {
    requireBucket(bucket);
    return URI.create("b2://" + bucket);
  }

  /**
   * Returns the settings that {@link Filesystems#open(URI, Map)} needs for the master key:
   * {@code endpoint}, {@code keyId} and {@code applicationKey}.
   */
  public Map<String, String> settings() {
    B2Emulator e = emulator();
    return settings(e, e.keyId(), e.applicationKey());
  }

  /**
   * Returns the settings for the declared key {@code keyName}: the emulator's endpoint and that
   * key's id and secret.
   *
   * @throws IllegalArgumentException if no key of that name is declared
   */
  public Map<String, String> settings(String keyName) {
    B2TestKey k = key(keyName);
    return settings(emulator(), k.keyId(), k.applicationKey());
  }

  /**
   * Returns the declared key {@code keyName} as created in the running emulator.
   *
   * @throws IllegalArgumentException if no key of that name is declared
   */
  public B2TestKey key(String keyName) {
    B2TestKey k = running().keys().get(keyName);
    if (k == null) {
      throw new IllegalArgumentException(
          "no key '" + keyName + "' is declared on the extension; declared: " + keys.keySet());
    }
    return k;
  }

  /** Opens the root of {@code bucket} with the master key; closed when the emulator stops. */
  public Filesystem filesystem(String bucket) {
    return track(Filesystems.open(uri(bucket), settings()));
  }

  /** Opens the root of {@code bucket} with the declared key {@code keyName}; closed when the emulator stops. */
  public Filesystem filesystem(String bucket, String keyName) {
    return track(Filesystems.open(uri(bucket), settings(keyName)));
  }

  private static Map<String, String> settings(B2Emulator e, String keyId, String secret) {
    return Map.of("endpoint", e.url(), "keyId", keyId, "applicationKey", secret);
  }

  private void requireBucket(String bucket) {
    if (bucket == null || emulator().store().bucket(bucket) == null) {
      throw new IllegalArgumentException(
          "no bucket '" + bucket + "' in the emulator; declared: " + buckets.keySet());
    }
  }

  private synchronized Filesystem track(Filesystem fs) {
    opened.add(fs);
    return fs;
  }

  private Running running() {
    Running r = running;
    if (r == null) {
      throw new IllegalStateException("the B2 emulator runs only while a test runs");
    }
    return r;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context);
  }

  /** Starts unless running; the context that started it is the one that stops it (nested classes too). */
  private synchronized void start(ExtensionContext context) {
    if (running != null) {
      return;
    }
    B2Emulator.Builder builder =
        Objects.requireNonNull(config.get(), "the emulator builder supplier returned null");
    Path dir = null;
    if (onDisk) {
      try {
        dir = Files.createTempDirectory("b2-emulator-");
      } catch (IOException ex) {
        throw new UncheckedIOException("could not create the emulator's data directory", ex);
      }
      builder.dataDirectory(dir);
    }
    B2Emulator e;
    try {
      e = builder.start();
    } catch (RuntimeException ex) {
      deleteTree(dir);
      throw ex;
    }
    try {
      EmulatorStore store = e.store();
      Map<String, String> ids = new LinkedHashMap<>();
      buckets.forEach(
          (name, isPublic) -> ids.put(name, store.createBucket(name, isPublic).bucketId()));
      Map<String, B2TestKey> created = new LinkedHashMap<>();
      keys.forEach(
          (name, spec) -> {
            EmulatorStore.KeyView k =
                store.createKey(
                    name,
                    spec.capabilitiesOrDefault(),
                    spec.bucket() == null ? null : ids.get(spec.bucket()),
                    spec.prefix());
            created.put(name, new B2TestKey(name, k.keyId(), k.secret()));
          });
      running = new Running(e, Map.copyOf(created), dir);
      owner = context.getUniqueId();
    } catch (RuntimeException ex) {
      e.close();
      deleteTree(dir);
      throw ex;
    }
  }

  /** Deletes {@code dir} and everything below it; null is nothing to delete. */
  private static void deleteTree(@Nullable Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("could not delete the emulator's data directory " + dir, ex);
    }
  }

  private synchronized void stop(ExtensionContext context) {
    Running r = running;
    if (r == null || !context.getUniqueId().equals(owner)) {
      return;
    }
    running = null;
    owner = null;
    RuntimeException failure = opened.closeAll();
    r.emulator().close();
    try {
      deleteTree(r.dataDirectory());
    } catch (UncheckedIOException ex) {
      failure =
          failure == null
              ? new IllegalStateException("the data directory was not deleted", ex)
              : failure;
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == B2Emulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    start(context);
    return emulator();
  }

  /** Declares the emulator's configuration, buckets and keys; {@link #perClass()} or {@link #perTest()} builds. */
  public static final class Builder {
    private Supplier<B2Emulator.Builder> config = B2Emulator::builder;
    private final Map<String, Boolean> buckets = new LinkedHashMap<>();
    private final Map<String, B2KeySpec> keys = new LinkedHashMap<>();
    private boolean onDisk;

    private Builder() {}

    /**
     * Keeps the emulator's files on disk, in a fresh temporary directory for every start that is
     * deleted when the emulator stops; {@link B2EmulatorExtension#dataDirectory()} gives it, so that
     * a test can read or damage stored files. Any data directory set through {@link #emulator} is
     * replaced by this one.
     */
    public Builder onDisk() {
      this.onDisk = true;
      return this;
    }

    /**
     * Configures the emulator (part sizes, clock, faults): the supplier is called for every start
     * and must return a fresh builder.
     */
    public Builder emulator(Supplier<B2Emulator.Builder> config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Declares a private bucket ({@code allPrivate}). */
    public Builder bucket(String name) {
      return declare(name, false);
    }

    /** Declares a public bucket ({@code allPublic}): anyone may download its files. */
    public Builder publicBucket(String name) {
      return declare(name, true);
    }

    private Builder declare(String name, boolean isPublic) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("bucket name must be non-blank");
      }
      if (buckets.putIfAbsent(name, isPublic) != null) {
        throw new IllegalArgumentException("bucket '" + name + "' is declared twice");
      }
      return this;
    }

    /**
     * Declares an application key named {@code name} (1 to 100 letters, digits or '-'), shaped by
     * {@code spec}: its bucket (declared before the key), name prefix and capabilities.
     *
     * @throws IllegalArgumentException for a name declared twice, a prefix without a bucket, or a
     *     bucket not declared on this builder
     */
    public Builder key(String name, Consumer<B2KeySpec> spec) {
      if (name == null || !name.matches("[A-Za-z0-9-]{1,100}")) {
        throw new IllegalArgumentException(
            "key name must be 1 to 100 letters, digits or '-' but was '" + name + "'");
      }
      if (keys.containsKey(name)) {
        throw new IllegalArgumentException("key '" + name + "' is declared twice");
      }
      B2KeySpec s = new B2KeySpec();
      Objects.requireNonNull(spec, "spec").accept(s);
      s.check(name, new LinkedHashSet<>(buckets.keySet()));
      keys.put(name, s);
      return this;
    }

    /** Builds an extension with one emulator per test class (register it on a static field). */
    public B2EmulatorExtension perClass() {
      return new B2EmulatorExtension(this, false);
    }

    /** Builds an extension with a fresh emulator, buckets and keys for every test. */
    public B2EmulatorExtension perTest() {
      return new B2EmulatorExtension(this, true);
    }
  }
}
