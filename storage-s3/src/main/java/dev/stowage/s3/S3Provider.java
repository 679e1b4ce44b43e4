package dev.stowage.s3;

import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.spi.FilesystemProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens {@code s3://} URIs: {@code s3://bucket/prefix?endpoint=…&region=…&profile=…}.
 *
 * <p>Keys, in the query or in the settings map (settings win):
 * <ul>
 *   <li>{@code endpoint} — the service URL ({@code https://s3.us-west-004.backblazeb2.com});
 *       absent means AWS;
 *   <li>{@code region} — the signing region (default: derived by the profile);
 *   <li>{@code profile} — {@code aws}, {@code b2}, {@code minio}, {@code r2} or {@code generic}
 *       (default: aws without an endpoint, generic with one);
 *   <li>{@code pathStyle} — {@code true}/{@code false}, overrides the profile;
 *   <li>{@code visibility} — {@code per-object}, {@code bucket-level} or {@code none}, overrides the profile;
 *   <li>{@code bucketVisibility} — {@code public} or {@code private} (bucket-level visibility);
 *   <li>{@code createOnly} — {@code true}/{@code false}, whether conditional writes are used;
 *   <li>{@code publicUrl} — base URL of public links;
 *   <li>{@code partSize}, {@code multipartThreshold}, {@code copyPartThreshold},
 *       {@code copyPartSize} — sizes in bytes, or with a binary unit ({@code 16MiB}, {@code 16m},
 *       {@code 1g});
 *   <li>{@code concurrency}, {@code maxConnections}, {@code maxSegmentBytes} — integers.
 * </ul>
 * Credentials come only from the settings map ({@code accessKey} and {@code secretKey}) or from
 * the AWS default chain (e.g. {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}); a URI
 * carrying them, or user info, is refused.
 */
public final class S3Provider implements FilesystemProvider {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> SECRET_KEYS = Set.of("accesskey", "secretkey",
      "accesskeyid", "secretaccesskey", "sessiontoken");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public S3Provider() {}

  @Override
  public String scheme() {
    return "s3";
  }

  /**
   * Returns an adapter for {@code uri}.
   *
   * @throws IllegalArgumentException for an unknown key, a bad value (naming the key) or
   *     credentials in the URI
   */
  @Override
  public S3Adapter open(URI uri, Map<String, String> settings) {
    return S3Adapter.create(config(uri, settings));
  }

  /** Returns the configuration {@link #open} would use; no network access. */
  public static S3Config config(URI uri, Map<String, String> settings) {
    if (uri == null || !"s3".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("expected an s3:// URI: " + uri);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("credentials must not be in the URI; use the settings"
          + " 'accessKey'/'secretKey' or the AWS default chain");
    }
    String bucket = uri.getRawAuthority();
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("bucket: the URI has no bucket: " + uri);
    }
    Map<String, String> all = query(uri);
    for (String key : all.keySet()) {
      if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(key + ": credentials must not be in the URI;"
            + " pass them as settings or through the AWS default chain");
      }
    }
    if (settings != null) {
      all.putAll(settings);
    }
    S3Config.Builder b = S3Config.builder(bucket);
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      b.prefix(path);
    }
    String accessKey = all.remove("accessKey");
    String secretKey = all.remove("secretKey");
    if (accessKey != null || secretKey != null) {
      b.credentials(accessKey, secretKey);
    }
    all.forEach((key, value) -> apply(b, key, value));
    return b.build();
  }

  private static void apply(S3Config.Builder b, String key, String value) {
    BiConsumer<S3Config.Builder, String> setter = setter(key);
    if (setter == null) {
      throw new IllegalArgumentException(key + ": unknown s3 setting");
    }
    try {
      setter.accept(b, value);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      throw new IllegalArgumentException(m.startsWith(key) ? m : key + ": " + m, e);
    }
  }

  private static BiConsumer<S3Config.Builder, String> setter(String key) {
    switch (key) {
      case "endpoint":
        return (b, v) -> b.endpoint(URI.create(v));
      case "region":
        return S3Config.Builder::region;
      case "profile":
        return (b, v) -> b.profile(S3Profile.of(v));
      case "pathStyle":
        return (b, v) -> b.pathStyle(bool(v));
      case "visibility":
        return (b, v) -> b.visibilityMode(visibilityMode(v));
      case "bucketVisibility":
        return (b, v) -> b.bucketVisibility(Visibility.valueOf(v.trim().toUpperCase(Locale.ROOT)));
      case "createOnly":
        return (b, v) -> b.createOnly(bool(v));
      case "publicUrl":
        return (b, v) -> b.publicUrlBase(URI.create(v));
      case "partSize":
        return (b, v) -> b.partSize(size(v));
      case "multipartThreshold":
        return (b, v) -> b.multipartThreshold(size(v));
      case "copyPartThreshold":
        return (b, v) -> b.copyPartThreshold(size(v));
      case "copyPartSize":
        return (b, v) -> b.copyPartSize(size(v));
      case "concurrency":
        return (b, v) -> b.concurrency(Integer.parseInt(v.trim()));
      case "maxConnections":
        return (b, v) -> b.maxConnections(Integer.parseInt(v.trim()));
      case "maxSegmentBytes":
        return (b, v) -> b.maxSegmentBytes(Integer.parseInt(v.trim()));
      default:
        return null;
    }
  }

  static long size(String value) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: '" + value + "' (e.g. 16777216, 16MiB, 16m)");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k":
      case "kb":
      case "kib":
        return Math.multiplyExact(n, 1024L);
      case "m":
      case "mb":
      case "mib":
        return Math.multiplyExact(n, S3Config.MIB);
      case "g":
      case "gb":
      case "gib":
        return Math.multiplyExact(n, S3Config.GIB);
      default:
        return n;
    }
  }

  private static boolean bool(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("expected true or false, not '" + value + "'");
    }
    return v.equals("true");
  }

  private static VisibilityMode visibilityMode(String value) {
    return VisibilityMode.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
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
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (out.put(key, value) != null) {
        throw new IllegalArgumentException(key + ": given twice in the URI");
      }
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
