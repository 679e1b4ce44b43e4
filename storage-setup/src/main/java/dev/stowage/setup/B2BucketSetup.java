package dev.stowage.setup;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateKeyRequest;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2Exception;
import dev.stowage.b2.client.B2Key;
import dev.stowage.b2.client.B2KeysPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Sets up a B2 bucket through the B2 native API: creates it or updates its type, default encryption, CORS and
 * lifecycle rules, and creates application keys — what the B2 web console guide does by hand, repeatably.
 *
 * <!-- given: BucketSpec spec -->
 * <pre>{@code
 * try (B2BucketSetup setup = B2BucketSetup.builder().build()) {   // B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY
 *     Plan plan = setup.plan(spec);          // reads; no change
 *     System.out.println(plan);               // one line per change
 *     SetupResult result = setup.apply(plan, Path.of("bucket.env")); // checks the file, changes, saves secrets
 * }
 * }</pre>
 *
 * <p>{@link #plan} validates the spec first (no call is made for an invalid spec), then makes one
 * {@code b2_authorize_account}, one {@code b2_list_buckets} and, when the spec has keys, {@code b2_list_keys} calls.
 * {@link #apply} makes at most one {@code b2_create_bucket} or {@code b2_update_bucket} (guarded by
 * {@code ifRevisionIs}; on a revision conflict it re-plans once and tries again) and one {@code b2_create_key} per
 * new key. Running a spec twice changes nothing the second time.
 *
 * <p>The credentials need {@code listBuckets}, {@code writeBuckets} and, for keys, {@code listKeys} and
 * {@code writeKeys}: normally the master key. Thread-safe; close it to release connections.
 */
public final class B2BucketSetup implements AutoCloseable {
  private final OkHttpClient http;
  private final B2Client client;
  private final B2Buckets buckets;

  private B2BucketSetup(Builder b) {
    // Our own HTTP client, for the connect timeout; B2Client leaves a given client open, so close()
    // shuts it.
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(b.timeout)
            .readTimeout(Duration.ofMinutes(2))
            .writeTimeout(Duration.ofMinutes(2))
            .build();
    this.client =
        B2Client.builder()
            .endpoint(b.endpoint)
            .credentials(b.credentials)
            .userAgent("stowage-setup/0.1")
            .httpClient(http)
            .build();
    this.buckets = new B2Buckets(client);
  }

  /** Returns a builder for the production endpoint with credentials from the environment. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the bucket and keys and returns what applying {@code spec} would change. Makes no change.
   *
   * @throws InvalidSpecException if the spec breaks B2's rules (before any call), or if its lifecycle rules
   *     overlap rules kept on the bucket
   * @throws SetupException if a call fails (bad credentials, missing capability, network)
   */
  public Plan plan(BucketSpec spec) {
    Objects.requireNonNull(spec, "spec");
    SpecValidator.check(spec, SpecValidator.Target.B2);
    return guarded(
        "plan",
        () -> {
          BucketState existing = buckets.find(spec.name());
          List<B2Key> keys = spec.keys().isEmpty() ? List.of() : listKeys();
          return B2Planner.plan(spec, existing, keys);
        });
  }

  /**
   * Makes the plan's changes and returns the bucket's details and the new keys' secrets.
   *
   * @throws IllegalArgumentException if the plan was made by an S3 setup
   * @throws SetupException if a call fails, the bucket name belongs to another account, or the bucket's revision
   *     changed again after one re-plan
   */
  public SetupResult apply(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    if (!(plan.draft() instanceof B2Draft)) {
      throw new IllegalArgumentException(
          "this plan was made for " + plan.service() + ", not by a B2 setup");
    }
    return guarded("apply", () -> applyDraft(plan, (B2Draft) plan.draft(), false));
  }

  /** Plans and applies {@code spec} in one step; see {@link #plan} and {@link #apply}. */
  public SetupResult run(BucketSpec spec) {
    return apply(plan(spec));
  }

  /**
   * Makes the plan's changes and saves the new keys' secrets to {@code secretsFile} (owner-only, mode 0600 from
   * creation; see {@link SetupResult#writeSecrets}), so that no key is left whose secret is lost:
   * <ul>
   *   <li>before any change, when the plan creates a key, the file is checked: not a directory, not existing,
   *       its directory exists, and a file can be created there; otherwise nothing is changed;</li>
   *   <li>if writing still fails after the keys were created, those keys are deleted again and the error says
   *       so (bucket changes stay; running the spec again creates the keys anew).</li>
   * </ul>
   * When the plan creates no key the file is neither checked nor written.
   *
   * @throws SecretsFileException naming the file and the reason, and which keys were deleted again (or, if a
   *     deletion failed too, which key must be deleted by hand)
   * @throws SetupException if a call fails, as for {@link #apply(Plan)}
   * @throws IllegalArgumentException if the plan was made by an S3 setup
   */
  public SetupResult apply(Plan plan, Path secretsFile) {
    return apply(plan, secretsFile, (file, result) -> result.writeSecrets(file, false));
  }

  /** Plans and applies {@code spec}, saving new keys' secrets to {@code secretsFile}; see {@link #apply(Plan, Path)}. */
  public SetupResult run(BucketSpec spec, Path secretsFile) {
    return apply(plan(spec), secretsFile);
  }

  /** Writes the secrets of a result; a seam for tests of the roll-back. */
  @FunctionalInterface
  interface SecretsWriter {
    void write(Path file, SetupResult result) throws IOException;
  }

  SetupResult apply(Plan plan, Path secretsFile, SecretsWriter writer) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(secretsFile, "secretsFile");
    boolean createsKey =
        plan.mutations().stream().anyMatch(c -> c.action() == Change.Action.CREATE_KEY);
    if (createsKey) {
      SecretsFile.checkWritable(secretsFile, false);
    }
    SetupResult result = apply(plan);
    if (result.createdKeys().isEmpty()) {
      return result;
    }
    try {
      writer.write(secretsFile, result);
      return result;
    } catch (IOException | RuntimeException e) {
      throw rollBack(secretsFile.toAbsolutePath(), result.createdKeys(), e);
    }
  }

  private SecretsFileException rollBack(Path file, List<CreatedKey> keys, Exception cause) {
    List<String> deleted = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (CreatedKey k : keys) {
      try {
        client.deleteKey(k.applicationKeyId());
        deleted.add(k.applicationKeyId());
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        kept.add(k.applicationKeyId());
      }
    }
    StringBuilder msg =
        new StringBuilder("cannot write the secrets file '")
            .append(file)
            .append("' (")
            .append(cause.getClass().getSimpleName());
    if (cause.getMessage() != null) {
      msg.append(": ").append(cause.getMessage());
    }
    msg.append(')');
    if (!deleted.isEmpty()) {
      msg.append("; deleted the new key(s) ")
          .append(String.join(", ", deleted))
          .append(
              " again so that no secret is lost; fix the file and run again (bucket changes stay)");
    }
    if (!kept.isEmpty()) {
      msg.append("; could not delete the new key(s) ")
          .append(String.join(", ", kept))
          .append(", whose secret is lost: delete them by hand");
    }
    return new SecretsFileException(msg.toString(), file, deleted, kept, cause);
  }

  private SetupResult applyDraft(Plan plan, B2Draft d, boolean replanned) {
    BucketSpec spec = plan.spec();
    BucketState bucket = d.existing();
    try {
      if (bucket == null) {
        String type = Objects.requireNonNull(d.bucketType(), "a new bucket's draft names its type");
        bucket =
            buckets.create(
                spec.name(),
                type,
                d.encryption(),
                spec.objectLock(),
                d.corsRules(),
                d.lifecycleRules());
        if (d.retention() != null) {
          // b2_create_bucket takes no default retention; it is set right after creation
          bucket =
              buckets.update(
                  bucket.bucketId(), bucket.revision(), null, null, null, null, d.retention());
        }
      } else if (d.touchesBucket()) {
        bucket =
            buckets.update(
                bucket.bucketId(),
                bucket.revision(),
                d.bucketType(),
                d.encryption(),
                d.corsRules(),
                d.lifecycleRules(),
                d.retention());
      }
    } catch (B2Exception e) {
      boolean raced = "duplicate_bucket_name".equals(e.code()) || e.status() == 409;
      if (!raced) {
        throw e;
      }
      if (replanned) {
        throw new SetupException(
            "bucket '"
                + spec.name()
                + "' changed while it was being updated, twice;"
                + " run the setup again",
            e.status(),
            e.code(),
            e);
      }
      Plan fresh = plan(spec);
      B2Draft fd = (B2Draft) fresh.draft();
      if (fd.existing() == null) {
        throw new SetupException(
            "bucket name '" + spec.name() + "' is already in use by another account",
            e.status(),
            e.code(),
            e);
      }
      return applyDraft(fresh, fd, true);
    }
    List<CreatedKey> created = new ArrayList<>();
    for (KeySpec k : d.newKeys()) {
      String bucketId = k.allBuckets() ? null : bucket.bucketId();
      B2Key key =
          client.createKey(
              new B2CreateKeyRequest(
                  k.keyName(),
                  k.capabilities(),
                  k.validDurationInSeconds(),
                  bucketId,
                  k.namePrefix()));
      created.add(
          new CreatedKey(
              key.keyName(),
              key.applicationKeyId(),
              key.applicationKey(),
              key.capabilities(),
              bucketId == null ? null : bucket.bucketName(),
              key.namePrefix()));
    }
    return new SetupResult(
        "b2",
        bucket.bucketName(),
        bucket.bucketId(),
        client.authorization().s3ApiUrl(),
        plan.changes(),
        created);
  }

  private List<B2Key> listKeys() {
    List<B2Key> all = new ArrayList<>();
    String start = null;
    do {
      B2KeysPage page = client.listKeys(start, 1000);
      all.addAll(page.keys());
      start = page.nextApplicationKeyId();
    } while (start != null);
    return all;
  }

  private static <T> T guarded(String step, Supplier<T> body) {
    try {
      return body.get();
    } catch (B2Exception e) {
      throw new SetupException(step + " failed: " + e.getMessage(), e.status(), e.code(), e);
    } catch (UncheckedIOException e) {
      IOException cause = Objects.requireNonNull(e.getCause(), "cause");
      throw new SetupException(
          step + " failed: cannot reach B2 (" + cause.getMessage() + ")", 0, null, e);
    }
  }

  /** Closes the underlying HTTP connections. */
  @Override
  public void close() {
    client.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Configures a {@link B2BucketSetup}. Not thread-safe. */
  public static final class Builder {
    private URI endpoint = B2Client.DEFAULT_ENDPOINT;
    private Supplier<B2Credentials> credentials = B2Credentials.environment();
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    /** Sets the authorization endpoint (default: B2 production); {@code http://127.0.0.1:PORT} for the emulator. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Uses this key id and key instead of {@code B2_APPLICATION_KEY_ID}/{@code B2_APPLICATION_KEY}. */
    public Builder credentials(String keyId, String applicationKey) {
      this.credentials = new B2Credentials(keyId, applicationKey).asSource();
      return this;
    }

    /** Reads the key id and key from the environment at the first call (the default). */
    public Builder credentialsFromEnvironment() {
      this.credentials = B2Credentials.environment();
      return this;
    }

    /** Sets the connect timeout of every B2 call (default 30 s). */
    public Builder connectTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Returns the setup; no call is made until {@link B2BucketSetup#plan}. */
    public B2BucketSetup build() {
      return new B2BucketSetup(this);
    }
  }
}
