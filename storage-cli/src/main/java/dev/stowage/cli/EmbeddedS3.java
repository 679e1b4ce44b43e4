package dev.stowage.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3-compatible server in this process: S3Proxy on 127.0.0.1 over an in-memory store, or a
 * directory that survives restarts. Used by {@code stowage s3-emulator} and by {@code stowage tck}.
 *
 * <p>Settings that matter for our adapters: unknown {@code x-amz-*} headers are ignored (the
 * SDK's multipart client sends {@code x-amz-mp-object-size}, which S3Proxy would refuse), and
 * CORS is off unless origins are given — S3Proxy's CORS is global, not per bucket.
 */
final class EmbeddedS3 implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> METHODS = List.of("GET", "PUT", "POST", "HEAD", "DELETE");
  private static final List<String> EXPOSED = List.of("ETag", "x-amz-version-id");

  private final S3Proxy proxy;
  private final BlobStore store;
  private final URI endpoint;

  private EmbeddedS3(S3Proxy proxy, BlobStore store) {
    this.proxy = proxy;
    this.store = store;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /**
   * Starts a server.
   *
   * @param port the port, 0 for any free one
   * @param dataDirectory where objects live (created if missing), or null to keep them in memory
   * @param corsOrigins origins that may call the server from a browser: exact origins such as
   *     {@code http://localhost:8080}, or {@code *} for any; empty for none
   */
  static EmbeddedS3 start(int port, String accessKey, String secretKey, Path dataDirectory,
      List<String> corsOrigins) throws Exception {
    Properties properties = new Properties();
    BlobStore store;
    if (dataDirectory == null) {
      store = BlobStores.create("transient", properties);
    } else {
      Files.createDirectories(dataDirectory);
      properties.setProperty("jclouds.filesystem.basedir", dataDirectory.toAbsolutePath().toString());
      store = BlobStores.create("filesystem", properties);
    }
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .ignoreUnknownHeaders(true)
        .corsRules(cors(corsOrigins))
        .stopTimeout(0)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        throw new CommandFailedException("S3Proxy did not start within " + START_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(10);
    }
    return new EmbeddedS3(proxy, store);
  }

  private static CrossOriginResourceSharing cors(List<String> origins) {
    if (origins.isEmpty()) {
      return CrossOriginResourceSharing.disabled();
    }
    if (origins.contains("*")) {
      return new CrossOriginResourceSharing(); // allow-all: answers with "*"
    }
    // S3Proxy matches origins as regular expressions; users give plain origins.
    List<String> patterns = origins.stream().map(o -> Pattern.quote(stripSlash(o))).toList();
    return new CrossOriginResourceSharing(patterns, METHODS, List.of("*"), EXPOSED, "");
  }

  private static String stripSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }

  /** Returns the endpoint, {@code http://127.0.0.1:PORT}. */
  URI endpoint() {
    return endpoint;
  }

  /** Creates a bucket unless it exists. */
  void createBucket(String name) {
    if (!store.containerExists(name)) {
      store.createContainer(name);
    }
  }

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
}
