package dev.stowage.b2.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.spi.Deadline;
import dev.stowage.spi.Timeouts;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Calls the Backblaze B2 native API (v2): one method per {@code b2_*} call, records in and out.
 *
 * <pre>{@code
 * try (B2Client b2 = B2Client.builder()
 *     .credentials(B2Credentials.environment())          // B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY
 *     .build()) {
 *   B2Bucket bucket = b2.listBuckets(null, "my-bucket").get(0);
 *   B2FileNamesPage page = b2.listFileNames(B2ListFilesRequest.of(bucket.bucketId(), "docs/", "/", 1000));
 * }
 * }</pre>
 *
 * <p><b>Authorisation</b> is lazy: the first call authorises with the credential source and caches
 * the account token (at most {@link Builder#tokenLifetime}). A call answered with 401
 * {@code expired_auth_token} or {@code bad_auth_token} authorises again and is repeated once.
 *
 * <p><b>Errors.</b> An error answer throws {@link B2Exception} (status, code, message); a transport
 * failure throws {@link java.io.UncheckedIOException}. Nothing else is retried here: retries need
 * domain steps (a new upload URL after a failed upload) and belong to the caller. Messages and
 * logs never contain a key, a key id or a token.
 *
 * <p>Instances are thread-safe and meant to be shared; {@link #close()} releases connections.
 * Each method makes one HTTP call (plus an authorisation when none is cached).
 */
public final class B2Client implements AutoCloseable {

  /** The production authorisation endpoint. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://api.backblazeb2.com");

  private final URI endpoint;
  private final Transport transport;
  private final Authorizer authorizer;
  private final boolean ownsHttp;

  private B2Client(Builder b) {
    this.endpoint = b.endpoint;
    ObjectMapper mapper =
        new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // Null record fields stay out of requests; map entries (rule objects) are the caller's
            // JSON.
            .setDefaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    // The loader runs at the first call, after the constructor has set the transport.
    // build() has refused a builder without credentials.
    this.authorizer =
        new Authorizer(Objects.requireNonNull(b.credentials), this::authorize, b.tokenLifetime);
    ErrorBodies errors = new ErrorBodies(mapper, authorizer);
    OkHttpClient.Builder http =
        (b.httpClient == null ? new OkHttpClient.Builder() : b.httpClient.newBuilder())
            .addInterceptor(new UserAgentInterceptor(b.userAgent));
    if (b.httpClient == null || b.timeouts != null) {
      Timeouts t = b.timeouts != null ? b.timeouts : Timeouts.DEFAULT;
      http.connectTimeout(t.connect()).readTimeout(t.idle()).writeTimeout(t.idle());
    }
    if (b.testMode != null) {
      http.addInterceptor(new TestModeInterceptor(b.testMode));
    }
    http.addInterceptor(new AuthInterceptor(authorizer, errors))
        .addNetworkInterceptor(new LoggingInterceptor());
    this.transport = new Transport(http.build(), mapper, authorizer, errors);
    this.ownsHttp = b.httpClient == null;
  }

  /** Returns a builder for the production endpoint and no credentials yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Ends a {@link #deadline(Deadline)} scope; closing twice does nothing more. */
  public interface DeadlineScope extends AutoCloseable {
    /** Restores the deadline that was in force before the scope began. */
    @Override
    void close();
  }

  /**
   * Makes {@code deadline} the deadline of every call this thread makes (on any client) until
   * the returned scope is closed: a call that has not got its answer (for downloads: the response
   * headers) by then is abandoned and fails with an {@link java.io.UncheckedIOException} whose
   * cause is a {@link java.net.SocketTimeoutException}; a call started after it fails at once.
   * Scopes nest; closing one restores the previous deadline.
   *
   * <!-- given: B2Client b2; String bucketId -->
   * <pre>{@code
   * try (B2Client.DeadlineScope s = B2Client.deadline(Deadline.after(Duration.ofSeconds(60)))) {
   *   b2.listFileNames(B2ListFilesRequest.of(bucketId, "docs/", "/", 1000));
   * }
   * }</pre>
   */
  public static DeadlineScope deadline(Deadline deadline) {
    Objects.requireNonNull(deadline, "deadline");
    Deadline previous = CallDeadline.set(deadline);
    boolean[] closed = {false};
    return () -> {
      if (!closed[0]) {
        closed[0] = true;
        CallDeadline.set(previous);
      }
    };
  }

  // ---- authorisation ----

  /** Returns the cached account authorisation, authorising first when there is none. */
  public B2Authorization authorization() {
    return authorizer.current();
  }

  /** Calls {@code b2_authorize_account} now and caches the result in place of any older one. */
  public B2Authorization authorizeAccount() {
    authorizer.invalidateAll();
    return authorizer.current();
  }

  private B2Authorization authorize(B2Credentials c) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (c.keyId() + ":" + c.applicationKey()).getBytes(StandardCharsets.UTF_8));
    Request request =
        new Request.Builder()
            .url(
                endpoint.toString().replaceAll("/+$", "")
                    + Transport.API_PREFIX
                    + "b2_authorize_account")
            .get()
            .header("Authorization", "Basic " + basic)
            .tag(CallTag.class, CallTag.explicit("b2_authorize_account"))
            .build();
    return transport.readJson(request, "b2_authorize_account", B2Authorization.class);
  }

  // ---- buckets ----

  /**
   * Calls {@code b2_list_buckets} for every bucket type, optionally filtered by id or name (an
   * unmatched filter yields an empty list). A bucket-restricted key must filter on its bucket.
   */
  public List<B2Bucket> listBuckets(@Nullable String bucketId, @Nullable String bucketName) {
    Map<String, Object> body = account();
    body.put("bucketId", bucketId);
    body.put("bucketName", bucketName);
    body.put("bucketTypes", List.of("all"));
    return transport.post("b2_list_buckets", body, BucketList.class).buckets();
  }

  /** Calls {@code b2_create_bucket}; {@code fileLockEnabled} is sent only when true. */
  public B2Bucket createBucket(B2CreateBucketRequest request) {
    Map<String, Object> body = account();
    body.put("bucketName", request.bucketName());
    body.put("bucketType", request.bucketType());
    body.put("bucketInfo", request.bucketInfo());
    body.put("corsRules", request.corsRules());
    body.put("lifecycleRules", request.lifecycleRules());
    body.put("defaultServerSideEncryption", request.defaultServerSideEncryption());
    body.put("fileLockEnabled", request.fileLockEnabled() ? Boolean.TRUE : null);
    return transport.post("b2_create_bucket", body, B2Bucket.class);
  }

  /** Calls {@code b2_update_bucket}; 409 {@code conflict} when {@code ifRevisionIs} does not hold. */
  public B2Bucket updateBucket(B2UpdateBucketRequest request) {
    Map<String, Object> body = account();
    body.put("bucketId", request.bucketId());
    body.put("bucketType", request.bucketType());
    body.put("bucketInfo", request.bucketInfo());
    body.put("corsRules", request.corsRules());
    body.put("lifecycleRules", request.lifecycleRules());
    body.put("defaultServerSideEncryption", request.defaultServerSideEncryption());
    body.put("fileLockEnabled", request.fileLockEnabled());
    body.put(
        "defaultRetention",
        request.defaultRetention() == null ? null : request.defaultRetention().toJson());
    body.put("ifRevisionIs", request.ifRevisionIs());
    return transport.post("b2_update_bucket", body, B2Bucket.class);
  }

  /** Calls {@code b2_delete_bucket}; the bucket must be empty (no versions, no unfinished files). */
  public B2Bucket deleteBucket(String bucketId) {
    Map<String, Object> body = account();
    body.put("bucketId", bucketId);
    return transport.post("b2_delete_bucket", body, B2Bucket.class);
  }

  // ---- small files ----

  /** Calls {@code b2_get_upload_url}: a URL and token for uploads into {@code bucketId}. */
  public B2UploadUrl getUploadUrl(String bucketId) {
    return transport.post("b2_get_upload_url", fields("bucketId", bucketId), B2UploadUrl.class);
  }

  /**
   * Calls {@code b2_upload_file}: streams {@code request.contentLength()} bytes of {@code body}
   * (not closed) to {@code url}. Without a SHA-1 in the request, sends {@code hex_digits_at_end}.
   * After any failure, {@code url} must not be used again.
   */
  public B2FileVersion uploadFile(B2UploadUrl url, B2UploadFileRequest request, InputStream body) {
    return Uploads.uploadFile(transport, url, request, body);
  }

  // ---- large files ----

  /** Calls {@code b2_start_large_file}; returns the unfinished file ({@code action} {@code start}). */
  public B2FileVersion startLargeFile(B2StartLargeFileRequest request) {
    Map<String, Object> body = fields("bucketId", request.bucketId());
    body.put("fileName", request.fileName());
    body.put("contentType", request.contentType());
    body.put("fileInfo", request.fileInfo());
    return transport.post("b2_start_large_file", body, B2FileVersion.class);
  }

  /** Calls {@code b2_get_upload_part_url}: a URL and token for the parts of {@code fileId}. */
  public B2UploadUrl getUploadPartUrl(String fileId) {
    return transport.post("b2_get_upload_part_url", fields("fileId", fileId), B2UploadUrl.class);
  }

  /**
   * Calls {@code b2_upload_part}: streams {@code length} bytes of {@code body} (not closed) as part
   * {@code partNumber}; {@code sha1} null sends {@code hex_digits_at_end}. After any failure,
   * {@code url} must not be used again.
   */
  public B2Part uploadPart(
      B2UploadUrl url, int partNumber, long length, @Nullable String sha1, InputStream body) {
    return Uploads.uploadPart(transport, url, partNumber, length, sha1, body);
  }

  /** Calls {@code b2_finish_large_file} with the SHA-1 of parts 1..N in order. */
  public B2FileVersion finishLargeFile(String fileId, List<String> partSha1Array) {
    Map<String, Object> body = fields("fileId", fileId);
    body.put("partSha1Array", List.copyOf(partSha1Array));
    return transport.post("b2_finish_large_file", body, B2FileVersion.class);
  }

  /** Calls {@code b2_cancel_large_file}: the unfinished file and its parts are deleted. */
  public B2DeletedFile cancelLargeFile(String fileId) {
    return transport.post("b2_cancel_large_file", fields("fileId", fileId), B2DeletedFile.class);
  }

  /** Calls {@code b2_list_parts} from {@code startPartNumber} (null: 1), at most {@code maxPartCount} (0: 100). */
  public B2PartsPage listParts(String fileId, Integer startPartNumber, int maxPartCount) {
    Map<String, Object> body = fields("fileId", fileId);
    body.put("startPartNumber", startPartNumber);
    body.put("maxPartCount", maxPartCount > 0 ? maxPartCount : null);
    return transport.post("b2_list_parts", body, B2PartsPage.class);
  }

  /** Calls {@code b2_list_unfinished_large_files} (oldest first; at most 100 per page). */
  public B2FileVersionsPage listUnfinishedLargeFiles(
      String bucketId, String namePrefix, @Nullable String startFileId, int maxFileCount) {
    Map<String, Object> body = fields("bucketId", bucketId);
    body.put("namePrefix", namePrefix);
    body.put("startFileId", startFileId);
    body.put("maxFileCount", maxFileCount > 0 ? maxFileCount : null);
    return transport.post("b2_list_unfinished_large_files", body, B2FileVersionsPage.class);
  }

  // ---- listing and file versions ----

  /** Calls {@code b2_list_file_names}: the newest visible version of each name, folders collapsed with a delimiter. */
  public B2FileNamesPage listFileNames(B2ListFilesRequest request) {
    return transport.post("b2_list_file_names", listBody(request, false), B2FileNamesPage.class);
  }

  /** Calls {@code b2_list_file_versions}: every version, hide markers and unfinished files included. */
  public B2FileVersionsPage listFileVersions(B2ListFilesRequest request) {
    return transport.post(
        "b2_list_file_versions", listBody(request, true), B2FileVersionsPage.class);
  }

  /** Calls {@code b2_get_file_info}; 404 {@code not_found} for an unknown id. */
  public B2FileVersion getFileInfo(String fileId) {
    return transport.post("b2_get_file_info", fields("fileId", fileId), B2FileVersion.class);
  }

  /** Calls {@code b2_hide_file}: a hide marker becomes the newest version of {@code fileName}. */
  public B2FileVersion hideFile(String bucketId, String fileName) {
    Map<String, Object> body = fields("bucketId", bucketId);
    body.put("fileName", fileName);
    return transport.post("b2_hide_file", body, B2FileVersion.class);
  }

  /** Calls {@code b2_delete_file_version}; 400 {@code file_not_present} when there is no such version. */
  public B2DeletedFile deleteFileVersion(String fileName, String fileId) {
    Map<String, Object> body = fields("fileName", fileName);
    body.put("fileId", fileId);
    return transport.post("b2_delete_file_version", body, B2DeletedFile.class);
  }

  /** Calls {@code b2_copy_file} (server side; the result must be under 5 GB). */
  public B2FileVersion copyFile(B2CopyFileRequest request) {
    Map<String, Object> body = fields("sourceFileId", request.sourceFileId());
    body.put("fileName", request.fileName());
    body.put("destinationBucketId", request.destinationBucketId());
    body.put("range", request.range());
    body.put("metadataDirective", request.metadataDirective());
    body.put("contentType", request.contentType());
    body.put("fileInfo", request.fileInfo());
    return transport.post("b2_copy_file", body, B2FileVersion.class);
  }

  /** Calls {@code b2_copy_part}: copies a range of a file into a part of an unfinished large file. */
  public B2Part copyPart(B2CopyPartRequest request) {
    Map<String, Object> body = fields("sourceFileId", request.sourceFileId());
    body.put("largeFileId", request.largeFileId());
    body.put("partNumber", request.partNumber());
    body.put("range", request.range());
    return transport.post("b2_copy_part", body, B2Part.class);
  }

  // ---- downloads ----

  /**
   * Downloads the newest version of {@code fileName}, or {@code range} of it (an HTTP range such
   * as {@code bytes=0-99}, or null). The bytes arrive exactly as stored (no transparent
   * decompression). 404 {@code not_found} for a missing or hidden name, 416 for a range that
   * starts past the end.
   */
  public B2Download downloadFileByName(String bucketName, String fileName, @Nullable String range) {
    return Downloads.get(
        transport, "b2_download_file_by_name", byNamePath(bucketName, fileName), range);
  }

  /** Downloads the version {@code fileId}, or {@code range} of it, like {@link #downloadFileByName}. */
  public B2Download downloadFileById(String fileId, @Nullable String range) {
    return Downloads.get(transport, "b2_download_file_by_id", byIdPath(fileId), range);
  }

  /** Sends {@code HEAD} for the newest version of {@code fileName}: its headers, no body. */
  public B2FileHeaders headFileByName(String bucketName, String fileName) {
    return Downloads.head(transport, "b2_download_file_by_name", byNamePath(bucketName, fileName));
  }

  /** Sends {@code HEAD} for the version {@code fileId}. */
  public B2FileHeaders headFileById(String fileId) {
    return Downloads.head(transport, "b2_download_file_by_id", byIdPath(fileId));
  }

  /** Returns the by-name download URL of {@code fileName} ({@code /file/bucket/name}, percent-encoded). */
  public URI fileUrl(String bucketName, String fileName) {
    return URI.create(authorizer.current().downloadUrl() + byNamePath(bucketName, fileName));
  }

  /** Calls {@code b2_get_download_authorization}: a token for by-name downloads under a prefix. */
  public B2DownloadAuthorization getDownloadAuthorization(B2DownloadAuthorizationRequest request) {
    Map<String, Object> body = fields("bucketId", request.bucketId());
    body.put("fileNamePrefix", request.fileNamePrefix());
    body.put("validDurationInSeconds", request.validDurationInSeconds());
    body.put("b2ContentDisposition", request.b2ContentDisposition());
    return transport.post("b2_get_download_authorization", body, B2DownloadAuthorization.class);
  }

  // ---- keys ----

  /** Calls {@code b2_create_key}; the result is the only place the new secret appears. */
  public B2Key createKey(B2CreateKeyRequest request) {
    Map<String, Object> body = account();
    body.put("keyName", request.keyName());
    body.put("capabilities", request.capabilities());
    body.put("validDurationInSeconds", request.validDurationInSeconds());
    body.put("bucketId", request.bucketId());
    body.put("namePrefix", request.namePrefix());
    return transport.post("b2_create_key", body, B2Key.class);
  }

  /** Calls {@code b2_list_keys} from {@code startApplicationKeyId} (null: the first), {@code maxKeyCount} (0: 100). */
  public B2KeysPage listKeys(@Nullable String startApplicationKeyId, int maxKeyCount) {
    Map<String, Object> body = account();
    body.put("startApplicationKeyId", startApplicationKeyId);
    body.put("maxKeyCount", maxKeyCount > 0 ? maxKeyCount : null);
    return transport.post("b2_list_keys", body, B2KeysPage.class);
  }

  /** Calls {@code b2_delete_key}. */
  public B2Key deleteKey(String applicationKeyId) {
    return transport.post(
        "b2_delete_key", fields("applicationKeyId", applicationKeyId), B2Key.class);
  }

  // ---- helpers ----

  /**
   * Percent-encodes a file name (or info value) the way B2 headers and download paths expect:
   * every UTF-8 byte but letters, digits, {@code -._~} and {@code /}.
   */
  public static String percentEncode(String value) {
    return Names.encode(value);
  }

  /** Closes idle connections and stops the connection pool's threads when this client created them. */
  @Override
  public void close() {
    if (ownsHttp) {
      transport.http.dispatcher().executorService().shutdown();
      transport.http.connectionPool().evictAll();
    }
  }

  private Map<String, Object> account() {
    return fields("accountId", authorizer.current().accountId());
  }

  private static Map<String, Object> fields(String name, Object value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(name, value);
    return body;
  }

  private static Map<String, Object> listBody(B2ListFilesRequest r, boolean versions) {
    Map<String, Object> body = fields("bucketId", r.bucketId());
    body.put("prefix", r.prefix());
    body.put("delimiter", r.delimiter());
    body.put("startFileName", r.startFileName());
    if (versions) {
      body.put("startFileId", r.startFileId());
    }
    body.put("maxFileCount", r.maxFileCount() > 0 ? r.maxFileCount() : null);
    return body;
  }

  private static String byNamePath(String bucketName, String fileName) {
    return "/file/" + Names.encode(bucketName) + "/" + Names.encode(fileName);
  }

  private static String byIdPath(String fileId) {
    return Transport.API_PREFIX + "b2_download_file_by_id?fileId=" + Names.encode(fileId);
  }

  /** The {@code b2_list_buckets} answer. */
  private record BucketList(List<B2Bucket> buckets) {
    BucketList {
      buckets = Values.list(buckets);
    }
  }

  /** Configures a {@link B2Client}. */
  public static final class Builder {
    private URI endpoint = DEFAULT_ENDPOINT;
    private @Nullable Supplier<B2Credentials> credentials;
    private String userAgent = "stowage-b2/0.1 (Java " + System.getProperty("java.version") + ")";
    private @Nullable String testMode;
    private Duration tokenLifetime = Duration.ofHours(23);
    private @Nullable OkHttpClient httpClient;
    private @Nullable Timeouts timeouts;

    private Builder() {}

    /**
     * Sets the connection timeout ({@link Timeouts#connect()}) and the stall timeout
     * ({@link Timeouts#idle()}, used as OkHttp's read and write timeouts). Default
     * {@link Timeouts#DEFAULT}, or the given {@link #httpClient}'s own values when one is given.
     * The operation deadline is the caller's, per thread: see {@link B2Client#deadline(Deadline)}.
     */
    public Builder timeouts(Timeouts value) {
      this.timeouts = Objects.requireNonNull(value, "timeouts");
      return this;
    }

    /**
     * Sets the authorisation endpoint (default {@link #DEFAULT_ENDPOINT}); {@code http://127.0.0.1:port}
     * for the emulator. An endpoint with user info is refused without repeating it: credentials
     * go in {@link #credentials}.
     */
    public Builder endpoint(URI value) {
      Objects.requireNonNull(value, "endpoint");
      if (value.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "endpoint ("
                + value.getScheme()
                + "://…) must not carry user info;"
                + " give credentials with credentials(...)");
      }
      if (!"http".equals(value.getScheme()) && !"https".equals(value.getScheme())) {
        throw new IllegalArgumentException("endpoint must be an http(s) URL: " + value);
      }
      this.endpoint = value;
      return this;
    }

    /** Uses fixed credentials. */
    public Builder credentials(B2Credentials value) {
      return credentials(Objects.requireNonNull(value, "credentials").asSource());
    }

    /** Uses a credential source, asked at every authorisation (e.g. {@link B2Credentials#environment()}). */
    public Builder credentials(Supplier<B2Credentials> source) {
      this.credentials = Objects.requireNonNull(source, "credential source");
      return this;
    }

    /** Sets the {@code User-Agent}. */
    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /**
     * Sends {@code X-Bz-Test-Mode: value} on every call ({@code fail_some_uploads},
     * {@code expire_some_account_authorization_tokens}, {@code force_cap_exceeded}); null for none.
     */
    public Builder testMode(@Nullable String value) {
      this.testMode = value;
      return this;
    }

    /** Sets how long an account token is reused before authorising again (default 23 h, B2's limit is 24 h). */
    public Builder tokenLifetime(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive: " + value);
      }
      this.tokenLifetime = value;
      return this;
    }

    /** Derives the HTTP client from {@code value} (timeouts, proxy, pools); it is not closed by the client. */
    public Builder httpClient(OkHttpClient value) {
      this.httpClient = Objects.requireNonNull(value, "httpClient");
      return this;
    }

    /** Returns the client; fails if no credentials were given. */
    public B2Client build() {
      if (credentials == null) {
        throw new IllegalStateException(
            "credentials are required (e.g. B2Credentials.environment())");
      }
      return new B2Client(this);
    }
  }
}
