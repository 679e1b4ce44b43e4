package dev.stowage.b2;

import dev.stowage.b2.client.B2Credentials;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import dev.stowage.spi.ProviderSettings;
import dev.stowage.spi.ProviderSettings.SizeUnits;
import dev.stowage.spi.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Opens {@link B2Adapter}s for {@code b2://bucket/prefix?key=value&…} URIs.
 *
 * <p>The host is the bucket; the path, if any, is the root prefix inside it. Settings come from
 * the query and from the settings map, which wins over the query. Keys:
 * <ul>
 *   <li>{@code endpoint}: the authorisation URL (default the production API;
 *       {@code http://127.0.0.1:port} for the emulator);
 *   <li>{@code keyId}, {@code applicationKey}: credentials, <b>settings map only</b> (a URI that
 *       carries them is refused); without them the environment variables
 *       {@code B2_APPLICATION_KEY_ID} and {@code B2_APPLICATION_KEY} are read at each authorisation;
 *   <li>{@code partSize}, {@code uploadCutoff}, {@code copyCutoff}: sizes in bytes, with an
 *       optional unit {@code k}/{@code M}/{@code G} (powers of 1000) or {@code Ki}/{@code Mi}/{@code Gi}
 *       (powers of 1024), e.g. {@code 100M}, {@code 16Mi};
 *   <li>{@code concurrency}: parts in flight per large write (default 4);
 *   <li>{@code deleteMode}: {@code allVersions} (default; also {@code all-versions}) or {@code hide};
 *   <li>{@code testMode}: an {@code X-Bz-Test-Mode} value, for resilience tests;
 *   <li>{@code listPageSize}: names per listing call (default 1000);
 *   <li>{@code maxAttempts}: tries per operation (default 8); {@code retryBaseDelay},
 *       {@code retryMaxDelay}: backoff bounds, in milliseconds or with a unit ({@code 500ms},
 *       {@code 2s}; default 1000 and 64000 ms; {@code retryMaxDelay} alone below the default
 *       base delay lowers the base delay to it);
 *   <li>{@code timeout}, {@code connectTimeout}, {@code idleTimeout}: the per-operation deadline
 *       (retries included), the connection timeout and the stall timeout (see {@link Timeouts};
 *       default 60 s, 5 s, 30 s);
 *   <li>{@code memoryBudget}: the most bytes one streamed upload buffers, a size (default 64Mi);
 *   <li>{@code temporaryUrlScope}: {@code prefix} (default: B2 tokens open every name starting
 *       with the file's name) or {@code exact} (temporary URLs fail with {@code UNSUPPORTED},
 *       since B2 cannot scope a token to one name).
 * </ul>
 * An unknown key or a bad value fails with {@link IllegalArgumentException} naming the key.
 */
public final class B2Provider implements FilesystemProvider {
  private static final Set<String> KEYS =
      Set.of(
          "endpoint",
          "keyId",
          "applicationKey",
          "partSize",
          "uploadCutoff",
          "copyCutoff",
          "concurrency",
          "deleteMode",
          "testMode",
          "listPageSize",
          "maxAttempts",
          "retryBaseDelay",
          "retryMaxDelay",
          Timeouts.TIMEOUT,
          Timeouts.CONNECT_TIMEOUT,
          Timeouts.IDLE_TIMEOUT,
          "memoryBudget",
          "temporaryUrlScope");

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public B2Provider() {}

  @Override
  public String scheme() {
    return "b2";
  }

  @Override
  public FilesystemAdapter open(URI uri, Map<String, String> settings) {
    return B2Adapter.create(config(uri, settings));
  }

  /** Returns the configuration a URI and settings describe, without contacting B2. */
  public static B2Config config(URI uri, Map<String, String> settings) {
    if (!"b2".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("not a b2: URI (scheme " + uri.getScheme() + ")");
    }
    // Refuses user info and credential keys in the URI, and a key given twice.
    ProviderSettings all = ProviderSettings.of(uri, settings);
    String bucket = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException(
          "bucket: a b2 URI names its bucket, as in b2://bucket/prefix");
    }
    all.requireOnly(KEYS, "b2");
    B2Config.Builder b =
        B2Config.builder(bucket).prefix(uri.getPath() == null ? "" : uri.getPath());
    apply(b, all);
    return b.build();
  }

  private static void apply(B2Config.Builder b, ProviderSettings s) {
    if (s.has("endpoint")) {
      b.endpoint(endpoint(s.string("endpoint")));
    }
    String id = s.string("keyId", null);
    String key = s.string("applicationKey", null);
    if ((id == null) != (key == null)) {
      throw new IllegalArgumentException(
          (id == null ? "keyId" : "applicationKey")
              + ": keyId and applicationKey are set together or not at all");
    }
    if (id != null) {
      b.credentials(new B2Credentials(id, key));
    }
    if (s.has("partSize")) {
      b.partSize(s.size("partSize", SizeUnits.DECIMAL));
    }
    if (s.has("uploadCutoff")) {
      b.uploadCutoff(s.size("uploadCutoff", SizeUnits.DECIMAL));
    }
    if (s.has("copyCutoff")) {
      b.copyCutoff(s.size("copyCutoff", SizeUnits.DECIMAL));
    }
    if (s.has("concurrency")) {
      b.concurrency(s.intValue("concurrency"));
    }
    if (s.has("deleteMode")) {
      b.deleteMode(s.enumValue("deleteMode", B2DeleteMode.class));
    }
    if (s.has("testMode")) {
      b.testMode(s.string("testMode"));
    }
    if (s.has("listPageSize")) {
      b.listPageSize(s.intValue("listPageSize"));
    }
    if (s.has("maxAttempts") || s.has("retryBaseDelay") || s.has("retryMaxDelay")) {
      B2Config defaults = B2Config.builder("defaults").build();
      Duration max = s.duration("retryMaxDelay", defaults.maxDelay());
      Duration base =
          s.has("retryBaseDelay")
              ? s.duration("retryBaseDelay")
              : (defaults.baseDelay().compareTo(max) > 0 ? max : defaults.baseDelay());
      b.retry(s.intValue("maxAttempts", defaults.maxAttempts()), base, max);
    }
    b.timeouts(Timeouts.from(s, Timeouts.DEFAULT));
    if (s.has("memoryBudget")) {
      b.memoryBudget(s.size("memoryBudget", SizeUnits.DECIMAL));
    }
    if (s.has("temporaryUrlScope")) {
      b.temporaryUrlScope(s.enumValue("temporaryUrlScope", B2Config.TemporaryUrlScope.class));
    }
  }

  /** Parses an endpoint URL; the message of a bad one never repeats it (it may hold user info). */
  private static URI endpoint(String value) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "endpoint: not a valid http or https URL (" + e.getReason() + ")");
    }
  }

  /** Parses {@code 123}, {@code 100M}, {@code 16Mi}, {@code 5G}… into bytes (k, M, G are decimal). */
  static long size(String key, String value) {
    return ProviderSettings.of(Map.of(key, value)).size(key, SizeUnits.DECIMAL);
  }
}
