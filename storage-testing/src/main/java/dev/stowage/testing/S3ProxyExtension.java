package dev.stowage.testing;

import dev.stowage.Filesystem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an embedded S3Proxy ({@link S3ProxyServer}, in memory, signed requests) for JUnit 5 tests,
 * with the declared buckets already created.
 *
 * <pre>{@code
 * class ReportTest {
 *   @RegisterExtension
 *   static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("reports").perClass();
 *
 *   @Test
 *   void report_isStored() throws Exception {
 *     try (Filesystem fs = Filesystems.open(S3.uri("reports"), S3.settings())) {
 *       fs.write("2026/01.csv", new byte[] {1});
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>{@link Builder#perClass()}: register on a static field; one server for the whole class.
 * {@link Builder#perTest()}: a fresh, empty server with the declared buckets for every test. Test
 * methods and constructors may take an {@link S3ProxyServer} parameter. Filesystems opened with
 * {@link #filesystem} are closed when the server stops; opening one needs the storage-s3 module on
 * the test class path.
 */
public final class S3ProxyExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Consumer<S3ProxyServer.Builder> config;
  private final List<String> buckets;
  private final boolean perTest;
  private final OpenedFilesystems opened = new OpenedFilesystems();
  private volatile @Nullable S3ProxyServer server;
  private @Nullable String owner;

  private S3ProxyExtension(Builder b, boolean perTest) {
    this.config = b.config;
    this.buckets = List.copyOf(b.buckets);
    this.perTest = perTest;
  }

  /** Returns a builder: in memory, random credentials, no buckets. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the running server.
   *
   * @throws IllegalStateException outside a test's lifetime
   */
  public S3ProxyServer server() {
    S3ProxyServer s = server;
    if (s == null) {
      throw new IllegalStateException("S3Proxy runs only while a test runs");
    }
    return s;
  }

  /** Returns the endpoint, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return server().endpoint();
  }

  /** Returns {@code s3://bucket} for an existing bucket; with {@link #settings()} it opens its root. */
  public URI uri(String bucket) {
    return server().uri(bucket);
  }

  /** Returns the settings {@code Filesystems.open(uri, settings)} needs: endpoint, region, credentials. */
  public Map<String, String> settings() {
    return server().settings();
  }

  /** Opens the root of {@code bucket}; closed when the server stops. */
  public synchronized Filesystem filesystem(String bucket) {
    Filesystem fs = server().filesystem(bucket);
    opened.add(fs);
    return fs;
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

  /** Starts unless running; the context that started it is the one that stops it. */
  private synchronized void start(ExtensionContext context) {
    if (server != null) {
      return;
    }
    S3ProxyServer.Builder b = S3ProxyServer.builder();
    config.accept(b);
    buckets.forEach(b::bucket);
    server = b.start();
    owner = context.getUniqueId();
  }

  private synchronized void stop(ExtensionContext context) {
    S3ProxyServer s = server;
    if (s == null || !context.getUniqueId().equals(owner)) {
      return;
    }
    server = null;
    owner = null;
    RuntimeException failure = opened.closeAll();
    s.close();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == S3ProxyServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    start(context);
    return server();
  }

  /** Declares the server's buckets and settings; {@link #perClass()} or {@link #perTest()} builds. */
  public static final class Builder {
    private Consumer<S3ProxyServer.Builder> config = b -> {};
    private final List<String> buckets = new ArrayList<>();

    private Builder() {}

    /** Declares a bucket to create at every start (3 to 63 lowercase letters, digits, '.' or '-'). */
    public Builder bucket(String name) {
      S3ProxyServer.builder().bucket(name); // validates the name now, not at start
      if (buckets.contains(name)) {
        throw new IllegalArgumentException("bucket '" + name + "' is declared twice");
      }
      buckets.add(name);
      return this;
    }

    /** Sets fixed credentials instead of random ones. */
    public Builder credentials(String accessKey, String secretKey) {
      S3ProxyServer.builder().credentials(accessKey, secretKey); // validates now
      Consumer<S3ProxyServer.Builder> previous = config;
      config =
          b -> {
            previous.accept(b);
            b.credentials(accessKey, secretKey);
          };
      return this;
    }

    /** Adjusts the server further (CORS origins, a data directory) before every start. */
    public Builder server(Consumer<S3ProxyServer.Builder> adjust) {
      Objects.requireNonNull(adjust, "adjust");
      Consumer<S3ProxyServer.Builder> previous = config;
      config =
          b -> {
            previous.accept(b);
            adjust.accept(b);
          };
      return this;
    }

    /** Builds an extension with one server per test class (register it on a static field). */
    public S3ProxyExtension perClass() {
      return new S3ProxyExtension(this, false);
    }

    /** Builds an extension with a fresh server for every test. */
    public S3ProxyExtension perTest() {
      return new S3ProxyExtension(this, true);
    }
  }
}
