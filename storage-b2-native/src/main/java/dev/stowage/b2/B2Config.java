package dev.stowage.b2;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.spi.PartUploader;
import dev.stowage.spi.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link B2Adapter} reaches its bucket and moves bytes: endpoint, credentials, bucket and
 * root prefix, part sizes and cutoffs, concurrency, memory budget, delete mode, retries and
 * time limits.
 *
 * <pre>{@code
 * B2Config config = B2Config.builder("my-bucket")
 *     .prefix("assets")                                 // the filesystem root inside the bucket
 *     .credentials(B2Credentials.environment())         // the default
 *     .partSize(64 << 20)
 *     .concurrency(8)
 *     .build();
 * }</pre>
 *
 * <p>Sizes left at 0 are taken from the account authorisation: the part size is B2's
 * {@code recommendedPartSize}, the upload cutoff twice the part size. Whatever the part size,
 * one streamed upload buffers at most {@link #memoryBudget()} bytes ({@code partSize ×
 * (concurrency + 1)}): a recommended part size is shrunk to fit (never below B2's
 * {@code absoluteMinimumPartSize}), and an explicitly set part size is kept but the concurrency of
 * streamed uploads is lowered to fit (down to 1). {@link #toString()} never shows credentials.
 */
public final class B2Config {

  /** The largest file {@code b2_copy_file} copies in one call: 5 GB. */
  public static final long MAX_COPY_FILE_BYTES = 5_000_000_000L;

  private final String bucket;
  private final String prefix;
  private final URI endpoint;
  private final Supplier<B2Credentials> credentials;
  private final long partSize;
  private final long uploadCutoff;
  private final long copyCutoff;
  private final int concurrency;
  private final B2DeleteMode deleteMode;
  private final @Nullable String testMode;
  private final int listPageSize;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Timeouts timeouts;
  private final long memoryBudget;
  private final TemporaryUrlScope temporaryUrlScope;

  /** How narrowly a temporary download URL is scoped. */
  public enum TemporaryUrlScope {
    /**
     * The default: the token B2 issues opens every name that starts with the file's name, so the
     * URL of {@code share/report} also opens {@code share/report-confidential.txt} (B2's
     * {@code b2_get_download_authorization} scopes tokens by name prefix only).
     */
    PREFIX,
    /**
     * Only the one file: B2 has no such scope, so asking for a temporary URL fails with
     * {@code UNSUPPORTED} instead of handing out a token that opens more than the file.
     */
    EXACT
  }

  private B2Config(Builder b) {
    this.bucket = b.bucket;
    this.prefix = b.prefix;
    this.endpoint = b.endpoint;
    this.credentials = b.credentials;
    this.partSize = b.partSize;
    this.uploadCutoff = b.uploadCutoff;
    this.copyCutoff = b.copyCutoff;
    this.concurrency = b.concurrency;
    this.deleteMode = b.deleteMode;
    this.testMode = b.testMode;
    this.listPageSize = b.listPageSize;
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.timeouts = b.timeouts;
    this.memoryBudget = b.memoryBudget;
    this.temporaryUrlScope = b.temporaryUrlScope;
  }

  /** Returns a builder for {@code bucket} with defaults for everything else. */
  public static Builder builder(String bucket) {
    return new Builder(bucket);
  }

  /** Returns a builder initialised with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder(bucket);
    b.prefix = prefix;
    b.endpoint = endpoint;
    b.credentials = credentials;
    b.partSize = partSize;
    b.uploadCutoff = uploadCutoff;
    b.copyCutoff = copyCutoff;
    b.concurrency = concurrency;
    b.deleteMode = deleteMode;
    b.testMode = testMode;
    b.listPageSize = listPageSize;
    b.maxAttempts = maxAttempts;
    b.baseDelay = baseDelay;
    b.maxDelay = maxDelay;
    b.timeouts = timeouts;
    b.memoryBudget = memoryBudget;
    b.temporaryUrlScope = temporaryUrlScope;
    return b;
  }

  /** Returns the bucket name. */
  public String bucket() {
    return bucket;
  }

  /** Returns the root inside the bucket: {@code ""} or a name prefix without slashes at either end. */
  public String prefix() {
    return prefix;
  }

  /** Returns the authorisation endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  /** Returns the credential source (asked at each authorisation). */
  public Supplier<B2Credentials> credentials() {
    return credentials;
  }

  /** Returns the configured part size, or 0 for B2's {@code recommendedPartSize}. */
  public long partSize() {
    return partSize;
  }

  /** Returns the configured size from which uploads go in parts, or 0 for twice the part size. */
  public long uploadCutoff() {
    return uploadCutoff;
  }

  /** Returns the size from which copies go part by part ({@code b2_copy_part}). */
  public long copyCutoff() {
    return copyCutoff;
  }

  /** Returns how many parts (or uploads of one large write) run at once. */
  public int concurrency() {
    return concurrency;
  }

  /** Returns what {@code delete} does. */
  public B2DeleteMode deleteMode() {
    return deleteMode;
  }

  /** Returns the {@code X-Bz-Test-Mode} sent with every call, or null. */
  public @Nullable String testMode() {
    return testMode;
  }

  /** Returns how many names one listing call asks for. */
  public int listPageSize() {
    return listPageSize;
  }

  /** Returns how many times an operation is tried before its failure is reported. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the first retry delay (before jitter). */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** Returns the longest retry delay. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Returns the connect, idle and per-operation time limits (default {@link Timeouts#DEFAULT}). */
  public Timeouts timeouts() {
    return timeouts;
  }

  /**
   * Returns the most bytes one streamed upload buffers (default
   * {@link PartUploader#DEFAULT_MEMORY_BUDGET}, 64 MiB).
   */
  public long memoryBudget() {
    return memoryBudget;
  }

  /** Returns how temporary URLs are scoped (default {@link TemporaryUrlScope#PREFIX}). */
  public TemporaryUrlScope temporaryUrlScope() {
    return temporaryUrlScope;
  }

  @Override
  public String toString() {
    return "B2Config[bucket="
        + bucket
        + ", prefix="
        + prefix
        + ", endpoint="
        + endpoint
        + ", partSize="
        + partSize
        + ", uploadCutoff="
        + uploadCutoff
        + ", copyCutoff="
        + copyCutoff
        + ", concurrency="
        + concurrency
        + ", memoryBudget="
        + memoryBudget
        + ", deleteMode="
        + deleteMode
        + ", testMode="
        + testMode
        + ", listPageSize="
        + listPageSize
        + ", maxAttempts="
        + maxAttempts
        + ", baseDelay="
        + baseDelay
        + ", maxDelay="
        + maxDelay
        + ", timeouts="
        + timeouts
        + ", temporaryUrlScope="
        + temporaryUrlScope
        + "]";
  }

  /** Builds a {@link B2Config}; every setter checks its value at once. */
  public static final class Builder {
    private final String bucket;
    private String prefix = "";
    private URI endpoint = B2Client.DEFAULT_ENDPOINT;
    private Supplier<B2Credentials> credentials = B2Credentials.environment();
    private long partSize;
    private long uploadCutoff;
    private long copyCutoff = MAX_COPY_FILE_BYTES;
    private int concurrency = 4;
    private B2DeleteMode deleteMode = B2DeleteMode.ALL_VERSIONS;
    private @Nullable String testMode;
    private int listPageSize = 1000;
    private int maxAttempts = 8;
    private Duration baseDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(64);
    private Timeouts timeouts = Timeouts.DEFAULT;
    private long memoryBudget = PartUploader.DEFAULT_MEMORY_BUDGET;
    private TemporaryUrlScope temporaryUrlScope = TemporaryUrlScope.PREFIX;

    private Builder(String bucket) {
      Objects.requireNonNull(bucket, "bucket");
      if (!bucket.matches("[A-Za-z0-9-]{1,63}")) {
        throw new IllegalArgumentException(
            "bucket (" + bucket + ") must be 1..63 letters, digits or '-'");
      }
      this.bucket = bucket;
    }

    /** Sets the root inside the bucket; leading and trailing slashes are dropped. */
    public Builder prefix(String value) {
      Objects.requireNonNull(value, "prefix");
      String p = value.replaceAll("^/+|/+$", "");
      if (p.contains("//")) {
        throw new IllegalArgumentException(
            "prefix (" + value + ") must not contain empty segments");
      }
      this.prefix = p;
      return this;
    }

    /**
     * Sets the authorisation endpoint (default the production API; the emulator's URL in tests).
     * An endpoint with user info ({@code http://user:secret@host}) is refused: credentials go in
     * {@link #credentials}, and the message never repeats the user info.
     */
    public Builder endpoint(URI value) {
      Objects.requireNonNull(value, "endpoint");
      if (value.getRawUserInfo() != null
          || (value.getHost() == null
              && value.getRawAuthority() != null
              && value.getRawAuthority().contains("@"))) {
        throw new IllegalArgumentException(
            "endpoint ("
                + value.getScheme()
                + "://…) must not carry user info;"
                + " give credentials with keyId/applicationKey or B2_APPLICATION_KEY_ID/B2_APPLICATION_KEY");
      }
      if (!"http".equals(value.getScheme()) && !"https".equals(value.getScheme())) {
        throw new IllegalArgumentException("endpoint (" + value + ") must be an http or https URL");
      }
      this.endpoint = value;
      return this;
    }

    /** Uses fixed credentials. */
    public Builder credentials(B2Credentials value) {
      this.credentials = Objects.requireNonNull(value, "credentials").asSource();
      return this;
    }

    /** Uses a credential source (default: the environment variables {@code B2_APPLICATION_KEY_ID}/{@code B2_APPLICATION_KEY}). */
    public Builder credentials(Supplier<B2Credentials> source) {
      this.credentials = Objects.requireNonNull(source, "credentials");
      return this;
    }

    /** Sets the part size in bytes (0: B2's recommendation); it grows when a file would need over 10,000 parts. */
    public Builder partSize(long bytes) {
      if (bytes < 0 || bytes > 5_000_000_000L) {
        throw new IllegalArgumentException("partSize (" + bytes + ") must be 0..5000000000");
      }
      this.partSize = bytes;
      return this;
    }

    /** Sets the size from which uploads go as large files (0: twice the part size). */
    public Builder uploadCutoff(long bytes) {
      if (bytes < 0 || bytes > 5_000_000_000L) {
        throw new IllegalArgumentException("uploadCutoff (" + bytes + ") must be 0..5000000000");
      }
      this.uploadCutoff = bytes;
      return this;
    }

    /** Sets the size from which copies use {@code b2_copy_part} (at most and default 5 GB). */
    public Builder copyCutoff(long bytes) {
      if (bytes < 1 || bytes > MAX_COPY_FILE_BYTES) {
        throw new IllegalArgumentException(
            "copyCutoff (" + bytes + ") must be 1.." + MAX_COPY_FILE_BYTES);
      }
      this.copyCutoff = bytes;
      return this;
    }

    /** Sets how many parts upload or copy at once (1..64). */
    public Builder concurrency(int value) {
      if (value < 1 || value > 64) {
        throw new IllegalArgumentException("concurrency (" + value + ") must be 1..64");
      }
      this.concurrency = value;
      return this;
    }

    /** Sets what {@code delete} does (default {@link B2DeleteMode#ALL_VERSIONS}). */
    public Builder deleteMode(B2DeleteMode value) {
      this.deleteMode = Objects.requireNonNull(value, "deleteMode");
      return this;
    }

    /** Sends {@code X-Bz-Test-Mode} with every call (null: none); for resilience tests only. */
    public Builder testMode(@Nullable String value) {
      if (value != null && !value.matches("[a-z_]+")) {
        throw new IllegalArgumentException("testMode (" + value + ") must be a B2 test mode name");
      }
      this.testMode = value;
      return this;
    }

    /** Sets how many names one listing call asks for (1..10000, default 1000). */
    public Builder listPageSize(int value) {
      if (value < 1 || value > 10_000) {
        throw new IllegalArgumentException("listPageSize (" + value + ") must be 1..10000");
      }
      this.listPageSize = value;
      return this;
    }

    /**
     * Sets retries: at most {@code maxAttempts} tries, waiting a random time up to
     * {@code baseDelay × 2^n} (at most {@code maxDelay}) or the server's {@code Retry-After}.
     */
    public Builder retry(int maxAttempts, Duration baseDelay, Duration maxDelay) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts (" + maxAttempts + ") must be positive");
      }
      Objects.requireNonNull(baseDelay, "baseDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
      if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException(
            "retry delays (" + baseDelay + ", " + maxDelay + ") must satisfy 0 <= base <= max");
      }
      this.maxAttempts = maxAttempts;
      this.baseDelay = baseDelay;
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Sets the time limits: {@code connect} per connection attempt, {@code idle} without a byte
     * moving (OkHttp's read and write timeouts), {@code operation} per operation with its retries
     * (each part of a large write and each resume of a download has its own).
     */
    public Builder timeouts(Timeouts value) {
      this.timeouts = Objects.requireNonNull(value, "timeouts");
      return this;
    }

    /**
     * Sets the most bytes of part buffers one streamed upload may hold (at least 1 MiB; default
     * 64 MiB). The part size then follows B2's recommendation only as far as
     * {@code partSize × (concurrency + 1)} fits, never below B2's {@code absoluteMinimumPartSize};
     * an explicit {@link #partSize} wins, and the concurrency of streamed uploads is lowered instead.
     */
    public Builder memoryBudget(long bytes) {
      if (bytes < (1L << 20)) {
        throw new IllegalArgumentException(
            "memoryBudget (" + bytes + ") must be at least 1 MiB (1048576)");
      }
      this.memoryBudget = bytes;
      return this;
    }

    /** Sets how temporary URLs are scoped (default {@link TemporaryUrlScope#PREFIX}, see there). */
    public Builder temporaryUrlScope(TemporaryUrlScope value) {
      this.temporaryUrlScope = Objects.requireNonNull(value, "temporaryUrlScope");
      return this;
    }

    /** Returns the configuration. */
    public B2Config build() {
      return new B2Config(this);
    }
  }
}
