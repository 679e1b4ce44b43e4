package dev.stowage.b2;

import dev.stowage.b2.client.B2Credentials;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 *   <li>{@code deleteMode}: {@code allVersions} (default) or {@code hide};
 *   <li>{@code testMode}: an {@code X-Bz-Test-Mode} value, for resilience tests;
 *   <li>{@code listPageSize}: names per listing call (default 1000);
 *   <li>{@code maxAttempts}: tries per operation (default 8); {@code retryBaseDelay},
 *       {@code retryMaxDelay}: backoff bounds in milliseconds (default 1000 and 64000).
 * </ul>
 * An unknown key or a bad value fails with {@link IllegalArgumentException} naming the key.
 */
public final class B2Provider implements FilesystemProvider {
  private static final Set<String> SECRET_KEYS = Set.of("keyid", "applicationkey");
  private static final Set<String> KEYS = Set.of("endpoint", "keyId", "applicationKey", "partSize",
      "uploadCutoff", "copyCutoff", "concurrency", "deleteMode", "testMode", "listPageSize",
      "maxAttempts", "retryBaseDelay", "retryMaxDelay");

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
    String bucket = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("bucket: a b2 URI names its bucket, as in b2://bucket/prefix");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("credentials never go in a URI; pass keyId/applicationKey as settings");
    }
    Map<String, String> all = new LinkedHashMap<>(query(uri));
    all.putAll(settings);
    for (String key : all.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(key + ": unknown b2 setting (known: " + KEYS + ")");
      }
    }
    B2Config.Builder b = B2Config.builder(bucket).prefix(uri.getPath() == null ? "" : uri.getPath());
    apply(b, all);
    return b.build();
  }

  private static void apply(B2Config.Builder b, Map<String, String> s) {
    if (s.containsKey("endpoint")) {
      b.endpoint(URI.create(s.get("endpoint")));
    }
    String id = s.get("keyId");
    String key = s.get("applicationKey");
    if ((id == null) != (key == null)) {
      throw new IllegalArgumentException((id == null ? "keyId" : "applicationKey")
          + ": keyId and applicationKey are set together or not at all");
    }
    if (id != null) {
      b.credentials(new B2Credentials(id, key));
    }
    if (s.containsKey("partSize")) {
      b.partSize(size("partSize", s.get("partSize")));
    }
    if (s.containsKey("uploadCutoff")) {
      b.uploadCutoff(size("uploadCutoff", s.get("uploadCutoff")));
    }
    if (s.containsKey("copyCutoff")) {
      b.copyCutoff(size("copyCutoff", s.get("copyCutoff")));
    }
    if (s.containsKey("concurrency")) {
      b.concurrency(integer("concurrency", s.get("concurrency")));
    }
    if (s.containsKey("deleteMode")) {
      b.deleteMode(deleteMode(s.get("deleteMode")));
    }
    if (s.containsKey("testMode")) {
      b.testMode(s.get("testMode"));
    }
    if (s.containsKey("listPageSize")) {
      b.listPageSize(integer("listPageSize", s.get("listPageSize")));
    }
    if (s.containsKey("maxAttempts") || s.containsKey("retryBaseDelay") || s.containsKey("retryMaxDelay")) {
      B2Config defaults = B2Config.builder("defaults").build();
      int attempts = s.containsKey("maxAttempts") ? integer("maxAttempts", s.get("maxAttempts")) : defaults.maxAttempts();
      Duration base = s.containsKey("retryBaseDelay")
          ? Duration.ofMillis(integer("retryBaseDelay", s.get("retryBaseDelay"))) : defaults.baseDelay();
      Duration max = s.containsKey("retryMaxDelay")
          ? Duration.ofMillis(integer("retryMaxDelay", s.get("retryMaxDelay"))) : defaults.maxDelay();
      b.retry(attempts, base, max);
    }
  }

  private static B2DeleteMode deleteMode(String value) {
    switch (value.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "allversions":
        return B2DeleteMode.ALL_VERSIONS;
      case "hide":
        return B2DeleteMode.HIDE;
      default:
        throw new IllegalArgumentException("deleteMode: expected allVersions or hide, got '" + value + "'");
    }
  }

  /** Parses {@code 123}, {@code 100M}, {@code 16Mi}, {@code 5G}… into bytes. */
  static long size(String key, String value) {
    String v = value.trim();
    int i = 0;
    while (i < v.length() && Character.isDigit(v.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException(key + ": not a size: '" + value + "'");
    }
    long number;
    try {
      number = Long.parseLong(v.substring(0, i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not a size: '" + value + "'", e);
    }
    String unit = v.substring(i).trim().toLowerCase(Locale.ROOT);
    if (unit.endsWith("b")) {
      unit = unit.substring(0, unit.length() - 1);
    }
    long factor;
    switch (unit) {
      case "": factor = 1; break;
      case "k": factor = 1_000L; break;
      case "m": factor = 1_000_000L; break;
      case "g": factor = 1_000_000_000L; break;
      case "ki": factor = 1L << 10; break;
      case "mi": factor = 1L << 20; break;
      case "gi": factor = 1L << 30; break;
      default: throw new IllegalArgumentException(key + ": unknown size unit in '" + value + "'");
    }
    if (number > Long.MAX_VALUE / factor) {
      throw new IllegalArgumentException(key + ": size too large: '" + value + "'");
    }
    return number * factor;
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not an integer: '" + value + "'", e);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (SECRET_KEYS.contains(k.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(k + ": credentials never go in a URI; pass them as settings");
      }
      out.put(k, v);
    }
    return out;
  }
}
