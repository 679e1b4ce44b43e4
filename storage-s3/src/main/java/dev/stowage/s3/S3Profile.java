package dev.stowage.s3;

import dev.stowage.VisibilityMode;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one S3-compatible provider supports, so that the adapter declares truthful capabilities
 * and avoids what the provider rejects.
 *
 * <p>Each profile fixes: how visibility works (object ACLs, a bucket-level setting, or none), the
 * addressing style, how the signing region is found, whether conditional writes
 * ({@code If-None-Match: *}) and browser uploads (presigned PUT) work, and the provider's quirks.
 * {@link S3Config.Builder} can override the visibility mode, the addressing style and conditional
 * writes for a particular bucket (e.g. an AWS bucket with ACLs disabled).
 *
 * <table>
 *   <caption>Profiles</caption>
 *   <tr><th>profile</th><th>visibility</th><th>path style</th><th>region</th><th>create-only</th><th>quirks</th></tr>
 *   <tr><td>AWS</td><td>per object</td><td>no</td><td>configured, else us-east-1</td><td>yes</td><td>-</td></tr>
 *   <tr><td>B2</td><td>bucket level</td><td>yes</td><td>from the endpoint host</td><td>no</td>
 *       <td>no flexible-checksum headers (Content-MD5 instead); master key refused</td></tr>
 *   <tr><td>MINIO</td><td>none</td><td>yes</td><td>us-east-1</td><td>yes</td><td>segments of at most 255 bytes</td></tr>
 *   <tr><td>R2</td><td>none</td><td>yes</td><td>auto</td><td>no</td><td>-</td></tr>
 *   <tr><td>GENERIC</td><td>none</td><td>yes</td><td>us-east-1</td><td>no</td><td>-</td></tr>
 * </table>
 */
public enum S3Profile {
  /** Amazon S3. Object ACLs need a bucket with ACLs enabled (Object Ownership not "enforced"). */
  AWS(VisibilityMode.PER_OBJECT, false, true, false, "us-east-1"),
  /**
   * Backblaze B2's S3-compatible API: bucket-level visibility, region taken from an endpoint such
   * as {@code https://s3.us-west-004.backblazeb2.com}, no {@code x-amz-checksum-*} headers, and
   * only application keys (the master key does not work with the S3 API).
   */
  B2(VisibilityMode.BUCKET_LEVEL, true, false, true, null),
  /** MinIO: no object ACLs (bucket policies instead); conditional writes are supported. */
  MINIO(VisibilityMode.NONE, true, true, false, "us-east-1"),
  /** Cloudflare R2: no ACLs; the region is {@code auto}. */
  R2(VisibilityMode.NONE, true, false, false, "auto"),
  /** Any other S3-compatible service, assuming the least: no ACLs, no conditional writes. */
  GENERIC(VisibilityMode.NONE, true, false, false, "us-east-1");

  private static final Pattern B2_HOST =
      Pattern.compile(
          "s3\\.([a-z]{2}-[a-z]+-\\d{3})\\.backblazeb2\\.com", Pattern.CASE_INSENSITIVE);
  private static final Pattern B2_MASTER_KEY_ID = Pattern.compile("[0-9a-fA-F]{12}");

  private final VisibilityMode visibilityMode;
  private final boolean pathStyle;
  private final boolean createOnly;
  private final boolean replacesChecksumHeaders;
  private final @Nullable String defaultRegion;

  S3Profile(
      VisibilityMode visibilityMode,
      boolean pathStyle,
      boolean createOnly,
      boolean replacesChecksumHeaders,
      @Nullable String defaultRegion) {
    this.visibilityMode = visibilityMode;
    this.pathStyle = pathStyle;
    this.createOnly = createOnly;
    this.replacesChecksumHeaders = replacesChecksumHeaders;
    this.defaultRegion = defaultRegion;
  }

  /** Returns the profile named {@code name}, ignoring case ({@code "b2"}, {@code "MinIO"}…). */
  public static S3Profile of(String name) {
    if (name != null) {
      for (S3Profile p : values()) {
        if (p.name().equalsIgnoreCase(name.trim())) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown S3 profile '" + name + "' (expected one of aws, b2, minio, r2, generic)");
  }

  /** Returns how visibility works on this provider unless the configuration overrides it. */
  public VisibilityMode visibilityMode() {
    return visibilityMode;
  }

  /** Returns whether requests use path-style addressing ({@code endpoint/bucket/key}) by default. */
  public boolean pathStyle() {
    return pathStyle;
  }

  /** Returns whether the provider honours {@code If-None-Match: *} on PUT and multipart completion. */
  public boolean supportsCreateOnly() {
    return createOnly;
  }

  /** Returns whether browsers can upload with a presigned PUT (true for every profile). */
  public boolean supportsBrowserUpload() {
    return true;
  }

  /**
   * Returns the longest key segment (between slashes) in UTF-8 bytes: 255 on MinIO, which keeps
   * each segment as a file or directory name on disk; otherwise only the 1024-byte key limit.
   */
  public int maxSegmentBytes() {
    return this == MINIO ? 255 : 1024;
  }

  /**
   * Returns the size from which uploads of files and byte arrays go in parts, unless configured:
   * the part size for the cloud services (AWS, B2, R2), where parallel parts hide the latency of
   * a long way, and 1 GiB for MinIO and other self-hosted servers (never below the part size),
   * which are usually near, and some of which (S3Proxy's filesystem store, MinIO's single-disk
   * mode) rewrite the whole object when a multipart upload completes: there one PUT is the
   * fastest way (measured on S3Proxy with 512 MiB: one PUT 0.9× the wire, 16 MiB × 4 parts 0.4×).
   * Streams of unknown length always go in parts once they outgrow one part.
   */
  public long defaultMultipartThreshold(long partSize) {
    return this == MINIO || this == GENERIC ? Math.max(partSize, 1L << 30) : partSize;
  }

  /**
   * Returns whether the SDK's flexible-checksum headers ({@code x-amz-checksum-*},
   * {@code x-amz-sdk-checksum-algorithm}) are replaced by {@code Content-MD5}, for providers that
   * reject them.
   */
  public boolean replacesChecksumHeaders() {
    return replacesChecksumHeaders;
  }

  /**
   * Returns the signing region to use when none is configured.
   *
   * @param endpoint the configured endpoint, or null for the provider's default
   * @throws IllegalArgumentException when the region cannot be derived (B2 with an endpoint whose
   *     host is not {@code s3.<region>.backblazeb2.com})
   */
  public String regionFor(@Nullable URI endpoint) {
    if (defaultRegion != null) {
      return defaultRegion;
    }
    String host = endpoint == null ? null : endpoint.getHost();
    Matcher m = host == null ? null : B2_HOST.matcher(host);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "cannot derive the region from endpoint '"
              + endpoint
              + "' (expected https://s3.<region>.backblazeb2.com); set 'region' explicitly");
    }
    return m.group(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Checks that {@code accessKeyId} can be used with this provider.
   *
   * @throws IllegalArgumentException for B2's master application key, whose id is the 12-hex-digit
   *     account id (application key ids are 25 characters); B2's S3 API refuses it
   */
  public void checkAccessKeyId(@Nullable String accessKeyId) {
    if (this == B2 && accessKeyId != null && B2_MASTER_KEY_ID.matcher(accessKeyId).matches()) {
      throw new IllegalArgumentException(
          "the B2 master application key cannot be used with B2's"
              + " S3-compatible API; create an application key (restricted to the bucket if you like)"
              + " and use its key id and key instead");
    }
  }
}
