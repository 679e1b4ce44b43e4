package dev.stowage.s3;

import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.spi.PartUploader;
import dev.stowage.spi.Timeouts;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The immutable configuration of an {@link S3Adapter}: bucket, root prefix, provider profile,
 * endpoint, credentials and transfer settings.
 *
 * <pre>{@code
 * S3Config config = S3Config.builder("my-bucket")
 *     .profile(S3Profile.B2)
 *     .endpoint(URI.create("https://s3.us-west-004.backblazeb2.com"))
 *     .credentials(System.getenv("B2_KEY_ID"), System.getenv("B2_KEY"))
 *     .prefix("assets")
 *     .build();
 * try (S3Adapter adapter = S3Adapter.create(config)) {
 *   // …
 * }
 * }</pre>
 *
 * <p>Without {@link Builder#credentials explicit credentials} the AWS default chain is used
 * (environment, system properties, profile files, container and instance roles). The secret key
 * never appears in {@link #toString()}.
 *
 * <p>Time limits ({@link #timeouts()}, default {@link Timeouts#DEFAULT}): {@code connect} bounds
 * one connection attempt, {@code idle} bounds how long a request may wait for the next byte of an
 * answer (the socket read timeout), and {@code operation} bounds one SDK call, its retries and
 * backoff included (the SDK's API call timeout). A download's body is read after its call has
 * returned, so a download that keeps moving bytes is limited only by {@code idle}; each part of a
 * multipart upload is a call of its own with its own {@code operation} deadline, and one PutObject
 * gets that deadline once for each part size's worth of its bytes.
 *
 * <p>Memory ({@link #memoryBudget()}, default {@link PartUploader#DEFAULT_MEMORY_BUDGET}): one
 * streamed upload buffers at most this much; the part size and the parts in flight are lowered to
 * fit (never below S3's 5 MiB part).
 */
public final class S3Config {

  static final long MIB = 1024L * 1024;
  static final long GIB = 1024L * MIB;

  /** The smallest part S3 accepts (except for the last part). */
  static final long MIN_PART_SIZE = 5 * MIB;

  /** The largest single PUT, single part, and single CopyObject S3 accepts. */
  static final long MAX_SINGLE_SIZE = 5 * GIB;

  private final String bucket;
  private final String prefix;
  private final S3Profile profile;
  private final @Nullable URI endpoint;
  private final String region;
  private final @Nullable String accessKeyId;
  private final @Nullable String secretAccessKey;
  private final @Nullable AwsCredentialsProvider credentialsProvider;
  private final boolean pathStyle;
  private final VisibilityMode visibilityMode;
  private final Visibility bucketVisibility;
  private final boolean createOnly;
  private final boolean signPayload;
  private final @Nullable URI publicUrlBase;
  private final long partSize;
  private final long multipartThreshold;
  private final int concurrency;
  private final long copyPartThreshold;
  private final long copyPartSize;
  private final int maxConnections;
  private final int maxSegmentBytes;
  private final Timeouts timeouts;
  private final long memoryBudget;
  private final List<ExecutionInterceptor> interceptors;

  private S3Config(Builder b) {
    this.bucket = b.bucket;
    this.prefix = b.prefix;
    this.profile =
        b.profile != null ? b.profile : (b.endpoint == null ? S3Profile.AWS : S3Profile.GENERIC);
    this.region = b.region != null ? b.region : profile.regionFor(b.endpoint);
    this.endpoint =
        b.endpoint != null
            ? b.endpoint
            : profile == S3Profile.B2
                ? URI.create("https://s3." + region + ".backblazeb2.com")
                : null;
    if (endpoint == null && profile != S3Profile.AWS) {
      throw new IllegalArgumentException("profile " + profile + " needs an endpoint");
    }
    this.accessKeyId = b.accessKeyId;
    this.secretAccessKey = b.secretAccessKey;
    this.credentialsProvider = b.credentialsProvider;
    profile.checkAccessKeyId(accessKeyId);
    this.pathStyle = b.pathStyle != null ? b.pathStyle : profile.pathStyle();
    this.visibilityMode = b.visibilityMode != null ? b.visibilityMode : profile.visibilityMode();
    this.bucketVisibility = b.bucketVisibility;
    this.createOnly = b.createOnly != null ? b.createOnly : profile.supportsCreateOnly();
    this.signPayload = b.signPayload;
    this.publicUrlBase = b.publicUrlBase;
    this.partSize = b.partSize;
    this.multipartThreshold =
        b.multipartThreshold > 0
            ? b.multipartThreshold
            : profile.defaultMultipartThreshold(b.partSize);
    this.concurrency = b.concurrency;
    this.copyPartThreshold = b.copyPartThreshold;
    this.copyPartSize = b.copyPartSize;
    this.maxConnections = Math.max(b.maxConnections, concurrency + 2);
    this.maxSegmentBytes = b.maxSegmentBytes > 0 ? b.maxSegmentBytes : profile.maxSegmentBytes();
    this.timeouts = b.timeouts;
    this.memoryBudget = b.memoryBudget;
    this.interceptors = List.copyOf(b.interceptors);
  }

  /** Returns a builder for a configuration of {@code bucket}. */
  public static Builder builder(String bucket) {
    return new Builder(bucket);
  }

  /** Returns a builder initialised with this configuration; any option may be set again once. */
  public Builder toBuilder() {
    Builder b = new Builder(bucket);
    b.prefix = prefix;
    b.profile = profile;
    b.endpoint = endpoint;
    b.region = region;
    b.accessKeyId = accessKeyId;
    b.secretAccessKey = secretAccessKey;
    b.credentialsProvider = credentialsProvider;
    b.pathStyle = pathStyle;
    b.visibilityMode = visibilityMode;
    b.bucketVisibility = bucketVisibility;
    b.createOnly = createOnly;
    b.signPayload = signPayload;
    b.publicUrlBase = publicUrlBase;
    b.partSize = partSize;
    b.multipartThreshold = multipartThreshold;
    b.concurrency = concurrency;
    b.copyPartThreshold = copyPartThreshold;
    b.copyPartSize = copyPartSize;
    b.maxConnections = maxConnections;
    b.maxSegmentBytes = maxSegmentBytes;
    b.timeouts = timeouts;
    b.memoryBudget = memoryBudget;
    b.interceptors.addAll(interceptors);
    return b;
  }

  /** Returns the bucket name. */
  public String bucket() {
    return bucket;
  }

  /** Returns the key prefix every path lives under, without slashes at either end ({@code ""}: the bucket root). */
  public String prefix() {
    return prefix;
  }

  /** Returns the provider profile. */
  public S3Profile profile() {
    return profile;
  }

  /** Returns the endpoint, or empty for the provider's default (AWS). */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** Returns the signing region: configured, or derived by the profile. */
  public String region() {
    return region;
  }

  /** Returns the explicit access key id, or empty when the default chain or a provider is used. */
  public Optional<String> accessKeyId() {
    return Optional.ofNullable(accessKeyId);
  }

  /** Returns whether path-style addressing is used. */
  public boolean pathStyle() {
    return pathStyle;
  }

  /** Returns how visibility works for this bucket. */
  public VisibilityMode visibilityMode() {
    return visibilityMode;
  }

  /** Returns the bucket's visibility, reported for every file when visibility is bucket-level. */
  public Visibility bucketVisibility() {
    return bucketVisibility;
  }

  /** Returns whether create-only writes ({@code If-None-Match: *}) are used and declared. */
  public boolean createOnly() {
    return createOnly;
  }

  /**
   * Returns whether request bodies are signed on {@code http://} endpoints (default false: they are
   * sent as {@code UNSIGNED-PAYLOAD}, as over HTTPS, where TLS protects them).
   */
  public boolean signPayload() {
    return signPayload;
  }

  /** Returns the base URL of public links, or empty to use the endpoint's object URL. */
  public Optional<URI> publicUrlBase() {
    return Optional.ofNullable(publicUrlBase);
  }

  /** Returns the size of each part of a multipart upload. */
  public long partSize() {
    return partSize;
  }

  /**
   * Returns the size from which writes are uploaded in parts (default: the profile's
   * {@link S3Profile#defaultMultipartThreshold(long)}).
   */
  public long multipartThreshold() {
    return multipartThreshold;
  }

  /** Returns how many parts are uploaded (or copied) at the same time. */
  public int concurrency() {
    return concurrency;
  }

  /** Returns the size above which copies use UploadPartCopy instead of one CopyObject. */
  public long copyPartThreshold() {
    return copyPartThreshold;
  }

  /** Returns the size of each part of a multipart copy. */
  public long copyPartSize() {
    return copyPartSize;
  }

  /** Returns the size of the HTTP connection pool. */
  public int maxConnections() {
    return maxConnections;
  }

  /** Returns the longest accepted path segment in UTF-8 bytes (default: the profile's). */
  public int maxSegmentBytes() {
    return maxSegmentBytes;
  }

  /** Returns the connection, stall and per-operation time limits (see the class doc). */
  public Timeouts timeouts() {
    return timeouts;
  }

  /**
   * Returns the most bytes one streamed upload buffers: its part size × (parts in flight + 1),
   * and the first bytes read to choose between one PutObject and a multipart upload.
   */
  public long memoryBudget() {
    return memoryBudget;
  }

  /**
   * Returns the part size a multipart upload of {@code length} bytes (-1: unknown) uses: the
   * configured one, lowered to fit the memory budget (but not below 5 MiB) and raised so that
   * the length fits in {@code maxParts} parts.
   *
   * <p>The budget counts one part more than {@link PartUploader} documents: a part that has just
   * been sent is still reachable for a moment while the next one is read, so a stream briefly
   * holds {@code partSize × (concurrency + 2)}. Measured in a 128 MiB heap, planning for
   * {@code concurrency + 1} left no headroom.
   */
  long partSizeFor(long length, int maxParts) {
    long size =
        PartUploader.partSizeWithin(
            memoryBudget, concurrency + 1, MIN_PART_SIZE, partSize, -1, maxParts);
    if (size < partSize) {
      size = Math.max(MIN_PART_SIZE, size / MIB * MIB); // whole MiB are easier to read in logs
    }
    if (length > 0 && length > size * maxParts) {
      long needed = (length + maxParts - 1) / maxParts;
      size = (needed + MIB - 1) / MIB * MIB;
    }
    return size;
  }

  /** The copy rate server-side copies are given time for on top of the operation deadline. */
  static final long COPY_BYTES_PER_SECOND = 16 * MIB;

  /**
   * Returns the API call timeout of a server-side copy of {@code bytes} bytes (CopyObject or one
   * UploadPartCopy): the operation deadline plus one second per 16 MiB. The service copies while
   * the call waits (AWS keeps the connection alive with blanks meanwhile), so a copy of gigabytes
   * must not be cut at the deadline of an ordinary call.
   */
  java.time.Duration copyTimeout(long bytes) {
    return timeouts.operation().plusSeconds(Math.max(0, bytes) / COPY_BYTES_PER_SECOND);
  }

  /**
   * Returns the API call timeout of one PutObject of {@code bytes} bytes: the operation deadline
   * for each part size's worth of bytes, the time the same bytes would have had as parts of a
   * multipart upload, so a large PUT that keeps moving is not cut at the deadline of a small call.
   */
  java.time.Duration putTimeout(long bytes) {
    long parts = Math.max(1, (Math.max(0, bytes) + partSize - 1) / partSize);
    return timeouts.operation().multipliedBy(parts);
  }

  /**
   * Returns how many parts of {@code partSize} bytes may upload at once within the memory budget,
   * counting the part being read and the one being released ({@code concurrency + 2} parts).
   */
  int concurrencyFor(long partSize) {
    return PartUploader.concurrencyWithin(
        Math.max(partSize, memoryBudget - partSize), partSize, concurrency);
  }

  /** Returns the extra SDK interceptors, in order. */
  public List<ExecutionInterceptor> interceptors() {
    return interceptors;
  }

  @Nullable String secretAccessKey() {
    return secretAccessKey;
  }

  @Nullable AwsCredentialsProvider credentialsProvider() {
    return credentialsProvider;
  }

  @Override
  public String toString() {
    String credentials =
        accessKeyId != null
            ? "explicit"
            : credentialsProvider != null ? "provider" : "default chain";
    return "S3Config[bucket="
        + bucket
        + ", prefix="
        + prefix
        + ", profile="
        + profile
        + ", endpoint="
        + endpoint
        + ", region="
        + region
        + ", pathStyle="
        + pathStyle
        + ", visibility="
        + visibilityMode
        + ", credentials="
        + credentials
        + ", timeouts="
        + timeouts
        + ", memoryBudget="
        + memoryBudget
        + "]";
  }

  /** Builds an {@link S3Config}; each option may be set once, and is checked when set. */
  public static final class Builder {
    private final String bucket;
    private final Set<String> set = new HashSet<>();
    private String prefix = "";
    private @Nullable S3Profile profile;
    private @Nullable URI endpoint;
    private @Nullable String region;
    private @Nullable String accessKeyId;
    private @Nullable String secretAccessKey;
    private @Nullable AwsCredentialsProvider credentialsProvider;
    private @Nullable Boolean pathStyle;
    private @Nullable VisibilityMode visibilityMode;
    private Visibility bucketVisibility = Visibility.PRIVATE;
    private @Nullable Boolean createOnly;
    private boolean signPayload;
    private @Nullable URI publicUrlBase;
    private long partSize = 16 * MIB;
    private long multipartThreshold;
    private int concurrency = 4;
    private long copyPartThreshold = MAX_SINGLE_SIZE;
    private long copyPartSize = GIB;
    private int maxConnections = 50;
    private int maxSegmentBytes;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private long memoryBudget = PartUploader.DEFAULT_MEMORY_BUDGET;
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();

    private Builder(String bucket) {
      Objects.requireNonNull(bucket, "bucket");
      if (!bucket.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,254}")) {
        throw new IllegalArgumentException("bucket: not a valid bucket name: '" + bucket + "'");
      }
      this.bucket = bucket;
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set");
      }
    }

    /** Sets the key prefix that is the filesystem's root; slashes at either end are dropped. */
    public Builder prefix(String value) {
      once("prefix");
      String p = Objects.requireNonNull(value, "prefix").replace('\\', '/');
      p = p.replaceAll("^/+", "").replaceAll("/+$", "");
      for (String segment : p.split("/", -1)) {
        if (!p.isEmpty() && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
          throw new IllegalArgumentException(
              "prefix: empty, '.' or '..' segment in '" + value + "'");
        }
      }
      this.prefix = p;
      return this;
    }

    /** Sets the provider profile (default: AWS without an endpoint, GENERIC with one). */
    public Builder profile(S3Profile value) {
      once("profile");
      this.profile = Objects.requireNonNull(value, "profile");
      return this;
    }

    /** Sets the endpoint, e.g. {@code https://s3.us-west-004.backblazeb2.com}. */
    public Builder endpoint(URI value) {
      once("endpoint");
      Objects.requireNonNull(value, "endpoint");
      String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || value.getHost() == null) {
        throw new IllegalArgumentException(
            "endpoint: expected an http(s) URL with a host: " + value);
      }
      if (value.getRawQuery() != null || value.getRawUserInfo() != null) {
        throw new IllegalArgumentException("endpoint: must not carry a query or user info");
      }
      this.endpoint = value;
      return this;
    }

    /** Sets the signing region (default: derived by the profile). */
    public Builder region(String value) {
      once("region");
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("region: must not be blank");
      }
      this.region = value.trim();
      return this;
    }

    /** Uses these credentials instead of the AWS default chain. */
    public Builder credentials(
        @Nullable String accessKeyIdValue, @Nullable String secretAccessKeyValue) {
      once("credentials");
      if (accessKeyIdValue == null
          || accessKeyIdValue.isBlank()
          || secretAccessKeyValue == null
          || secretAccessKeyValue.isBlank()) {
        throw new IllegalArgumentException(
            "credentials: access key id and secret must not be blank");
      }
      if (credentialsProvider != null) {
        throw new IllegalStateException("credentials cannot be combined with credentialsProvider");
      }
      this.accessKeyId = accessKeyIdValue;
      this.secretAccessKey = secretAccessKeyValue;
      return this;
    }

    /** Uses this SDK credentials provider instead of the AWS default chain. */
    public Builder credentialsProvider(AwsCredentialsProvider value) {
      once("credentialsProvider");
      if (accessKeyId != null) {
        throw new IllegalStateException("credentialsProvider cannot be combined with credentials");
      }
      this.credentialsProvider = Objects.requireNonNull(value, "credentialsProvider");
      return this;
    }

    /** Overrides the profile's addressing style. */
    public Builder pathStyle(boolean value) {
      once("pathStyle");
      this.pathStyle = value;
      return this;
    }

    /** Overrides the profile's visibility mode (e.g. NONE for an AWS bucket with ACLs disabled). */
    public Builder visibilityMode(VisibilityMode value) {
      once("visibilityMode");
      this.visibilityMode = Objects.requireNonNull(value, "visibilityMode");
      return this;
    }

    /** Sets the bucket's visibility, reported when visibility is bucket-level (default PRIVATE). */
    public Builder bucketVisibility(Visibility value) {
      once("bucketVisibility");
      this.bucketVisibility = Objects.requireNonNull(value, "bucketVisibility");
      return this;
    }

    /** Overrides whether the provider honours create-only writes ({@code If-None-Match: *}). */
    public Builder createOnly(boolean value) {
      once("createOnly");
      this.createOnly = value;
      return this;
    }

    /**
     * Sets whether request bodies sent to an {@code http://} endpoint carry a SHA-256 signature
     * the server checks (default false). Signing costs a pass over every body and, for uploads,
     * the SDK's {@code aws-chunked} encoding, which some servers decode slowly; HTTPS endpoints are
     * protected by TLS and never sign bodies.
     */
    public Builder signPayload(boolean value) {
      once("signPayload");
      this.signPayload = value;
      return this;
    }

    /** Sets the base URL public links are built on (a CDN or custom domain mapped to the bucket root). */
    public Builder publicUrlBase(URI value) {
      once("publicUrlBase");
      Objects.requireNonNull(value, "publicUrlBase");
      if (!value.isAbsolute() || value.getRawQuery() != null) {
        throw new IllegalArgumentException(
            "publicUrlBase: expected an absolute URL without query: " + value);
      }
      this.publicUrlBase = value;
      return this;
    }

    /** Sets the part size of multipart uploads (5 MiB to 5 GiB; default 16 MiB). */
    public Builder partSize(long bytes) {
      once("partSize");
      checkRange("partSize", bytes, MIN_PART_SIZE, MAX_SINGLE_SIZE);
      this.partSize = bytes;
      return this;
    }

    /**
     * Sets the size from which writes go in parts (1 byte to 5 GiB; default: the part size for
     * AWS, B2 and R2, 1 GiB for MinIO and generic servers; see
     * {@link S3Profile#defaultMultipartThreshold(long)}).
     */
    public Builder multipartThreshold(long bytes) {
      once("multipartThreshold");
      checkRange("multipartThreshold", bytes, 1, MAX_SINGLE_SIZE);
      this.multipartThreshold = bytes;
      return this;
    }

    /** Sets how many parts are transferred at once (1 to 64; default 4). */
    public Builder concurrency(int value) {
      once("concurrency");
      checkRange("concurrency", value, 1, 64);
      this.concurrency = value;
      return this;
    }

    /** Sets the size above which copies go in parts (1 byte to 5 GiB; default 5 GiB). */
    public Builder copyPartThreshold(long bytes) {
      once("copyPartThreshold");
      checkRange("copyPartThreshold", bytes, 1, MAX_SINGLE_SIZE);
      this.copyPartThreshold = bytes;
      return this;
    }

    /** Sets the part size of multipart copies (5 MiB to 5 GiB; default 1 GiB). */
    public Builder copyPartSize(long bytes) {
      once("copyPartSize");
      checkRange("copyPartSize", bytes, MIN_PART_SIZE, MAX_SINGLE_SIZE);
      this.copyPartSize = bytes;
      return this;
    }

    /** Sets the HTTP connection pool size (1 to 1000; default 50, at least concurrency + 2). */
    public Builder maxConnections(int value) {
      once("maxConnections");
      checkRange("maxConnections", value, 1, 1000);
      this.maxConnections = value;
      return this;
    }

    /**
     * Sets the longest accepted path segment in UTF-8 bytes (1 to 1024; default: the profile's),
     * for services that keep keys as files, such as S3Proxy's filesystem store (255).
     */
    public Builder maxSegmentBytes(int bytes) {
      once("maxSegmentBytes");
      checkRange("maxSegmentBytes", bytes, 1, 1024);
      this.maxSegmentBytes = bytes;
      return this;
    }

    /**
     * Sets the time limits (default {@link Timeouts#DEFAULT}: 5 s to connect, 30 s without a byte,
     * 60 s per operation); see the class doc for how they apply.
     */
    public Builder timeouts(Timeouts value) {
      once("timeouts");
      this.timeouts = Objects.requireNonNull(value, "timeouts");
      return this;
    }

    /**
     * Sets the most bytes one streamed upload may buffer (at least 15 MiB, three parts of S3's
     * smallest size: one sending, one being read, one being released; default 64 MiB). Part size
     * and concurrency are lowered to fit.
     */
    public Builder memoryBudget(long bytes) {
      once("memoryBudget");
      checkRange("memoryBudget", bytes, 3 * MIN_PART_SIZE, Long.MAX_VALUE);
      this.memoryBudget = bytes;
      return this;
    }

    /** Adds an SDK interceptor (metrics, tracing, tests that stage failures). */
    public Builder interceptor(ExecutionInterceptor value) {
      interceptors.add(Objects.requireNonNull(value, "interceptor"));
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalArgumentException when the profile needs an endpoint that is missing, the
     *     region cannot be derived, or the credentials are a B2 master key
     */
    public S3Config build() {
      return new S3Config(this);
    }

    private static void checkRange(String option, long value, long min, long max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            option + " (" + value + ") must be between " + min + " and " + max);
      }
    }
  }
}
