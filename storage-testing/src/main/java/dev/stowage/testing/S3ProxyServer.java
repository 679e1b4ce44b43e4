package dev.stowage.testing;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.jspecify.annotations.Nullable;

/**
 * An S3-compatible server in this process: S3Proxy on 127.0.0.1 over an in-memory
 * ({@code transient}) store, or over a directory that survives restarts. Plain Java, no JUnit: the
 * CLI's {@code s3-emulator} command and benchmarks use it too; {@link S3ProxyExtension} wraps it
 * for tests.
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.builder().bucket("assets").start();
 *     Filesystem fs = Filesystems.open(s3.uri("assets"), s3.settings())) {
 *   fs.write("a.txt", new byte[] {1, 2, 3});
 * }
 * }</pre>
 *
 * <p>Requests are signed (AWS V2 or V4) with the server's credentials, random unless given, so
 * that signatures and expiry are really checked. Unknown {@code x-amz-*} headers are ignored (the
 * AWS SDK's multipart client sends {@code x-amz-mp-object-size}, which S3Proxy would refuse).
 * CORS is off unless origins (or origin patterns) are given; S3Proxy's CORS is global, not per
 * bucket. Thread-safe.
 */
public final class S3ProxyServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> CORS_METHODS = List.of("GET", "PUT", "POST", "HEAD", "DELETE");
  private static final List<String> CORS_EXPOSED = List.of("ETag", "x-amz-version-id");

  private final S3Proxy proxy;
  private final BlobStore store;
  private final URI endpoint;
  private final String accessKey;
  private final String secretKey;

  private S3ProxyServer(S3Proxy proxy, BlobStore store, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.store = store;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Returns a builder: in memory, a free port, random credentials, no buckets, no CORS. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the endpoint, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Returns the port the server listens on. */
  public int port() {
    return endpoint.getPort();
  }

  /** Returns the access key id requests must be signed with. */
  public String accessKey() {
    return accessKey;
  }

  /** Returns the secret key requests must be signed with. */
  public String secretKey() {
    return secretKey;
  }

  /** Creates a bucket unless it exists. */
  public void createBucket(String name) {
    checkBucketName(name);
    if (!store.containerExists(name)) {
      store.createContainer(name);
    }
  }

  /** Returns whether a bucket of this name exists. */
  public boolean bucketExists(String name) {
    return name != null && store.containerExists(name);
  }

  /** Returns {@code s3://bucket}: with {@link #settings()} it opens the bucket's root. */
  public URI uri(String bucket) {
    if (!bucketExists(bucket)) {
      throw new IllegalArgumentException(
          "no bucket '" + bucket + "' on this S3Proxy; create it first");
    }
    return URI.create("s3://" + bucket);
  }

  /**
   * Returns the settings that {@link Filesystems#open(URI, Map)} needs for this server:
   * {@code endpoint}, {@code region} ({@code us-east-1}), {@code accessKey} and {@code secretKey}.
   */
  public Map<String, String> settings() {
    return Map.of(
        "endpoint",
        endpoint.toString(),
        "region",
        "us-east-1",
        "accessKey",
        accessKey,
        "secretKey",
        secretKey);
  }

  /**
   * Opens the root of {@code bucket}; the caller closes it. Needs the storage-s3 module on the
   * class path.
   */
  public Filesystem filesystem(String bucket) {
    return Filesystems.open(uri(bucket), settings());
  }

  /** Stops the server at once; a data directory keeps its objects. */
  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop cleanly", e);
    }
  }

  @Override
  public String toString() {
    return "S3ProxyServer[" + endpoint + "]";
  }

  private static void checkBucketName(String name) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "bucket name must be 3 to 63 lowercase letters, digits, '.' or '-',"
              + " starting and ending with a letter or digit, but was '"
              + name
              + "'");
    }
  }

  /** Configures and starts an {@link S3ProxyServer}. Setters validate at once. */
  public static final class Builder {
    private int port;
    private String accessKey = "ak-" + UUID.randomUUID().toString().substring(0, 8);
    private String secretKey = UUID.randomUUID().toString();
    private @Nullable Path dataDirectory;
    private List<String> corsOrigins = List.of();
    private final List<Pattern> corsOriginPatterns = new ArrayList<>();
    private @Nullable BlobStore blobStore;
    private final Set<String> buckets = new LinkedHashSet<>();

    private Builder() {}

    /** Sets the port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the credentials requests must be signed with; default: random. */
    public Builder credentials(String accessKey, String secretKey) {
      if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
        throw new IllegalArgumentException("accessKey and secretKey must be non-blank");
      }
      this.accessKey = accessKey;
      this.secretKey = secretKey;
      return this;
    }

    /** Keeps objects in this directory (created if missing) instead of memory. */
    public Builder dataDirectory(Path dataDirectory) {
      if (blobStore != null) {
        throw new IllegalStateException(
            "blobStore(...) was already set; it decides where objects live");
      }
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    /**
     * Serves this S3Proxy store instead of the in-memory one, e.g. a store wrapped by S3Proxy's
     * middlewares (latency, a store that discards bodies); cannot be combined with
     * {@link #dataDirectory}.
     */
    public Builder blobStore(BlobStore store) {
      if (dataDirectory != null) {
        throw new IllegalStateException(
            "dataDirectory(...) was already set; it decides where objects live");
      }
      this.blobStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Lets pages from these origins call the server from a browser: exact origins such as
     * {@code http://localhost:8080}, or {@code *} for any; empty (the default) for none.
     */
    public Builder corsOrigins(List<String> origins) {
      this.corsOrigins = List.copyOf(Objects.requireNonNull(origins, "origins"));
      return this;
    }

    /**
     * Also lets pages whose origin wholly matches this regular expression call the server from a
     * browser, e.g. {@code http://127\\.0\\.0\\.1:\\d+} for any port of 127.0.0.1: useful when the
     * page's server starts after this one and its port is not known yet. May be given several
     * times; adds to {@link #corsOrigins}.
     *
     * @throws IllegalArgumentException if the expression is blank or not a valid regular expression
     */
    public Builder corsOriginPattern(String regex) {
      if (regex == null || regex.isBlank()) {
        throw new IllegalArgumentException(
            "CORS origin pattern must be a non-blank regular expression");
      }
      try {
        corsOriginPatterns.add(Pattern.compile(regex));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "CORS origin pattern is not a valid regular expression: '"
                + regex
                + "' ("
                + e.getDescription()
                + ")",
            e);
      }
      return this;
    }

    /**
     * Lets pages served from any port of the loopback address call the server from a browser:
     * origins {@code http://127.0.0.1:PORT}. {@code http://localhost:PORT} is a different origin
     * and stays refused.
     */
    public Builder corsAnyLoopbackPort() {
      return corsOriginPattern(Pattern.quote("http://127.0.0.1") + ":\\d{1,5}");
    }

    /** Declares a bucket to create at start. */
    public Builder bucket(String name) {
      checkBucketName(name);
      if (!buckets.add(name)) {
        throw new IllegalArgumentException("bucket '" + name + "' is declared twice");
      }
      return this;
    }

    /**
     * Starts the server and creates the declared buckets.
     *
     * @throws UncheckedIOException if the data directory cannot be created
     * @throws IllegalStateException if S3Proxy does not start within 30 s
     */
    public S3ProxyServer start() {
      Properties properties = new Properties();
      BlobStore store;
      if (blobStore != null) {
        store = blobStore;
      } else if (dataDirectory == null) {
        store = BlobStores.create("transient", properties);
      } else {
        try {
          Files.createDirectories(dataDirectory);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create the data directory", e);
        }
        properties.setProperty(
            "jclouds.filesystem.basedir", dataDirectory.toAbsolutePath().toString());
        store = BlobStores.create("filesystem", properties);
      }
      S3Proxy proxy;
      try {
        proxy =
            S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .corsRules(cors(corsOrigins, corsOriginPatterns))
                .stopTimeout(0)
                .build();
        proxy.start();
      } catch (Exception e) {
        throw new IllegalStateException("S3Proxy did not start", e);
      }
      awaitStarted(proxy);
      S3ProxyServer server = new S3ProxyServer(proxy, store, accessKey, secretKey);
      try {
        buckets.forEach(server::createBucket);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    }

    private static void awaitStarted(S3Proxy proxy) {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          stopQuietly(proxy);
          throw new IllegalStateException(
              "S3Proxy did not start within "
                  + START_TIMEOUT.toSeconds()
                  + " s (state "
                  + proxy.getState()
                  + ")");
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopQuietly(proxy);
          throw new IllegalStateException("interrupted while S3Proxy started", e);
        }
      }
    }

    private static void stopQuietly(S3Proxy proxy) {
      try {
        proxy.stop();
      } catch (Exception ignored) {
        // already failing; the start failure is what the caller needs to see
      }
    }

    private static CrossOriginResourceSharing cors(
        List<String> origins, List<Pattern> originPatterns) {
      if (origins.isEmpty() && originPatterns.isEmpty()) {
        return CrossOriginResourceSharing.disabled();
      }
      if (origins.contains("*")) {
        return new CrossOriginResourceSharing(); // allow-all: answers with "*"
      }
      // S3Proxy matches origins as regular expressions; users give plain origins.
      List<String> patterns = new ArrayList<>();
      for (String o : origins) {
        patterns.add(Pattern.quote(o.endsWith("/") ? o.substring(0, o.length() - 1) : o));
      }
      for (Pattern p : originPatterns) {
        patterns.add(p.pattern());
      }
      return new CrossOriginResourceSharing(patterns, CORS_METHODS, List.of("*"), CORS_EXPOSED, "");
    }
  }
}
