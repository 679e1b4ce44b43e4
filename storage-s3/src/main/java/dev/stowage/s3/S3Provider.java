package dev.stowage.s3;

import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.spi.FilesystemProvider;
import dev.stowage.spi.ProviderSettings;
import dev.stowage.spi.ProviderSettings.SizeUnits;
import dev.stowage.spi.Timeouts;
import java.net.URI;
import java.util.Map;

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
 *   <li>{@code signPayload} — {@code true}/{@code false}, whether bodies sent to an {@code http://}
 *       endpoint are signed (default false; HTTPS never signs them);
 *   <li>{@code publicUrl} — base URL of public links;
 *   <li>{@code partSize}, {@code multipartThreshold}, {@code copyPartThreshold},
 *       {@code copyPartSize} — sizes in bytes, or with a binary unit ({@code 16MiB}, {@code 16m},
 *       {@code 1g});
 *   <li>{@code concurrency}, {@code maxConnections}, {@code maxSegmentBytes} — integers;
 *   <li>{@code memoryBudget} — the most one streamed upload buffers (a size, default 64 MiB);
 *   <li>{@code timeout}, {@code connectTimeout}, {@code idleTimeout} — the per-operation deadline,
 *       connection timeout and stall timeout ({@code 500ms}, {@code 30s}, {@code 2m}; defaults
 *       60 s, 5 s and 30 s; see {@link Timeouts}).
 * </ul>
 * Credentials come only from the settings map ({@code accessKey} and {@code secretKey}) or from
 * the AWS default chain (e.g. {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}); a URI
 * carrying them, or user info, is refused.
 */
public final class S3Provider implements FilesystemProvider {

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
      throw new IllegalArgumentException("expected an s3:// URI");
    }
    // Refuses user info and credential keys in the URI, and a key given twice.
    ProviderSettings all = ProviderSettings.of(uri, settings);
    String bucket = uri.getRawAuthority();
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("bucket: the URI has no bucket: " + uri);
    }
    S3Config.Builder b = S3Config.builder(bucket);
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      b.prefix(path);
    }
    if (all.has("accessKey") || all.has("secretKey")) {
      b.credentials(all.string("accessKey", null), all.string("secretKey", null));
    }
    for (String key : all.keys()) {
      try {
        apply(b, all, key);
      } catch (IllegalArgumentException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        throw new IllegalArgumentException(m.startsWith(key) ? m : key + ": " + m, e);
      }
    }
    if (all.has(Timeouts.TIMEOUT)
        || all.has(Timeouts.CONNECT_TIMEOUT)
        || all.has(Timeouts.IDLE_TIMEOUT)) {
      b.timeouts(Timeouts.from(all, Timeouts.DEFAULT));
    }
    return b.build();
  }

  private static void apply(S3Config.Builder b, ProviderSettings s, String key) {
    switch (key) {
      case "accessKey":
      case "secretKey":
        break; // set together above
      case "endpoint":
        b.endpoint(URI.create(s.string(key)));
        break;
      case "region":
        b.region(s.string(key));
        break;
      case "profile":
        b.profile(S3Profile.of(s.string(key)));
        break;
      case "pathStyle":
        b.pathStyle(s.bool(key));
        break;
      case "visibility":
        b.visibilityMode(s.enumValue(key, VisibilityMode.class));
        break;
      case "bucketVisibility":
        b.bucketVisibility(s.enumValue(key, Visibility.class));
        break;
      case "createOnly":
        b.createOnly(s.bool(key));
        break;
      case "signPayload":
        b.signPayload(s.bool(key));
        break;
      case "publicUrl":
        b.publicUrlBase(URI.create(s.string(key)));
        break;
      case "partSize":
        b.partSize(s.size(key, SizeUnits.BINARY));
        break;
      case "multipartThreshold":
        b.multipartThreshold(s.size(key, SizeUnits.BINARY));
        break;
      case "copyPartThreshold":
        b.copyPartThreshold(s.size(key, SizeUnits.BINARY));
        break;
      case "copyPartSize":
        b.copyPartSize(s.size(key, SizeUnits.BINARY));
        break;
      case "concurrency":
        b.concurrency(s.intValue(key));
        break;
      case "maxConnections":
        b.maxConnections(s.intValue(key));
        break;
      case "maxSegmentBytes":
        b.maxSegmentBytes(s.intValue(key));
        break;
      case "memoryBudget":
        b.memoryBudget(s.size(key, SizeUnits.BINARY));
        break;
      case Timeouts.TIMEOUT:
      case Timeouts.CONNECT_TIMEOUT:
      case Timeouts.IDLE_TIMEOUT:
        break; // read together below
      default:
        throw new IllegalArgumentException(key + ": unknown s3 setting");
    }
  }

  /** Parses a size as the {@code partSize}-like keys do: binary units, {@code 16m} = 16 MiB. */
  static long size(String value) {
    return ProviderSettings.of(Map.of("size", value)).size("size", SizeUnits.BINARY);
  }
}
